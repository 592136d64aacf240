import { describe, expect, it } from 'vitest';
import { caseMoveRefusal, type CaseState, inWords, transition } from './case-lifecycle.js';
import { CASE_STATUSES, type CaseStatus } from './vocabulary.js';

const now = new Date('2026-03-02T10:00:00Z');
const earlier = new Date('2026-03-01T10:00:00Z');

function state(status: CaseStatus): CaseState {
  const resolved = status === 'RESOLVED' || status === 'CLOSED';
  return { status, resolution: resolved ? 'ANSWERED' : null, resolvedAt: resolved ? earlier : null, closedAt: status === 'CLOSED' ? earlier : null };
}

/**
 * The allowed moves, written out by hand from the specification rather than read from
 * CASE_MOVES: a wrong edit of the rule table must fail here.
 */
const ALLOWED: Record<CaseStatus, CaseStatus[]> = {
  NEW: ['IN_PROGRESS', 'WAITING_FOR_CITIZEN', 'RESOLVED', 'CANCELLED'],
  IN_PROGRESS: ['WAITING_FOR_CITIZEN', 'RESOLVED', 'CANCELLED'],
  WAITING_FOR_CITIZEN: ['IN_PROGRESS', 'RESOLVED', 'CANCELLED'],
  HANDED_OFF: ['CANCELLED'],
  RESOLVED: ['CLOSED', 'IN_PROGRESS'],
  CLOSED: [],
  CANCELLED: [],
};

describe('case lifecycle', () => {
  const pairs = CASE_STATUSES.flatMap((from) => CASE_STATUSES.map((to) => [from, to] as const));

  it('covers every status in the hand-written table', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...CASE_STATUSES].sort());
  });

  it.each(pairs)('moves %s → %s only when the specification allows it', (from, to) => {
    const outcome = transition(state(from), to, to === 'RESOLVED' ? 'ANSWERED' : null, now);
    if (ALLOWED[from].includes(to)) {
      expect(outcome).toMatchObject({ ok: true, state: { status: to } });
    } else {
      expect(outcome).toMatchObject({ ok: false, reason: 'NOT_ALLOWED' });
      expect(outcome.ok === false && outcome.reason === 'NOT_ALLOWED' && [...outcome.allowed].sort()).toEqual([...ALLOWED[from]].sort());
    }
  });

  it('never enters HANDED_OFF by a direct move, and CLOSED and CANCELLED are final', () => {
    for (const from of CASE_STATUSES) expect(transition(state(from), 'HANDED_OFF', null, now)).toMatchObject({ ok: false, reason: 'NOT_ALLOWED' });
    for (const to of CASE_STATUSES) {
      expect(transition(state('CLOSED'), to, to === 'RESOLVED' ? 'ANSWERED' : null, now)).toEqual({ ok: false, reason: 'NOT_ALLOWED', allowed: [] });
      expect(transition(state('CANCELLED'), to, to === 'RESOLVED' ? 'ANSWERED' : null, now)).toEqual({ ok: false, reason: 'NOT_ALLOWED', allowed: [] });
    }
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

describe('refused moves in words', () => {
  it('names the statuses as people say them, and what the case may become instead', () => {
    expect(caseMoveRefusal('RESOLVED', 'WAITING_FOR_CITIZEN', ['CLOSED', 'IN_PROGRESS'])).toBe(
      'A case that is resolved cannot become waiting for the citizen. It can become closed or in progress.',
    );
    expect(caseMoveRefusal('IN_PROGRESS', 'IN_PROGRESS', ['WAITING_FOR_CITIZEN', 'RESOLVED', 'CANCELLED'])).toBe(
      'The case is already in progress. It can become waiting for the citizen, resolved or cancelled.',
    );
    expect(caseMoveRefusal('CLOSED', 'IN_PROGRESS', [])).toBe('A case that is closed cannot become in progress. It can no longer change.');
    expect(caseMoveRefusal('HANDED_OFF', 'RESOLVED', ['CANCELLED'])).toMatch(/waits for the receiving service to answer the handoff/);
  });

  it('lists with commas and a last conjunction', () => {
    expect([inWords([]), inWords(['a']), inWords(['a', 'b']), inWords(['a', 'b', 'c'])]).toEqual(['', 'a', 'a or b', 'a, b or c']);
  });
});
