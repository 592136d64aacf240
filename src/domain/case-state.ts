import type { CaseStatus, Line, Priority, Resolution } from './vocabulary.js';

/**
 * The state of a case stored with each of its events, so that an event read later (a replay,
 * a webhook sent again) says what the case was then, not what it is now. Built by Postgres from
 * the case row in the event's own transaction; instants are UTC ISO 8601 strings.
 */
export interface StoredCaseState {
  status: CaseStatus;
  resolution: Resolution | null;
  priority: Priority;
  line: Line;
  serviceId: string;
  assigneeId: string | null;
  dueAt: string | null;
  version: number;
}

export const CASE_STATE_FIELDS = ['status', 'resolution', 'priority', 'line', 'serviceId', 'assigneeId', 'dueAt', 'version'] as const satisfies readonly (keyof StoredCaseState)[];
export type CaseStateField = (typeof CASE_STATE_FIELDS)[number];

/** The fields whose value differs between two states, in CASE_STATE_FIELDS order; null when the earlier state is unknown. */
export function changedCaseFields(before: StoredCaseState | null, after: StoredCaseState): CaseStateField[] | null {
  if (!before) return null;
  return CASE_STATE_FIELDS.filter((field) => before[field] !== after[field]);
}
