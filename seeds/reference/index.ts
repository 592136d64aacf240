export type * from './types.js';
export { departments } from './departments.js';
export { services } from './services.js';
export { themes } from './themes.js';
export { procedures } from './procedures.js';
export { publications } from './publications.js';
export { counters } from './counters.js';
export { closureDays, FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR } from './calendar.js';
export { ivrOptions } from './ivr.js';
