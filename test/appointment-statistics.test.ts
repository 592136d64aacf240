import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../src/domain/ids.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';
import type { AppointmentCounts } from '../src/services/appointments/statistics.js';

// Appointment figures (issue 19) through the public API, on a clock the test moves: Monday
// 11 January 2027, 08:00 in Brussels (UTC+1), the first day of ISO week 2027-W02. The seed books
// nothing: every appointment counted here is booked below.
//
// EW-LIEGE.ENERGY: one desk, Thursdays 13:00–16:00. EW-NAMUR.ENERGY: two desks, Tuesdays
// 09:00–12:00 and 13:00–15:30. Both belong to TLPE-ENERGY; ENERGY.ADVICE and ENERGY.PREMIUMS
// take 30 minutes there, ENERGY.AUDIT 45.

const START_OF_TEST = new Date('2027-01-11T07:00:00Z');
let now = START_OF_TEST;
let server: TestServer;
const tokens: Record<string, string> = {};
const resourceIds: Record<string, string> = {};
const MARIE = '00000000-0000-4000-8000-000000000001';

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  for (const login of ['demo.first', 'demo.energy', 'demo.supervisor']) tokens[login] = await tokenFor({ role: 'agent', sub: login });
  tokens.energyAccount = await tokenFor({ role: 'service', sub: 'TLPE-ENERGY' });
  tokens.housingAccount = await tokenFor({ role: 'service', sub: 'TLPE-HOUSING' });
  tokens.marie = await tokenFor({ role: 'citizen', sub: MARIE });
  const { data } = await execute<{ bookableResources: { id: string; code: string }[] }>(server.client(), gql`{ bookableResources { id code } }`);
  for (const resource of data!.bookableResources) resourceIds[resource.code] = resource.id;
});
afterAll(() => server?.close());

async function command(who: string, field: string, input: Record<string, unknown>): Promise<{ id: string; status: string }> {
  const name = `${field.charAt(0).toUpperCase()}${field.slice(1)}`;
  const { data, errors } = await execute<Record<string, { __typename: string; appointment?: { id: string; status: string } }>>(
    server.client(tokens[who]),
    `mutation ($input: ${name}Input!) { ${field}(input: $input) { __typename ... on Error { message } ... on ${name}Success { appointment { id status } } } }`,
    { input },
  );
  expect(errors).toBeUndefined();
  expect(data![field]!.__typename).toBe(`${name}Success`);
  return data![field]!.appointment!;
}

/** Books for Marie by phone, at the start given in UTC. */
async function book(resourceCode: string, themeCode: string, start: string): Promise<string> {
  const appointment = await command('demo.first', 'bookAppointment', { resourceId: resourceIds[resourceCode], start, themeCode, citizenId: globalId('Citizen', MARIE), channel: 'PHONE' });
  return appointment.id;
}

/** Runs `act` with the server's clock at `instant`. */
async function at<T>(instant: string, act: () => Promise<T>): Promise<T> {
  now = new Date(instant);
  try {
    return await act();
  } finally {
    now = START_OF_TEST;
  }
}

const COUNTS = 'appointments booked checkedIn done cancelled noShow noShowRate';
const STATISTICS = gql`
  query ($from: Date!, $to: Date!, $resourceId: ID) {
    appointmentStatistics(from: $from, to: $to, resourceId: $resourceId) {
      ${COUNTS}
      resources { resource { code } ${COUNTS} weeks { weekStart week ${COUNTS} } }
      leadTimes { theme { code } resources nextFreeSlot { resource { code } start end freeDesks } leadTimeHours leadTimeDays }
      asOf
    }
  }
`;

type Counts = AppointmentCounts;
interface LeadTime {
  theme: { code: string };
  resources: number;
  nextFreeSlot: { resource: { code: string }; start: string; end: string; freeDesks: number } | null;
  leadTimeHours: number | null;
  leadTimeDays: number | null;
}
interface Statistics extends Counts {
  resources: (Counts & { resource: { code: string }; weeks: (Counts & { weekStart: string; week: string })[] })[];
  leadTimes: LeadTime[];
  asOf: string;
}

async function statistics(variables: Record<string, unknown>, who = 'demo.supervisor') {
  return execute<{ appointmentStatistics: Statistics }>(server.client(tokens[who]), STATISTICS, variables);
}

const counts = (appointments: number, booked: number, checkedIn: number, done: number, cancelled: number, noShow: number, noShowRate: number | null): Counts => ({
  appointments,
  booked,
  checkedIn,
  done,
  cancelled,
  noShow,
  noShowRate,
});
const NONE = counts(0, 0, 0, 0, 0, 0, null);
const JANUARY = { from: '2027-01-01', to: '2027-01-31' };

const ids: Record<string, string> = {};

describe('appointmentStatistics', () => {
  it('does measure the lead time to the next free slot per theme from the request’s now, skipping full and overlapping slots but not cancelled ones', async () => {
    ids.liege1300 = await book('EW-LIEGE.ENERGY', 'ENERGY.ADVICE', '2027-01-14T12:00:00.000Z');
    ids.liege1330 = await book('EW-LIEGE.ENERGY', 'ENERGY.ADVICE', '2027-01-14T12:30:00.000Z');
    ids.liege1400 = await book('EW-LIEGE.ENERGY', 'ENERGY.ADVICE', '2027-01-14T13:00:00.000Z');
    ids.liegeNext1300 = await book('EW-LIEGE.ENERGY', 'ENERGY.ADVICE', '2027-01-21T12:00:00.000Z');
    ids.liegeNext1330 = await book('EW-LIEGE.ENERGY', 'ENERGY.ADVICE', '2027-01-21T12:30:00.000Z');
    ids.namurA = await book('EW-NAMUR.ENERGY', 'ENERGY.PREMIUMS', '2027-01-12T08:00:00.000Z');
    ids.namurB = await book('EW-NAMUR.ENERGY', 'ENERGY.PREMIUMS', '2027-01-12T08:00:00.000Z');
    ids.namurNext = await book('EW-NAMUR.ENERGY', 'ENERGY.PREMIUMS', '2027-01-19T08:00:00.000Z');
    // Cancelled at once: its desk is free again for the lead time, and it still counts as an appointment of its week.
    await command('demo.energy', 'cancelAppointment', { appointmentId: ids.liege1400, reason: 'Le citoyen a rappelé' });

    // The Liège permanence alone: 13:00 and 13:30 are taken, 14:00 was freed by the cancellation.
    // A 45-minute audit at 13:45 would overlap the 13:30 appointment: 14:30 is the first.
    const liege = await statistics({ ...JANUARY, resourceId: resourceIds['EW-LIEGE.ENERGY'] });
    expect(liege.errors).toBeUndefined();
    expect(liege.data!.appointmentStatistics.asOf).toBe('2027-01-11T07:00:00.000Z');
    const liegeLeads = Object.fromEntries(liege.data!.appointmentStatistics.leadTimes.map((lead) => [lead.theme.code, lead]));
    expect(Object.keys(liegeLeads)).toEqual(['ENERGY.ADVICE', 'ENERGY.AUDIT', 'ENERGY.PREMIUMS']);
    expect(liegeLeads['ENERGY.ADVICE']).toEqual({
      theme: { code: 'ENERGY.ADVICE' },
      resources: 1,
      nextFreeSlot: { resource: { code: 'EW-LIEGE.ENERGY' }, start: '2027-01-14T13:00:00.000Z', end: '2027-01-14T13:30:00.000Z', freeDesks: 1 },
      leadTimeHours: 78,
      leadTimeDays: 3.25,
    });
    expect(liegeLeads['ENERGY.AUDIT']!.nextFreeSlot!.start).toBe('2027-01-14T13:30:00.000Z');
    expect(liegeLeads['ENERGY.AUDIT']!.leadTimeHours).toBe(78.5);

    // A service account sees its service's two permanences: Namur's 09:00 has both desks taken,
    // so the next free slot is at 09:30 on Tuesday (09:45 for a 45-minute audit).
    const energy = await statistics(JANUARY, 'energyAccount');
    expect(energy.errors).toBeUndefined();
    const energyLeads = energy.data!.appointmentStatistics.leadTimes;
    expect(energyLeads.map((lead) => [lead.theme.code, lead.resources, lead.nextFreeSlot?.resource.code, lead.nextFreeSlot?.start, lead.nextFreeSlot?.freeDesks, lead.leadTimeHours])).toEqual([
      ['ENERGY.ADVICE', 2, 'EW-NAMUR.ENERGY', '2027-01-12T08:30:00.000Z', 2, 25.5],
      ['ENERGY.AUDIT', 2, 'EW-NAMUR.ENERGY', '2027-01-12T08:45:00.000Z', 2, 25.75],
      ['ENERGY.PREMIUMS', 2, 'EW-NAMUR.ENERGY', '2027-01-12T08:30:00.000Z', 2, 25.5],
    ]);

    // A supervisor sees every resource: the Espaces Wallonie's receptions (08:30–12:30 on
    // weekdays) also take energy premiums, the first by code on a tie. A tax theme has lead times too.
    const all = await statistics(JANUARY);
    const premiums = all.data!.appointmentStatistics.leadTimes.find((lead) => lead.theme.code === 'ENERGY.PREMIUMS')!;
    expect(premiums.resources).toBeGreaterThan(2);
    expect(premiums.nextFreeSlot).toEqual({ resource: { code: 'EW-ARLON.RECEPTION' }, start: '2027-01-11T07:30:00.000Z', end: '2027-01-11T08:00:00.000Z', freeDesks: 1 });
    expect(premiums.leadTimeHours).toBe(0.5);
    expect(all.data!.appointmentStatistics.leadTimes.map((lead) => lead.theme.code)).toContain('TAXATION.VEHICLES');
  });

  it('does count appointments per resource and ISO week by status, with the no-show rate over what is known, once the clock has moved', async () => {
    // Tuesday 12 January, 09:10 in Namur: one citizen came, the other did not.
    await at('2027-01-12T08:10:00Z', async () => {
      await command('demo.energy', 'checkInAppointment', { appointmentId: ids.namurA });
      await command('demo.energy', 'markAppointmentNoShow', { appointmentId: ids.namurB });
    });
    // Thursday 14 January in Liège: 13:00 came and is done; nobody came at 13:30.
    await at('2027-01-14T11:55:00Z', () => command('demo.energy', 'checkInAppointment', { appointmentId: ids.liege1300 }));
    await at('2027-01-14T12:35:00Z', async () => {
      await command('demo.energy', 'completeAppointment', { appointmentId: ids.liege1300 });
      await command('demo.energy', 'markAppointmentNoShow', { appointmentId: ids.liege1330 });
    });
    // Thursday 21 January: 13:00 done, 13:30 cancelled the day before. Namur's 19 January is still booked.
    await at('2027-01-20T10:00:00Z', () => command('marie', 'cancelAppointment', { appointmentId: ids.liegeNext1330, reason: 'Empêchement' }));
    await at('2027-01-21T11:58:00Z', async () => {
      await command('demo.energy', 'checkInAppointment', { appointmentId: ids.liegeNext1300 });
      await command('demo.energy', 'completeAppointment', { appointmentId: ids.liegeNext1300 });
    });

    const { data, errors } = await statistics(JANUARY);
    expect(errors).toBeUndefined();
    const figures = data!.appointmentStatistics;
    // Over the period: 2 no-shows of 5 appointments whose outcome is known (2 done, 1 checked in).
    expect(counts(figures.appointments, figures.booked, figures.checkedIn, figures.done, figures.cancelled, figures.noShow, figures.noShowRate)).toEqual(counts(8, 1, 1, 2, 2, 2, 0.4));

    const byCode = Object.fromEntries(figures.resources.map((row) => [row.resource.code, row]));
    // Every active resource is listed, by code, the idle ones with zeros.
    expect(figures.resources.map((row) => row.resource.code)).toEqual([...figures.resources.map((row) => row.resource.code)].sort());
    const { resource: _resource, weeks: idleWeeks, ...idle } = byCode['EW-MONS.HOUSING']!;
    expect(idle).toEqual(NONE);
    expect(idleWeeks).toEqual([]);

    const { resource: _liege, weeks: liegeWeeks, ...liege } = byCode['EW-LIEGE.ENERGY']!;
    expect(liege).toEqual(counts(5, 0, 0, 2, 2, 1, 1 / 3));
    expect(liegeWeeks).toEqual([
      { weekStart: '2027-01-11', week: '2027-W02', ...counts(3, 0, 0, 1, 1, 1, 0.5) },
      { weekStart: '2027-01-18', week: '2027-W03', ...counts(2, 0, 0, 1, 1, 0, 0) },
    ]);
    const { resource: _namur, weeks: namurWeeks, ...namur } = byCode['EW-NAMUR.ENERGY']!;
    expect(namur).toEqual(counts(3, 1, 1, 0, 0, 1, 0.5));
    expect(namurWeeks).toEqual([
      { weekStart: '2027-01-11', week: '2027-W02', ...counts(2, 0, 1, 0, 0, 1, 0.5) },
      { weekStart: '2027-01-18', week: '2027-W03', ...counts(1, 1, 0, 0, 0, 0, null) },
    ]);
    const busy = figures.resources.filter((row) => row.appointments > 0).map((row) => row.resource.code);
    expect(busy).toEqual(['EW-LIEGE.ENERGY', 'EW-NAMUR.ENERGY']);
  });

  it('does count only appointments starting within the days asked, the last one included, Brussels time', async () => {
    // Tuesday 12 to Tuesday 19 January: Thursday 21 January's two are left out.
    const { data } = await statistics({ from: '2027-01-12', to: '2027-01-19' });
    const figures = data!.appointmentStatistics;
    expect(counts(figures.appointments, figures.booked, figures.checkedIn, figures.done, figures.cancelled, figures.noShow, figures.noShowRate)).toEqual(counts(6, 1, 1, 1, 1, 2, 0.5));
    const liege = figures.resources.find((row) => row.resource.code === 'EW-LIEGE.ENERGY')!;
    expect(liege.weeks.map((week) => [week.week, week.appointments])).toEqual([['2027-W02', 3]]);
    // Wednesday 13 alone holds nothing.
    const quiet = await statistics({ from: '2027-01-13', to: '2027-01-13' });
    expect(quiet.data!.appointmentStatistics.appointments).toBe(0);
    expect(quiet.data!.appointmentStatistics.noShowRate).toBeNull();
  });

  it('does give a service account its own service’s resources only, and refuses another service’s resource', async () => {
    const { data, errors } = await statistics(JANUARY, 'energyAccount');
    expect(errors).toBeUndefined();
    expect(data!.appointmentStatistics.resources.map((row) => row.resource.code)).toEqual(['EW-LIEGE.ENERGY', 'EW-NAMUR.ENERGY']);
    expect(data!.appointmentStatistics.appointments).toBe(8);
    const housing = await statistics(JANUARY, 'housingAccount');
    expect(housing.data!.appointmentStatistics.appointments).toBe(0);
    expect(housing.data!.appointmentStatistics.leadTimes.map((lead) => lead.theme.code)).toEqual(['HOUSING.CHEQUE_HABITAT', 'HOUSING.LOANS', 'HOUSING.PREMIUMS']);
    const foreign = await statistics({ ...JANUARY, resourceId: resourceIds['EW-LIEGE.ENERGY'] }, 'housingAccount');
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(foreign.data?.appointmentStatistics ?? null).toBeNull();
  });

  it('does refuse agents who are not supervisors and citizens, and a period longer than 366 days or backwards', async () => {
    for (const who of ['demo.first', 'demo.energy', 'marie']) {
      const { errors } = await statistics(JANUARY, who);
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await execute(server.client(), STATISTICS, JANUARY);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const leap = await statistics({ from: '2028-01-01', to: '2028-12-31' });
    expect(leap.errors).toBeUndefined();
    for (const range of [
      { from: '2027-01-01', to: '2028-01-02' },
      { from: '2027-01-02', to: '2027-01-01' },
    ]) {
      const { errors } = await statistics(range);
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
