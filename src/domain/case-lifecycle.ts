import type { CaseStatus, Resolution } from './vocabulary.js';

// The case lifecycle as data: which statuses an agent may move a case to from each status.
// HANDED_OFF (waiting for the receiving service to answer a handoff) is entered and left only
// through handoffs (requested, then accepted, rejected or cancelled), never by a direct move, so
// it appears here only as a source. Once a handoff is accepted the receiving line works the case
// through these same moves.

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

/** How people read each status, in a sentence. */
export const CASE_STATUS_WORDS: Readonly<Record<CaseStatus, string>> = {
  NEW: 'new',
  IN_PROGRESS: 'in progress',
  WAITING_FOR_CITIZEN: 'waiting for the citizen',
  HANDED_OFF: 'handed off',
  RESOLVED: 'resolved',
  CLOSED: 'closed',
  CANCELLED: 'cancelled',
};

/** "a or b", "a, b or c". */
export function inWords(items: readonly string[], conjunction = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Why a move is refused, in words: what the case is, and what it may become instead. */
export function caseMoveRefusal(from: CaseStatus, to: CaseStatus, allowed: readonly CaseStatus[]): string {
  const what = from === to ? `The case is already ${CASE_STATUS_WORDS[from]}.` : `A case that is ${CASE_STATUS_WORDS[from]} cannot become ${CASE_STATUS_WORDS[to]}.`;
  if (from === 'HANDED_OFF') return `${what} It waits for the receiving service to answer the handoff; until then it can only be cancelled.`;
  if (allowed.length === 0) return `${what} It can no longer change.`;
  return `${what} It can become ${inWords(allowed.map((status) => CASE_STATUS_WORDS[status]))}.`;
}
