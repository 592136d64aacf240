import { check, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { type Labels, PHONE_LINES, type PhoneLine } from '../../domain/vocabulary.js';
import { IVR_ACTIONS, type IvrAction } from '../../domain/routing.js';
import { themes } from './catalogue.js';
import { createdAt, isOneOf } from './columns.js';
import { services } from './organisation.js';

/** The voice menu of each line: what pressing a key does. */
export const ivrOptions = pgTable(
  'ivr_options',
  {
    id: uuid().primaryKey().defaultRandom(),
    line: text().$type<PhoneLine>().notNull(),
    /** The key pressed at the first menu level, e.g. "2". */
    key: text().notNull(),
    labels: jsonb().$type<Labels>().notNull(),
    action: text().$type<IvrAction>().notNull(),
    targetServiceId: uuid().references(() => services.id, { onDelete: 'restrict' }),
    themeId: uuid().references(() => themes.id, { onDelete: 'restrict' }),
    /** The recorded message a RECORDED_MESSAGE option plays. */
    message: jsonb().$type<Labels>(),
    createdAt: createdAt(),
  },
  (table) => [
    unique('ivr_options_line_key_unique').on(table.line, table.key),
    check('ivr_options_line_check', isOneOf(table.line, PHONE_LINES)),
    check('ivr_options_action_check', isOneOf(table.action, IVR_ACTIONS)),
  ],
);
