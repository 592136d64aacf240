import { describe, expect, it } from 'vitest';
import { canHandOff, HANDOFF_MOVES, type HandoffMove, moveHandoff } from './handoff-lifecycle.js';
import { HANDOFF_STATUSES, LINES } from './vocabulary.js';

describe('handoff lifecycle', () => {
  const moves = Object.keys(HANDOFF_MOVES) as HandoffMove[];
  const cases = HANDOFF_STATUSES.flatMap((status) => moves.map((move) => [status, move] as const));

  it.each(cases)('moves %s by %s only when the table allows it', (status, move) => {
    const outcome = moveHandoff(status, move);
    if ((HANDOFF_MOVES[move].from as readonly string[]).includes(status)) {
      expect(outcome).toEqual({ ok: true, status: HANDOFF_MOVES[move].to });
    } else {
      expect(outcome.ok).toBe(false);
      expect(outcome).toMatchObject({ allowed: moves.filter((name) => (HANDOFF_MOVES[name].from as readonly string[]).includes(status)) });
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
