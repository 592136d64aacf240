import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  type BusinessCalendar,
  brusselsDateOf,
  brusselsDayBounds,
  businessTimeBetween,
  isWithinOpeningHours,
  STANDARD_OPENING_HOURS,
} from './business-calendar.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const calendar: BusinessCalendar = { openingHours: STANDARD_OPENING_HOURS, closureDays: new Set(['2026-11-02']) };

/** Brussels wall-clock → instant, for readable examples (CET is UTC+1, CEST UTC+2). */
const brussels = (iso: string, offsetHours: number) => new Date(Date.parse(`${iso}Z`) - offsetHours * HOUR);

describe('business calendar', () => {
  it('makes a Friday 16:00 request with 4 business hours due on Monday 11:30', () => {
    // Friday 13 March 2026 (CET); Monday 16 March is a working day.
    expect(addBusinessTime(calendar, brussels('2026-03-13T16:00:00', 1), 4 * HOUR)).toEqual(brussels('2026-03-16T11:30:00', 1));
  });

  it('skips Easter Monday and 21 July', () => {
    // Thursday 2 April 2026 16:00 + 4 h: Friday 3 April is a working day, Easter Monday 6 April is not.
    expect(addBusinessTime(calendar, brussels('2026-04-03T16:00:00', 2), 4 * HOUR)).toEqual(brussels('2026-04-07T11:30:00', 2));
    // Monday 20 July 2026 16:00 + 2 h: Tuesday 21 July is the national day.
    expect(addBusinessTime(calendar, brussels('2026-07-20T16:00:00', 2), 2 * HOUR)).toEqual(brussels('2026-07-22T09:30:00', 2));
  });

  it('skips the closure days of the database', () => {
    // Friday 30 October 2026 16:00 + 2 h: Monday 2 November is a regional closure day.
    expect(addBusinessTime(calendar, brussels('2026-10-30T16:00:00', 1), 2 * HOUR)).toEqual(brussels('2026-11-03T09:30:00', 1));
  });

  it('starts counting at the next opening when a request arrives outside opening hours', () => {
    expect(addBusinessTime(calendar, brussels('2026-03-14T10:00:00', 1), HOUR)).toEqual(brussels('2026-03-16T09:30:00', 1));
    expect(addBusinessTime(calendar, brussels('2026-03-16T07:00:00', 1), HOUR)).toEqual(brussels('2026-03-16T09:30:00', 1));
    expect(addBusinessTime(calendar, brussels('2026-03-16T18:00:00', 1), HOUR)).toEqual(brussels('2026-03-17T09:30:00', 1));
  });

  it('keeps opening hours in local time across the daylight-saving changes', () => {
    // Friday 27 March 2026 16:00 CET + 2 h → Monday 30 March 09:30 CEST (clocks moved on Sunday 29).
    expect(addBusinessTime(calendar, brussels('2026-03-27T16:00:00', 1), 2 * HOUR)).toEqual(brussels('2026-03-30T09:30:00', 2));
    // Friday 23 October 2026 16:00 CEST + 2 h → Monday 26 October 09:30 CET.
    expect(addBusinessTime(calendar, brussels('2026-10-23T16:00:00', 2), 2 * HOUR)).toEqual(brussels('2026-10-26T09:30:00', 1));
  });

  it('measures a whole week as five days of 8.5 hours', () => {
    expect(businessTimeBetween(calendar, brussels('2026-03-16T00:00:00', 1), brussels('2026-03-23T00:00:00', 1))).toBe(5 * 8.5 * HOUR);
    expect(businessTimeBetween(calendar, brussels('2026-03-23T00:00:00', 1), brussels('2026-03-16T00:00:00', 1))).toBe(0);
  });

  const instants = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true });
  const durations = fc.integer({ min: 1, max: 40 * 8.5 * 60 }).map((minutes) => minutes * MINUTE);

  it('gives back the duration when measuring what it added (property)', () => {
    fc.assert(
      fc.property(instants, durations, (start, duration) => {
        expect(businessTimeBetween(calendar, start, addBusinessTime(calendar, start, duration))).toBe(duration);
      }),
      { numRuns: 200 },
    );
  });

  it('never gives a due date outside opening hours (property)', () => {
    fc.assert(
      fc.property(instants, durations, (start, duration) => {
        expect(isWithinOpeningHours(calendar, addBusinessTime(calendar, start, duration))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is monotonic: more business time is never due earlier (property)', () => {
    fc.assert(
      fc.property(instants, durations, durations, (start, first, second) => {
        const [shorter, longer] = first <= second ? [first, second] : [second, first];
        expect(addBusinessTime(calendar, start, shorter).getTime()).toBeLessThanOrEqual(addBusinessTime(calendar, start, longer).getTime());
      }),
      { numRuns: 100 },
    );
  });
});

describe('brusselsDayBounds', () => {
  it('gives a 23-hour day on the change to summer time and a 24-hour one otherwise', () => {
    const spring = brusselsDayBounds('2027-03-28');
    expect(spring.start.toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(spring.end.toISOString()).toBe('2027-03-28T22:00:00.000Z');
    const winter = brusselsDayBounds('2026-12-07');
    expect(winter.end.getTime() - winter.start.getTime()).toBe(86_400_000);
    expect(brusselsDateOf(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
  });
});
