import { describe, expect, it } from 'vitest';
import { choosePolicy, type SlaPolicy, slaState } from './sla.js';

const policy = (overrides: Partial<SlaPolicy>): SlaPolicy => ({
  kind: 'RESOLUTION',
  channel: null,
  themeId: null,
  line: null,
  procedureId: null,
  businessMinutes: 2550,
  atRiskPercent: 80,
  ...overrides,
});

const subject = { channel: 'EMAIL' as const, themeIds: ['energy-premiums', 'energy'], line: 'FIRST' as const, procedureId: null };

describe('choosePolicy', () => {
  const general = policy({});
  const firstLine = policy({ line: 'FIRST', businessMinutes: 1020 });
  const energy = policy({ themeId: 'energy', businessMinutes: 5100 });
  const energyByEmail = policy({ themeId: 'energy', channel: 'EMAIL', businessMinutes: 3000 });
  const other = policy({ themeId: 'housing', channel: 'EMAIL', line: 'FIRST', businessMinutes: 10 });

  it('takes the most specific matching policy', () => {
    expect(choosePolicy([general, firstLine, energy, energyByEmail, other], 'RESOLUTION', subject)).toBe(energyByEmail);
    expect(choosePolicy([general, firstLine, energy], 'RESOLUTION', { ...subject, channel: 'PHONE' })).toBe(firstLine);
  });

  it('takes the shorter budget between equally specific ones, and covers sub-themes with a parent’s policy', () => {
    expect(choosePolicy([energy, firstLine], 'RESOLUTION', subject)).toBe(firstLine);
    expect(choosePolicy([energy], 'RESOLUTION', subject)).toBe(energy);
  });

  it('ignores other kinds and gives nothing when nothing matches', () => {
    expect(choosePolicy([policy({ kind: 'FIRST_RESPONSE' })], 'RESOLUTION', subject)).toBeUndefined();
    expect(choosePolicy([other], 'RESOLUTION', subject)).toBeUndefined();
  });
});

describe('slaState', () => {
  const dueAt = new Date('2026-03-20T16:00:00Z');
  const atRiskAt = new Date('2026-03-19T10:00:00Z');
  const clock = { dueAt, atRiskAt, waitingSince: null, settledAt: null };

  it.each([
    ['2026-03-18T10:00:00Z', 'ON_TRACK'],
    ['2026-03-19T10:00:00Z', 'AT_RISK'],
    ['2026-03-20T16:00:00Z', 'AT_RISK'],
    ['2026-03-20T16:00:01Z', 'BREACHED'],
  ] as const)('is %s → %s for an open case', (now, state) => {
    expect(slaState(clock, new Date(now))).toBe(state);
  });

  it('stands still while the case waits for the citizen, and judges a settled case at its resolution', () => {
    const later = new Date('2026-04-30T10:00:00Z');
    expect(slaState({ ...clock, waitingSince: new Date('2026-03-18T10:00:00Z') }, later)).toBe('ON_TRACK');
    expect(slaState({ ...clock, settledAt: new Date('2026-03-21T10:00:00Z') }, later)).toBe('BREACHED');
  });

  it('is null without a deadline', () => {
    expect(slaState({ dueAt: null, atRiskAt: null, waitingSince: null, settledAt: null }, new Date())).toBeNull();
  });
});
