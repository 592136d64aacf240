import { inWords } from './case-lifecycle.js';
import type { HandoffStatus, Line } from './vocabulary.js';

// Handoffs as data: which moves each status allows, and where a handoff may go.

export const HANDOFF_MOVES = {
  accept: { from: ['REQUESTED'], to: 'ACCEPTED' },
  reject: { from: ['REQUESTED'], to: 'REJECTED' },
  complete: { from: ['ACCEPTED'], to: 'COMPLETED' },
  cancel: { from: ['REQUESTED', 'ACCEPTED'], to: 'CANCELLED' },
} as const satisfies Record<string, { from: readonly HandoffStatus[]; to: HandoffStatus }>;

export type HandoffMove = keyof typeof HANDOFF_MOVES;

export const OPEN_HANDOFF_STATUSES: readonly HandoffStatus[] = ['REQUESTED', 'ACCEPTED'];

export type HandoffMoveOutcome = { ok: true; status: HandoffStatus } | { ok: false; allowed: HandoffMove[] };

/** The status after a move, or the moves the current status allows. */
export function moveHandoff(status: HandoffStatus, move: HandoffMove): HandoffMoveOutcome {
  const rule = HANDOFF_MOVES[move];
  if ((rule.from as readonly HandoffStatus[]).includes(status)) return { ok: true, status: rule.to };
  return { ok: false, allowed: (Object.keys(HANDOFF_MOVES) as HandoffMove[]).filter((name) => (HANDOFF_MOVES[name].from as readonly HandoffStatus[]).includes(status)) };
}

const HANDOFF_STATE_WORDS: Record<HandoffStatus, string> = {
  REQUESTED: 'is waiting for an answer',
  ACCEPTED: 'was already accepted',
  COMPLETED: 'was already completed',
  REJECTED: 'was rejected',
  CANCELLED: 'was cancelled',
};

const MOVE_WORDS: Record<HandoffMove, string> = { accept: 'accepted', reject: 'rejected', complete: 'completed', cancel: 'cancelled' };

/** Why a move is refused, in words: "This handoff was already accepted: it can only be completed or cancelled now." */
export function handoffMoveRefusal(status: HandoffStatus, allowed: readonly HandoffMove[]): string {
  const what = `This handoff ${HANDOFF_STATE_WORDS[status]}`;
  if (allowed.length === 0) return `${what}: it can no longer be answered or cancelled.`;
  return `${what}: it can only be ${inWords(allowed.map((move) => MOVE_WORDS[move]))} now.`;
}

const LINE_RANK: Record<Line, number> = { FIRST: 1, SECOND: 2, THIRD: 3 };

/**
 * A case is handed one line up: first → second, second → third. A third line hands back down
 * only by completing the handoff it received.
 */
export function canHandOff(fromLine: Line, toLine: Line): boolean {
  return LINE_RANK[toLine] === LINE_RANK[fromLine] + 1;
}
