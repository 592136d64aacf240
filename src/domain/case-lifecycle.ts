import type { CaseStatus, Resolution } from './vocabulary.js';

// The case lifecycle as data: which statuses an agent may move a case to from each status.
// HANDED_OFF is entered and left only through handoffs (requested, rejected, completed), never
// by a direct move, so it appears here only as a source.

export const CASE_MOVES: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  NEW: ['IN_PROGRESS', 'WAITING_FOR_CITIZEN', 'RESOLVED', 'CANCELLED'],
  IN_PROGRESS: ['WAITING_FOR_CITIZEN', 'RESOLVED', 'CANCELLED'],
  WAITING_FOR_CITIZEN: ['IN_PROGRESS', 'RESOLVED', 'CANCELLED'],
  HANDED_OFF: ['CANCELLED'],
  RESOLVED: ['CLOSED', 'IN_PROGRESS'],
  CLOSED: [],
  CANCELLED: [],
};

/** Statuses in which a case still needs work: the backlog, and what "overdue" applies to. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['NEW', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN', 'HANDED_OFF'];

export interface CaseState {
  status: CaseStatus;
  resolution: Resolution | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
}

export type TransitionOutcome =
  | { ok: true; state: CaseState }
  | { ok: false; reason: 'NOT_ALLOWED'; allowed: readonly CaseStatus[] }
  | { ok: false; reason: 'RESOLUTION_REQUIRED' }
  | { ok: false; reason: 'RESOLUTION_NOT_EXPECTED' };

/**
 * The state after moving `from` to `to`. Resolving needs a resolution; closing keeps the one
 * given when resolving; reopening (RESOLVED → IN_PROGRESS) clears it.
 */
export function transition(from: CaseState, to: CaseStatus, resolution: Resolution | null, now: Date): TransitionOutcome {
  const allowed = CASE_MOVES[from.status];
  if (!allowed.includes(to)) return { ok: false, reason: 'NOT_ALLOWED', allowed };
  if (to === 'RESOLVED') {
    if (!resolution) return { ok: false, reason: 'RESOLUTION_REQUIRED' };
    return { ok: true, state: { status: to, resolution, resolvedAt: now, closedAt: null } };
  }
  if (resolution) return { ok: false, reason: 'RESOLUTION_NOT_EXPECTED' };
  if (to === 'CLOSED') return { ok: true, state: { status: to, resolution: from.resolution, resolvedAt: from.resolvedAt, closedAt: now } };
  return { ok: true, state: { status: to, resolution: null, resolvedAt: null, closedAt: null } };
}
