import { describe, expect, it } from 'vitest';
import { daysInRange, MAX_RANGE_DAYS, normaliseGroupBy, rangeProblem, rate } from './statistics.js';

describe('statistics groupings', () => {
  it('does put the groupings in canonical order, once each, whatever order they come in', () => {
    expect(normaliseGroupBy(['LANGUAGE', 'CHANNEL', 'PERIOD_MONTH', 'CHANNEL'])).toEqual({ dimensions: ['PERIOD_MONTH', 'CHANNEL', 'LANGUAGE'] });
    expect(normaliseGroupBy([])).toEqual({ dimensions: [] });
  });

  it('does refuse two periods', () => {
    expect(normaliseGroupBy(['PERIOD_YEAR', 'THEME', 'PERIOD_DAY'])).toEqual({ problem: 'At most one period grouping, got PERIOD_YEAR, PERIOD_DAY.' });
  });
});

describe('statistics ranges', () => {
  it('does count both ends', () => {
    expect(daysInRange('2026-01-01', '2026-01-01')).toBe(1);
    expect(daysInRange('2024-01-01', '2024-12-31')).toBe(366);
  });

  it('does refuse a reversed or too long range', () => {
    expect(rangeProblem('2026-02-01', '2026-01-31')).toMatch(/before/);
    expect(rangeProblem('2000-01-01', '2030-12-31')).toBe(`At most ${MAX_RANGE_DAYS} days.`);
    expect(rangeProblem('2016-01-01', '2026-12-31')).toBeNull();
  });

  it('does give no rate for nothing rather than 0', () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(0, 0)).toBeNull();
  });
});
