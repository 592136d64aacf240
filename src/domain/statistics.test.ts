import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInRange, MAX_RANGE_DAYS, normaliseGroupBy, rangeProblem, rate, statisticsRowBound } from './statistics.js';

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

describe('statistics row bound', () => {
  /** The periods a range really touches, day by day. */
  function periodsTouched(from: string, to: string, key: (day: Date) => string): number {
    const seen = new Set<string>();
    for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += 86_400_000) seen.add(key(new Date(time)));
    return seen.size;
  }
  const isoWeek = (day: Date) => {
    const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * 86_400_000);
    return `${thursday.getUTCFullYear()}-${Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / (7 * 86_400_000))}`;
  };

  it('does never count fewer rows than the periods a range touches', () => {
    const day = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }).map((time) => new Date(time - (time % 86_400_000)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), (from, length) => {
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10);
        expect(statisticsRowBound({ from, to, groupBy: ['PERIOD_DAY'] })).toBe(length + 1);
        expect(statisticsRowBound({ from, to, groupBy: ['PERIOD_WEEK'] })).toBeGreaterThanOrEqual(periodsTouched(from, to, isoWeek));
        expect(statisticsRowBound({ from, to, groupBy: ['PERIOD_MONTH'] })).toBeGreaterThanOrEqual(periodsTouched(from, to, (d) => d.toISOString().slice(0, 7)));
        expect(statisticsRowBound({ from, to, groupBy: ['PERIOD_YEAR'] })).toBeGreaterThanOrEqual(periodsTouched(from, to, (d) => d.toISOString().slice(0, 4)));
      }),
      { numRuns: 200 },
    );
  });

  it('does multiply the period by every other grouping, each counted once', () => {
    expect(statisticsRowBound({ from: '2026-01-01', to: '2026-01-01', groupBy: [] })).toBe(1);
    expect(statisticsRowBound({ from: '2026-01-01', to: '2026-01-10', groupBy: ['PERIOD_DAY', 'CHANNEL', 'LANGUAGE', 'CHANNEL'] })).toBe(10 * 6 * 4);
  });
});
