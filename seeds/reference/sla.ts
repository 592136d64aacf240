import { procedures } from './procedures.js';
import type { SlaPolicySeed } from './types.js';

// Service-level targets (plausible, not published): a business day is 8.5 hours (08:30–17:00).
// Online procedures take their published expected duration.

const DAY = 8.5 * 60;

export const slaPolicies: SlaPolicySeed[] = [
  { kind: 'RESOLUTION', businessMinutes: 5 * DAY },
  { kind: 'RESOLUTION', line: 'FIRST', businessMinutes: 2 * DAY },
  { kind: 'RESOLUTION', line: 'SECOND', businessMinutes: 20 * DAY },
  { kind: 'RESOLUTION', line: 'THIRD', businessMinutes: 30 * DAY },
  { kind: 'RESOLUTION', channel: 'LETTER', businessMinutes: 10 * DAY },
  { kind: 'RESOLUTION', themeCode: 'SOCIAL', line: 'FIRST', businessMinutes: 1 * DAY, atRiskPercent: 50 },
  { kind: 'FIRST_RESPONSE', channel: 'EMAIL', businessMinutes: 1 * DAY },
  { kind: 'FIRST_RESPONSE', channel: 'CHAT', businessMinutes: 30 },
  { kind: 'FIRST_RESPONSE', channel: 'LETTER', businessMinutes: 5 * DAY },
  { kind: 'HANDOFF_ACCEPTANCE', line: 'SECOND', businessMinutes: 1 * DAY },
  { kind: 'HANDOFF_ACCEPTANCE', line: 'THIRD', businessMinutes: 2 * DAY },
  ...procedures.map((procedure) => ({
    kind: 'RESOLUTION' as const,
    procedureCode: procedure.code,
    businessMinutes: procedure.expectedDurationDays * DAY,
  })),
];
