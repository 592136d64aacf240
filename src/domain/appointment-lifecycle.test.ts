import { describe, expect, it } from 'vitest';
import { APPOINTMENT_MOVES, isNoShowDue, moveAppointment, moveAppointmentAt } from './appointment-lifecycle.js';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from './vocabulary.js';

/** Written out by hand from issue 19 rather than read from APPOINTMENT_MOVES: a wrong edit of the table must fail here. */
const ALLOWED: Record<AppointmentStatus, AppointmentStatus[]> = {
  BOOKED: ['CHECKED_IN', 'CANCELLED', 'NO_SHOW'],
  CHECKED_IN: ['DONE'],
  DONE: [],
  CANCELLED: [],
  NO_SHOW: [],
};

describe('appointment lifecycle', () => {
  it('knows the same statuses as the hand-written table', () => {
    expect(Object.keys(APPOINTMENT_MOVES).sort()).toEqual([...APPOINTMENT_STATUSES].sort());
  });

  it.each(APPOINTMENT_STATUSES.flatMap((from) => APPOINTMENT_STATUSES.map((to) => [from, to] as const)))('moves %s to %s only when allowed', (from, to) => {
    expect(moveAppointment(from, to).ok).toBe(ALLOWED[from].includes(to));
  });

  it('says a refused move in words', () => {
    expect(moveAppointment('CHECKED_IN', 'CANCELLED')).toMatchObject({ ok: false, message: 'An appointment that is checked in cannot be cancelled: it can only be done.' });
    expect(moveAppointment('CANCELLED', 'CANCELLED')).toMatchObject({ ok: false, message: 'This appointment is already cancelled: it can no longer change.' });
  });

  it('makes a booked appointment a no-show one hour after its end, and nothing else', () => {
    const endsAt = new Date('2027-01-04T09:20:00Z');
    expect(isNoShowDue({ status: 'BOOKED', endsAt }, new Date('2027-01-04T10:19:59Z'))).toBe(false);
    expect(isNoShowDue({ status: 'BOOKED', endsAt }, new Date('2027-01-04T10:20:00Z'))).toBe(true);
    expect(isNoShowDue({ status: 'CHECKED_IN', endsAt }, new Date('2027-01-05T00:00:00Z'))).toBe(false);
  });

  it('cancels and moves only before the start, checks in from two hours before until an hour after the end, and misses only once started', () => {
    const booked = { status: 'BOOKED' as const, startsAt: new Date('2027-01-04T09:00:00Z'), endsAt: new Date('2027-01-04T09:20:00Z') };
    const at = (iso: string) => new Date(iso);
    expect(moveAppointmentAt(booked, 'CANCELLED', at('2027-01-04T08:59:59Z')).ok).toBe(true);
    expect(moveAppointmentAt(booked, 'CANCELLED', at('2027-01-04T09:00:00Z'))).toMatchObject({ ok: false, allowed: ['CHECKED_IN', 'NO_SHOW'] });
    expect(moveAppointmentAt(booked, 'RESCHEDULED', at('2027-01-04T08:00:00Z')).ok).toBe(true);
    expect(moveAppointmentAt(booked, 'RESCHEDULED', at('2027-01-04T09:05:00Z')).ok).toBe(false);
    expect(moveAppointmentAt({ ...booked, status: 'CANCELLED' }, 'RESCHEDULED', at('2027-01-04T08:00:00Z'))).toMatchObject({ ok: false, message: 'Only a booked appointment can be moved; this one is cancelled.' });
    expect(moveAppointmentAt(booked, 'CHECKED_IN', at('2027-01-04T06:59:59Z')).ok).toBe(false);
    expect(moveAppointmentAt(booked, 'CHECKED_IN', at('2027-01-04T07:00:00Z')).ok).toBe(true);
    expect(moveAppointmentAt(booked, 'CHECKED_IN', at('2027-01-04T10:19:59Z')).ok).toBe(true);
    expect(moveAppointmentAt(booked, 'CHECKED_IN', at('2027-01-04T10:20:00Z')).ok).toBe(false);
    expect(moveAppointmentAt(booked, 'NO_SHOW', at('2027-01-04T08:59:59Z')).ok).toBe(false);
    expect(moveAppointmentAt(booked, 'NO_SHOW', at('2027-01-04T09:00:00Z')).ok).toBe(true);
    expect(moveAppointmentAt({ ...booked, status: 'CHECKED_IN' }, 'DONE', at('2027-01-04T09:10:00Z')).ok).toBe(true);
  });
});
