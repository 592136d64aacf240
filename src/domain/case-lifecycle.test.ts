import { describe, expect, it } from 'vitest';
import { CASE_MOVES, type CaseState, transition } from './case-lifecycle.js';
import { CASE_STATUSES, type CaseStatus } from './vocabulary.js';

const now = new Date('2026-03-02T10:00:00Z');
const earlier = new Date('2026-03-01T10:00:00Z');

function state(status: CaseStatus): CaseState {
  const resolved = status === 'RESOLVED' || status === 'CLOSED';
  return { status, resolution: resolved ? 'ANSWERED' : null, resolvedAt: resolved ? earlier : null, closedAt: status === 'CLOSED' ? earlier : null };
}

describe('case lifecycle', () => {
  const pairs = CASE_STATUSES.flatMap((from) => CASE_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)('moves %s → %s only when the table allows it', (from, to) => {
    const outcome = transition(state(from), to, to === 'RESOLVED' ? 'ANSWERED' : null, now);
    if (CASE_MOVES[from].includes(to)) {
      expect(outcome).toMatchObject({ ok: true, state: { status: to } });
    } else {
      expect(outcome).toEqual({ ok: false, reason: 'NOT_ALLOWED', allowed: CASE_MOVES[from] });
    }
  });

  it('never enters HANDED_OFF by a direct move, and CLOSED and CANCELLED are final', () => {
    for (const from of CASE_STATUSES) expect(CASE_MOVES[from]).not.toContain('HANDED_OFF');
    expect(CASE_MOVES.CLOSED).toEqual([]);
    expect(CASE_MOVES.CANCELLED).toEqual([]);
  });

  it('requires a resolution to resolve, and stamps the time', () => {
    expect(transition(state('IN_PROGRESS'), 'RESOLVED', null, now)).toEqual({ ok: false, reason: 'RESOLUTION_REQUIRED' });
    expect(transition(state('IN_PROGRESS'), 'RESOLVED', 'ORIENTED_TO_SERVICE', now)).toEqual({
      ok: true,
      state: { status: 'RESOLVED', resolution: 'ORIENTED_TO_SERVICE', resolvedAt: now, closedAt: null },
    });
  });

  it('refuses a resolution on a move that is not resolving', () => {
    expect(transition(state('NEW'), 'IN_PROGRESS', 'ANSWERED', now)).toEqual({ ok: false, reason: 'RESOLUTION_NOT_EXPECTED' });
  });

  it('keeps the resolution when closing and clears it when reopening', () => {
    expect(transition(state('RESOLVED'), 'CLOSED', null, now)).toEqual({
      ok: true,
      state: { status: 'CLOSED', resolution: 'ANSWERED', resolvedAt: earlier, closedAt: now },
    });
    expect(transition(state('RESOLVED'), 'IN_PROGRESS', null, now)).toEqual({
      ok: true,
      state: { status: 'IN_PROGRESS', resolution: null, resolvedAt: null, closedAt: null },
    });
  });
});
