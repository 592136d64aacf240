import { describe, expect, it } from 'vitest';
import { canHandOff, HANDOFF_MOVES, type HandoffMove, handoffMoveRefusal, moveHandoff } from './handoff-lifecycle.js';
import { HANDOFF_STATUSES, type HandoffStatus, LINES } from './vocabulary.js';

/**
 * The allowed moves, written out by hand from the specification rather than read from
 * HANDOFF_MOVES: for each status, each move it allows and the status it leads to.
 */
const ALLOWED: Record<HandoffStatus, Partial<Record<HandoffMove, HandoffStatus>>> = {
  REQUESTED: { accept: 'ACCEPTED', reject: 'REJECTED', cancel: 'CANCELLED' },
  ACCEPTED: { complete: 'COMPLETED', cancel: 'CANCELLED' },
  COMPLETED: {},
  REJECTED: {},
  CANCELLED: {},
};
const MOVES: HandoffMove[] = ['accept', 'reject', 'complete', 'cancel'];

describe('handoff lifecycle', () => {
  const cases = HANDOFF_STATUSES.flatMap((status) => MOVES.map((move) => [status, move] as const));

  it('knows the same statuses and moves as the hand-written table', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...HANDOFF_STATUSES].sort());
    expect(Object.keys(HANDOFF_MOVES).sort()).toEqual([...MOVES].sort());
  });

  it.each(cases)('moves %s by %s only when the specification allows it', (status, move) => {
    const outcome = moveHandoff(status, move);
    const to = ALLOWED[status][move];
    if (to) {
      expect(outcome).toEqual({ ok: true, status: to });
    } else {
      expect(outcome.ok).toBe(false);
      expect(outcome.ok === false && [...outcome.allowed].sort()).toEqual(Object.keys(ALLOWED[status]).sort());
    }
  });

  it('follows REQUESTED → ACCEPTED → COMPLETED and ends in COMPLETED, REJECTED or CANCELLED', () => {
    expect(moveHandoff('REQUESTED', 'accept')).toEqual({ ok: true, status: 'ACCEPTED' });
    expect(moveHandoff('ACCEPTED', 'complete')).toEqual({ ok: true, status: 'COMPLETED' });
    for (const final of ['COMPLETED', 'REJECTED', 'CANCELLED'] as const) {
      expect(moveHandoff(final, 'cancel')).toEqual({ ok: false, allowed: [] });
    }
  });

  it.each(LINES.flatMap((from) => LINES.map((to) => [from, to] as const)))('hands a case from %s to %s only one line up', (from, to) => {
    const allowed = (from === 'FIRST' && to === 'SECOND') || (from === 'SECOND' && to === 'THIRD');
    expect(canHandOff(from, to)).toBe(allowed);
  });
});

describe('refused handoff moves in words', () => {
  it('says what the handoff is and what may still be done with it', () => {
    expect(handoffMoveRefusal('ACCEPTED', ['complete', 'cancel'])).toBe('This handoff was already accepted: it can only be completed or cancelled now.');
    expect(handoffMoveRefusal('REQUESTED', ['accept', 'reject', 'cancel'])).toBe('This handoff is waiting for an answer: it can only be accepted, rejected or cancelled now.');
    expect(handoffMoveRefusal('REJECTED', [])).toBe('This handoff was rejected: it can no longer be answered or cancelled.');
  });
});
