import { describe, expect, it } from 'vitest';
import { BOOKING_HORIZON_DAYS, type BookableSchedule, firstFreeSlot, slotsOf } from './appointment-slots.js';

// An Espace Wallonie open 09:00–12:00 and 13:00–16:00 on weekdays, Wednesday mornings only.
const COUNTER: BookableSchedule = {
  openingHours: [
    ...[1, 2, 4, 5].flatMap((weekday) => [
      { weekday, opensAt: 540, closesAt: 720 },
      { weekday, opensAt: 780, closesAt: 960 },
    ]),
    { weekday: 3, opensAt: 540, closesAt: 720 },
  ],
  closureDays: new Set(['2027-03-30']),
};

const at = (iso: string) => new Date(iso);
const starts = (slots: { start: Date }[]) => slots.map((slot) => slot.start.toISOString());

describe('appointment slots', () => {
  it('cuts each window into whole appointments and skips the lunch break', () => {
    const slots = slotsOf(COUNTER, { durationMinutes: 45, from: at('2027-03-22T00:00:00Z'), to: at('2027-03-23T00:00:00Z'), now: at('2027-03-01T00:00:00Z'), horizonDays: BOOKING_HORIZON_DAYS });
    // Monday 22 March 2027, UTC+1: 09:00, 09:45, 10:30, 11:15 (12:00 would end after closing), then 13:00 …
    expect(starts(slots)).toEqual([
      '2027-03-22T08:00:00.000Z',
      '2027-03-22T08:45:00.000Z',
      '2027-03-22T09:30:00.000Z',
      '2027-03-22T10:15:00.000Z',
      '2027-03-22T12:00:00.000Z',
      '2027-03-22T12:45:00.000Z',
      '2027-03-22T13:30:00.000Z',
      '2027-03-22T14:15:00.000Z',
    ]);
    expect(slots.every((slot) => slot.end.getTime() - slot.start.getTime() === 45 * 60_000)).toBe(true);
  });

  it('keeps local hours across the change to summer time, and offers nothing on a closure day or a public holiday', () => {
    const week = slotsOf(COUNTER, { durationMinutes: 60, from: at('2027-03-26T00:00:00Z'), to: at('2027-04-01T00:00:00Z'), now: at('2027-03-01T00:00:00Z'), horizonDays: BOOKING_HORIZON_DAYS });
    const firstOfDay = (day: string) => starts(week).find((start) => start.startsWith(day));
    expect(firstOfDay('2027-03-26')).toBe('2027-03-26T08:00:00.000Z'); // Friday, 09:00 UTC+1
    expect(firstOfDay('2027-03-27')).toBeUndefined(); // Saturday
    expect(firstOfDay('2027-03-29')).toBeUndefined(); // Easter Monday, a public holiday
    expect(firstOfDay('2027-03-30')).toBeUndefined(); // the resource's closure day
    // Wednesday after the change of 28 March: 09:00 is now UTC+2, and mornings only.
    expect(starts(week).filter((start) => start.startsWith('2027-03-31'))).toEqual(['2027-03-31T07:00:00.000Z', '2027-03-31T08:00:00.000Z', '2027-03-31T09:00:00.000Z']);
  });

  it('offers nothing in the past, beyond the horizon, or for a request that ends before it starts', () => {
    const now = at('2027-03-22T09:10:00Z'); // Monday 10:10 in Brussels
    const today = slotsOf(COUNTER, { durationMinutes: 30, from: at('2027-03-22T00:00:00Z'), to: at('2027-03-23T00:00:00Z'), now, horizonDays: BOOKING_HORIZON_DAYS });
    expect(starts(today)[0]).toBe('2027-03-22T09:30:00.000Z');
    const far = slotsOf(COUNTER, { durationMinutes: 30, from: at('2027-06-01T00:00:00Z'), to: at('2027-06-30T00:00:00Z'), now, horizonDays: 30 });
    expect(far).toEqual([]);
    expect(slotsOf(COUNTER, { durationMinutes: 30, from: at('2027-03-23T00:00:00Z'), to: at('2027-03-22T00:00:00Z'), now, horizonDays: 60 })).toEqual([]);
    // The last day of the horizon is offered whole, not cut at the time of day the search runs.
    // Thursday 1 April, ten days on: its 15:30 slot (UTC+2) too, though the search runs at 10:10.
    const lastDay = slotsOf(COUNTER, { durationMinutes: 30, from: at('2027-04-01T00:00:00Z'), to: at('2027-04-03T00:00:00Z'), now, horizonDays: 10 });
    expect(starts(lastDay).at(-1)).toBe('2027-04-01T13:30:00.000Z');
    expect(() => slotsOf(COUNTER, { durationMinutes: 0, from: now, to: now, now, horizonDays: 60 })).toThrow(RangeError);
  });

  describe('the first free slot', () => {
    // Monday 22 March 2027 (UTC+1), 30-minute slots from 09:00: 08:00Z, 08:30Z, 09:00Z …
    const slots = slotsOf(COUNTER, { durationMinutes: 30, from: at('2027-03-22T00:00:00Z'), to: at('2027-03-23T00:00:00Z'), now: at('2027-03-01T00:00:00Z'), horizonDays: BOOKING_HORIZON_DAYS });
    const held = (desk: number, start: string, minutes: number) => ({ desk, start: at(start), end: new Date(at(start).getTime() + minutes * 60_000) });

    it.each([
      ['nothing is held', [], 2, '2027-03-22T08:00:00.000Z', 2],
      ['one of two desks is held', [held(1, '2027-03-22T08:00:00Z', 30)], 2, '2027-03-22T08:00:00.000Z', 1],
      ['both desks are held at 09:00', [held(1, '2027-03-22T08:00:00Z', 30), held(2, '2027-03-22T08:00:00Z', 30)], 2, '2027-03-22T08:30:00.000Z', 2],
      // A 45-minute appointment from 09:00 reaches into the 09:30 slot.
      ['a longer appointment overlaps the next slot', [held(1, '2027-03-22T08:00:00Z', 45)], 1, '2027-03-22T09:00:00.000Z', 1],
      ['one desk is held twice over the hour, the other is free', [held(1, '2027-03-22T08:00:00Z', 30), held(1, '2027-03-22T08:30:00Z', 30)], 2, '2027-03-22T08:00:00.000Z', 1],
    ] as const)('picks the first slot with a desk free when %s', (_case, rows, desks, start, freeDesks) => {
      const free = firstFreeSlot(slots, rows, desks);
      expect(free?.slot.start.toISOString()).toBe(start);
      expect(free?.freeDesks).toBe(freeDesks);
    });

    it('gives null when every slot is full', () => {
      const everyDesk = slots.map((slot) => ({ desk: 1, start: slot.start, end: slot.end }));
      expect(firstFreeSlot(slots, everyDesk, 1)).toBeNull();
      expect(firstFreeSlot([], [], 1)).toBeNull();
    });
  });
});
