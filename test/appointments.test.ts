import { gql } from 'graphql-request';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { appointments } from '../src/db/tables/index.js';
import { globalId, parseGlobalId } from '../src/domain/ids.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';
import { until } from './helpers/until.js';

// Appointments (issue 19) through the public API, on a clock the test moves: Monday 11 January
// 2027, 08:00 in Brussels, unless a test sets another time.

const START_OF_TEST = new Date('2027-01-11T07:00:00Z');
let now = START_OF_TEST;
let server: TestServer;
const tokens: Record<string, string> = {};
const resourceIds: Record<string, string> = {};

const MARIE = '00000000-0000-4000-8000-000000000001';
const HANS = '00000000-0000-4000-8000-000000000002';

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  for (const login of ['demo.first', 'demo.energy', 'demo.housing', 'demo.supervisor']) tokens[login] = await tokenFor({ role: 'agent', sub: login });
  tokens.marie = await tokenFor({ role: 'citizen', sub: MARIE });
  tokens.hans = await tokenFor({ role: 'citizen', sub: HANS });
  const { data } = await execute<{ bookableResources: { id: string; code: string }[] }>(server.client(), gql`{ bookableResources { id code } }`);
  for (const resource of data!.bookableResources) resourceIds[resource.code] = resource.id;
});
afterAll(() => server?.close());

interface Slot {
  resource: { code: string };
  start: string;
  end: string;
  freeDesks: number;
  distanceKm: number | null;
}

const SLOT_FIELDS = 'resource { code } start end freeDesks distanceKm';

/** Free slots of a resource for a theme in the next four weeks. */
async function slotsOf(resourceCode: string, themeCode: string, count = 20): Promise<Slot[]> {
  const { data, errors } = await execute<{ availableSlots: Slot[] }>(
    server.client(),
    `query ($resourceId: ID!, $themeCode: String!, $count: Int, $to: DateTime) { availableSlots(resourceId: $resourceId, themeCode: $themeCode, count: $count, to: $to) { ${SLOT_FIELDS} } }`,
    { resourceId: resourceIds[resourceCode], themeCode, count, to: new Date(now.getTime() + 28 * 86_400_000).toISOString() },
  );
  expect(errors).toBeUndefined();
  return data!.availableSlots;
}

const RESULT = `
  __typename
  ... on Error { code message }
  ... on SlotUnavailableError { nearestSlots { start resource { code } } }
  ... on InvalidTransitionError { from to allowed }
  ... on ValidationError { problems { path message } }
`;

interface Outcome {
  __typename: string;
  code?: string;
  message?: string;
  nearestSlots?: { start: string }[];
  appointment?: { id: string; status: string; start: string; resource: { code: string } };
  case?: { id: string; reference: string; service: { code: string } };
}

async function command(who: string, field: string, input: Record<string, unknown>) {
  const name = `${field.charAt(0).toUpperCase()}${field.slice(1)}`;
  const { data, errors } = await execute<Record<string, Outcome>>(
    server.client(tokens[who]),
    `mutation ($input: ${name}Input!) { ${field}(input: $input) { ${RESULT} ... on ${name}Success { appointment { id status start resource { code } } case { id reference service { code } } } } }`,
    { input },
  );
  return { outcome: data?.[field], errors };
}

function book(who: string, input: Record<string, unknown>) {
  return command(who, 'bookAppointment', { channel: who === 'marie' || who === 'hans' ? 'ONLINE_PROCEDURE' : 'PHONE', ...input });
}

async function eventTypes(caseId: string, who = 'demo.supervisor'): Promise<string[]> {
  const { data } = await execute<{ case: { timeline: { edges: { node: { type: string } }[] } } }>(
    server.client(tokens[who]),
    gql`query ($id: ID!) { case(id: $id) { timeline(first: 100) { edges { node { type } } } } }`,
    { id: caseId },
  );
  return data!.case.timeline.edges.map((edge) => edge.node.type);
}

describe('free slots', () => {
  it('ranks the resources for a theme by distance from a postal code, nearest first, in business time only', async () => {
    const { data, errors } = await execute<{ availableSlots: Slot[] }>(
      server.client(),
      gql`{ availableSlots(themeCode: "ENERGY.PREMIUMS", postalCode: "5100", count: 30, perResource: 3) { resource { code } start end freeDesks distanceKm } }`,
    );
    expect(errors).toBeUndefined();
    const slots = data!.availableSlots;
    expect(slots).toHaveLength(30);
    expect(['EW-NAMUR.ENERGY', 'EW-NAMUR.RECEPTION']).toContain(slots[0]!.resource.code);
    expect(slots[0]!.distanceKm).toBeLessThan(3);
    const distances = slots.map((slot) => slot.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const perResource = new Map<string, number>();
    for (const slot of slots) perResource.set(slot.resource.code, (perResource.get(slot.resource.code) ?? 0) + 1);
    expect(Math.max(...perResource.values())).toBeLessThanOrEqual(3);
    for (const slot of slots) {
      expect(new Date(slot.start).getTime()).toBeGreaterThanOrEqual(now.getTime());
      expect(new Date(slot.end).getTime() - new Date(slot.start).getTime()).toBe(30 * 60_000);
      expect([0, 6]).not.toContain(new Date(slot.start).getUTCDay());
    }
  });

  it('cuts a permanence’s opening into whole appointments of the theme’s length', async () => {
    // EW-LIEGE.ENERGY: Thursdays 13:00–16:00 in Brussels; an energy audit takes 45 minutes.
    const slots = await slotsOf('EW-LIEGE.ENERGY', 'ENERGY.AUDIT', 8);
    expect(slots.slice(0, 4).map((slot) => slot.start)).toEqual(['2027-01-14T12:00:00.000Z', '2027-01-14T12:45:00.000Z', '2027-01-14T13:30:00.000Z', '2027-01-14T14:15:00.000Z']);
    expect(slots[4]!.start).toBe('2027-01-21T12:00:00.000Z');
  });

  it('refuses a search without a place or a resource, and an unknown theme, with the argument named', async () => {
    const { errors } = await execute(server.client(), gql`{ availableSlots(themeCode: "ENERGY.PREMIUMS") { start } }`);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await execute(server.client(), gql`{ availableSlots(themeCode: "NOPE", postalCode: "5000") { start } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('booking', () => {
  it('lets a citizen book for themself on the portal: a new case at the permanence’s service, seen in myAppointments and on the day sheet', async () => {
    const [slot] = await slotsOf('EW-NAMUR.ENERGY', 'ENERGY.PREMIUMS');
    const { outcome } = await book('marie', { resourceId: resourceIds['EW-NAMUR.ENERGY'], start: slot!.start, themeCode: 'ENERGY.PREMIUMS', note: 'Devis de l’entrepreneur' });
    expect(outcome?.__typename).toBe('BookAppointmentSuccess');
    expect(outcome?.case?.service.code).toBe('TLPE-ENERGY');
    expect(await eventTypes(outcome!.case!.id, 'marie')).toEqual(['CASE_CREATED', 'APPOINTMENT_BOOKED']);

    const mine = await execute<{ myAppointments: { edges: { node: { id: string; statusLabel: string; note: string } }[] }; myData: string }>(
      server.client(tokens.marie),
      gql`{ myAppointments { edges { node { id statusLabel(language: DE) note } } } myData }`,
    );
    expect(mine.data!.myAppointments.edges.map((edge) => edge.node)).toContainEqual({ id: outcome!.appointment!.id, statusLabel: 'Gebucht', note: 'Devis de l’entrepreneur' });
    expect(JSON.parse(mine.data!.myData).appointments).toContainEqual(
      expect.objectContaining({ resource: 'EW-NAMUR.ENERGY', start: slot!.start, status: 'BOOKED', note: 'Devis de l’entrepreneur', caseReference: outcome!.case!.reference }),
    );

    const day = slot!.start.slice(0, 10);
    const sheet = await execute<{ appointments: { edges: { node: { id: string; citizen: { familyName: string }; case: { subject: string } } }[] } }>(
      server.client(tokens['demo.energy']),
      gql`query ($resourceId: ID!, $day: Date!) { appointments(filter: { resourceId: $resourceId, day: $day }) { edges { node { id citizen { familyName } case { subject } } } } }`,
      { resourceId: resourceIds['EW-NAMUR.ENERGY'], day },
    );
    expect(sheet.errors).toBeUndefined();
    const line = sheet.data!.appointments.edges.find((edge) => edge.node.id === outcome!.appointment!.id)!.node;
    expect(line.citizen.familyName).toBe('Dupont');
    expect(line.case.subject.length).toBeGreaterThan(0);
  });

  it('refuses a citizen booking for another citizen who gave them no mandate (as for an unknown one), and a citizen booking by phone', async () => {
    const [slot] = await slotsOf('EW-NAMUR.RECEPTION', 'INFORMATION.ORIENTATION');
    const forHans = await book('marie', { resourceId: resourceIds['EW-NAMUR.RECEPTION'], start: slot!.start, themeCode: 'INFORMATION.ORIENTATION', citizenId: globalId('Citizen', HANS) });
    expect(forHans.outcome).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const byPhone = await command('marie', 'bookAppointment', { resourceId: resourceIds['EW-NAMUR.RECEPTION'], start: slot!.start, themeCode: 'INFORMATION.ORIENTATION', channel: 'PHONE' });
    expect(byPhone.outcome?.__typename).toBe('ValidationError');
  });

  it('lets a first-line agent book for a caller, who then sees it; another citizen cannot cancel it', async () => {
    const [slot] = await slotsOf('EW-LIEGE.RECEPTION', 'INFORMATION.FILE_STATUS');
    const { outcome } = await book('demo.first', { resourceId: resourceIds['EW-LIEGE.RECEPTION'], start: slot!.start, themeCode: 'INFORMATION.FILE_STATUS', citizenId: globalId('Citizen', HANS) });
    expect(outcome?.__typename).toBe('BookAppointmentSuccess');
    const hans = await execute<{ myAppointments: { edges: { node: { id: string } }[] }; myCases: { edges: { node: { id: string } }[] } }>(
      server.client(tokens.hans),
      gql`{ myAppointments { edges { node { id } } } myCases(first: 50) { edges { node { id } } } }`,
    );
    expect(hans.data!.myAppointments.edges.map((edge) => edge.node.id)).toContain(outcome!.appointment!.id);
    expect(hans.data!.myCases.edges.map((edge) => edge.node.id)).toContain(outcome!.case!.id);
    const byMarie = await command('marie', 'cancelAppointment', { appointmentId: outcome!.appointment!.id, reason: 'Not mine' });
    expect(byMarie.outcome?.__typename).toBe('NotFoundError');
  });

  it('offers the nearest free slots for a time the resource does not offer', async () => {
    const { outcome } = await book('demo.first', {
      resourceId: resourceIds['EW-LIEGE.ENERGY'],
      start: '2027-01-14T12:10:00.000Z',
      themeCode: 'ENERGY.AUDIT',
      citizenId: globalId('Citizen', MARIE),
    });
    expect(outcome?.__typename).toBe('SlotUnavailableError');
    expect(outcome?.code).toBe('CONFLICT');
    expect(outcome?.nearestSlots?.[0]?.start).toBe('2027-01-14T12:00:00.000Z');
  });

  it('books the last desk of a slot exactly once when 20 requests race for it', async () => {
    // EW-LIEGE.ENERGY has one desk: its second Thursday slot of the week after next.
    const slot = (await slotsOf('EW-LIEGE.ENERGY', 'ENERGY.ADVICE', 50)).find((candidate) => candidate.start === '2027-01-21T12:30:00.000Z')!;
    expect(slot.freeDesks).toBe(1);
    // On cases of their own: opening a case takes the yearly reference counter's lock, which would
    // line the bookings up one after the other instead of letting them race.
    const caller = await newCitizen('Dethier');
    const caseIds = await Promise.all(Array.from({ length: 20 }, () => openCaseFor(caller)));
    const outcomes = await Promise.all(
      caseIds.map((caseId) =>
        book('demo.first', { resourceId: resourceIds['EW-LIEGE.ENERGY'], start: slot.start, themeCode: 'ENERGY.ADVICE', caseId }).then((result) => result.outcome!),
      ),
    );
    const kinds = outcomes.map((outcome) => outcome.__typename);
    expect(kinds.filter((kind) => kind === 'BookAppointmentSuccess')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'SlotUnavailableError')).toHaveLength(19);
    expect(outcomes.find((outcome) => outcome.__typename === 'SlotUnavailableError')!.nearestSlots!.length).toBeGreaterThan(0);
    const rows = await server.database.handle.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.resourceId, await rawId('EW-LIEGE.ENERGY')), eq(appointments.startsAt, new Date(slot.start))));
    expect(rows).toHaveLength(1);
  });

  it('is refused by the database itself when two live appointments would share a desk', async () => {
    const [existing] = await server.database.handle.db.select().from(appointments).limit(1);
    const { id: _id, ...copy } = existing!;
    await expect(server.database.handle.db.insert(appointments).values(copy)).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23P01' }) });
  });
});

/** A citizen registered by a call, by raw id: the callers of the races, whose bookings count for nobody else. */
async function newCitizen(familyName: string): Promise<string> {
  const { data } = await execute<{ registerContact: { case: { citizen: { id: string } } } }>(
    server.client(tokens['demo.first']),
    gql`mutation ($familyName: String!) { registerContact(input: { channel: PHONE, phone: { line: "1718" }, themeCode: "INFORMATION.ORIENTATION", subject: "Appel", citizen: { givenName: "Test", familyName: $familyName } }) { ... on RegisterContactSuccess { case { citizen { id } } } } }`,
    { familyName },
  );
  return parseGlobalId(data!.registerContact.case.citizen.id)!.id;
}

async function openCaseFor(citizenId: string): Promise<string> {
  const { data } = await execute<{ registerContact: { case: { id: string } } }>(
    server.client(tokens['demo.first']),
    gql`mutation ($citizenId: ID!) { registerContact(input: { channel: PHONE, phone: { line: "1718" }, themeCode: "ENERGY.ADVICE", subject: "Conseil énergie", citizenId: $citizenId }) { ... on RegisterContactSuccess { case { id } } } }`,
    { citizenId: globalId('Citizen', citizenId) },
  );
  return data!.registerContact.case.id;
}

async function rawId(code: string): Promise<string> {
  const rows = await server.database.handle.db.execute<{ id: string }>(sql`select id from bookable_resources where code = ${code}`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows) as { id: string }[];
  return list[0]!.id;
}

describe('moving and cancelling', () => {
  it('moves an appointment atomically: of two moves racing for one last slot, one wins and the other stays where it was', async () => {
    const slots = (await slotsOf('EW-LIEGE.ENERGY', 'ENERGY.ADVICE', 50)).filter((slot) => slot.start.startsWith('2027-01-28'));
    const [first, second, target] = slots;
    const a = (await book('demo.first', { resourceId: resourceIds['EW-LIEGE.ENERGY'], start: first!.start, themeCode: 'ENERGY.ADVICE', citizenId: globalId('Citizen', MARIE) })).outcome!;
    const b = (await book('hans', { resourceId: resourceIds['EW-LIEGE.ENERGY'], start: second!.start, themeCode: 'ENERGY.ADVICE' })).outcome!;
    const moves = await Promise.all([
      command('demo.first', 'rescheduleAppointment', { appointmentId: a.appointment!.id, start: target!.start }),
      command('hans', 'rescheduleAppointment', { appointmentId: b.appointment!.id, start: target!.start }),
    ]);
    const kinds = moves.map((move) => move.outcome!.__typename).sort();
    expect(kinds).toEqual(['RescheduleAppointmentSuccess', 'SlotUnavailableError']);
    const held = await server.database.handle.db
      .select({ startsAt: appointments.startsAt })
      .from(appointments)
      .where(and(eq(appointments.resourceId, await rawId('EW-LIEGE.ENERGY')), eq(appointments.status, 'BOOKED')));
    const starts = held.map((row) => row.startsAt.toISOString()).filter((start) => start.startsWith('2027-01-28'));
    expect(starts.filter((start) => start === target!.start)).toHaveLength(1);
    expect(starts).toHaveLength(2);
    // The winner's old slot is free again; the loser's is still taken.
    const after = (await slotsOf('EW-LIEGE.ENERGY', 'ENERGY.ADVICE', 50)).map((slot) => slot.start);
    const winnerWasA = moves[0]!.outcome!.__typename === 'RescheduleAppointmentSuccess';
    expect(after).toContain(winnerWasA ? first!.start : second!.start);
    expect(after).not.toContain(winnerWasA ? second!.start : first!.start);
  });

  it('cancels with a reason the citizen sees, frees the desk and refuses to cancel twice in words', async () => {
    const [slot] = await slotsOf('EW-MONS.HOUSING', 'HOUSING.LOANS');
    const booked = (await book('hans', { resourceId: resourceIds['EW-MONS.HOUSING'], start: slot!.start, themeCode: 'HOUSING.LOANS' })).outcome!;
    const cancelled = await command('hans', 'cancelAppointment', { appointmentId: booked.appointment!.id, reason: 'Je serai en voyage' });
    expect(cancelled.outcome?.appointment?.status).toBe('CANCELLED');
    expect((await slotsOf('EW-MONS.HOUSING', 'HOUSING.LOANS')).map((free) => free.start)).toContain(slot!.start);
    const again = await command('hans', 'cancelAppointment', { appointmentId: booked.appointment!.id, reason: 'Encore' });
    expect(again.outcome?.__typename).toBe('InvalidTransitionError');
    expect(again.outcome?.message).toBe('This appointment is already cancelled: it can no longer change.');
    expect(await eventTypes(booked.case!.id, 'hans')).toEqual(['CASE_CREATED', 'APPOINTMENT_BOOKED', 'APPOINTMENT_CANCELLED']);
  });

  it('refuses a citizen a fourth upcoming appointment on the portal, and lets the first line book it', async () => {
    const upcoming = async () =>
      (await execute<{ myAppointments: { totalCount: number } }>(server.client(tokens.marie), gql`{ myAppointments(status: [BOOKED]) { totalCount } }`)).data!.myAppointments.totalCount;
    const slots = await slotsOf('EW-NIVELLES.RECEPTION', 'INFORMATION.ORIENTATION', 10);
    for (let index = await upcoming(); index < 3; index++) {
      expect((await book('marie', { resourceId: resourceIds['EW-NIVELLES.RECEPTION'], start: slots[index]!.start, themeCode: 'INFORMATION.ORIENTATION' })).outcome?.__typename).toBe('BookAppointmentSuccess');
    }
    const fourth = await book('marie', { resourceId: resourceIds['EW-NIVELLES.RECEPTION'], start: slots[5]!.start, themeCode: 'INFORMATION.ORIENTATION' });
    expect(fourth.outcome).toMatchObject({ __typename: 'ConflictError', message: 'You already have 3 upcoming appointments: cancel one before booking another, or call the 1718.' });
    const byPhone = await book('demo.first', { resourceId: resourceIds['EW-NIVELLES.RECEPTION'], start: slots[5]!.start, themeCode: 'INFORMATION.ORIENTATION', citizenId: globalId('Citizen', MARIE) });
    expect(byPhone.outcome?.__typename).toBe('BookAppointmentSuccess');
  });

  it('cancels and moves only before the start', async () => {
    const [slot, later] = await slotsOf('EW-ARLON.RECEPTION', 'INFORMATION.ORIENTATION');
    const booked = (await book('demo.first', { resourceId: resourceIds['EW-ARLON.RECEPTION'], start: slot!.start, themeCode: 'INFORMATION.ORIENTATION', citizenId: globalId('Citizen', HANS) })).outcome!;
    now = new Date(new Date(slot!.start).getTime() + 60_000);
    try {
      const cancel = await command('hans', 'cancelAppointment', { appointmentId: booked.appointment!.id, reason: 'Trop tard' });
      expect(cancel.outcome).toMatchObject({ __typename: 'InvalidTransitionError', allowed: ['CHECKED_IN', 'NO_SHOW'] });
      const move = await command('hans', 'rescheduleAppointment', { appointmentId: booked.appointment!.id, start: later!.start });
      expect(move.outcome?.__typename).toBe('InvalidTransitionError');
    } finally {
      now = START_OF_TEST;
    }
  });
});

describe('at the counter', () => {
  it('checks the citizen in by recording a counter visit on the case, linked to the appointment, then closes the appointment', async () => {
    const [slot] = await slotsOf('EW-CHARLEROI.HOUSING', 'HOUSING.PREMIUMS');
    const booked = (await book('demo.first', { resourceId: resourceIds['EW-CHARLEROI.HOUSING'], start: slot!.start, themeCode: 'HOUSING.PREMIUMS', citizenId: globalId('Citizen', MARIE) })).outcome!;
    const early = await command('demo.housing', 'checkInAppointment', { appointmentId: booked.appointment!.id });
    expect(early.outcome).toMatchObject({ __typename: 'InvalidTransitionError', message: 'Too early: a citizen is checked in from two hours before the appointment.' });
    now = new Date(new Date(slot!.start).getTime() - 10 * 60_000);
    try {
      const checkedIn = await command('demo.housing', 'checkInAppointment', { appointmentId: booked.appointment!.id, ticket: 'B12' });
      expect(checkedIn.outcome?.__typename).toBe('CheckInAppointmentSuccess');
      const { data } = await execute<{ node: { status: string; visit: { id: string; counter: { code: string }; ticket: string } }; case: { interactions: { edges: { node: { id: string; channel: string } }[] } } }>(
        server.client(tokens['demo.housing']),
        gql`query ($id: ID!, $caseId: ID!) {
          node(id: $id) { ... on Appointment { status visit { id ... on CounterVisit { counter { code } ticket } } } }
          case(id: $caseId) { interactions { edges { node { id channel } } } }
        }`,
        { id: booked.appointment!.id, caseId: booked.case!.id },
      );
      expect(data!.node.status).toBe('CHECKED_IN');
      expect(data!.node.visit).toMatchObject({ counter: { code: 'EW-CHARLEROI' }, ticket: 'B12' });
      expect(data!.case.interactions.edges.map((edge) => edge.node)).toContainEqual({ id: data!.node.visit.id, channel: 'COUNTER' });
      const done = await command('demo.housing', 'completeAppointment', { appointmentId: booked.appointment!.id });
      expect(done.outcome?.appointment?.status).toBe('DONE');
      expect(await eventTypes(booked.case!.id, 'marie')).toEqual(['CASE_CREATED', 'APPOINTMENT_BOOKED', 'INTERACTION_ADDED', 'APPOINTMENT_CHECKED_IN', 'APPOINTMENT_DONE']);
    } finally {
      now = START_OF_TEST;
    }
  });

  it('lets no service but the resource’s own, the first line and supervisors work the day sheet', async () => {
    const [slot] = await slotsOf('EW-CHARLEROI.HOUSING', 'HOUSING.LOANS');
    const booked = (await book('demo.first', { resourceId: resourceIds['EW-CHARLEROI.HOUSING'], start: slot!.start, themeCode: 'HOUSING.LOANS', citizenId: globalId('Citizen', MARIE) })).outcome!;
    const byEnergy = await command('demo.energy', 'cancelAppointment', { appointmentId: booked.appointment!.id, reason: 'Not ours' });
    expect(byEnergy.outcome?.__typename).toBe('NotFoundError');
    const byCitizen = await command('marie', 'markAppointmentNoShow', { appointmentId: booked.appointment!.id });
    expect(byCitizen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the no-show job', () => {
  it('marks each missed appointment once, with two instances running it', async () => {
    const slots = (await slotsOf('EW-VERVIERS.TAX', 'TAXATION.VEHICLES', 3)).slice(0, 3);
    const booked = [];
    for (const slot of slots) {
      booked.push((await book('demo.first', { resourceId: resourceIds['EW-VERVIERS.TAX'], start: slot.start, themeCode: 'TAXATION.VEHICLES', citizenId: globalId('Citizen', MARIE) })).outcome!);
    }
    const second = server.database.url ? await openDatabase({ url: server.database.url, maxConnections: 2 }) : server.database.handle;
    const env = { APPOINTMENT_NO_SHOW_JOB: 'true', APPOINTMENT_NO_SHOW_INTERVAL_MS: '50' };
    now = new Date(new Date(slots[2]!.end).getTime() + 61 * 60_000);
    const instances = await Promise.all([
      startTestServer({ env, clock: () => now, database: { ...server.database, drop: async () => {} } }),
      startTestServer({ env, clock: () => now, database: { handle: second, url: server.database.url, drop: async () => {} } }),
    ]);
    try {
      await until('the three appointments marked', async () => {
        const rows = await server.database.handle.db.select({ status: appointments.status }).from(appointments).where(eq(appointments.resourceId, await rawId('EW-VERVIERS.TAX')));
        return rows.every((row) => row.status === 'NO_SHOW') ? true : undefined;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const appointment of booked) {
        const types = await eventTypes(appointment.case!.id, 'marie');
        expect(types.filter((type) => type === 'APPOINTMENT_NO_SHOW')).toHaveLength(1);
      }
    } finally {
      now = START_OF_TEST;
      await Promise.all(instances.map((instance) => instance.close()));
      if (second !== server.database.handle) await second.close();
    }
  });
});

describe('erasure', () => {
  it('cancels a citizen’s upcoming appointments and removes their notes and cancellation reasons when they are anonymised', async () => {
    const citizen = await execute<{ registerContact: { case: { citizen: { id: string } } } }>(
      server.client(tokens['demo.first']),
      gql`mutation { registerContact(input: { channel: PHONE, phone: { line: "1718" }, themeCode: "INFORMATION.ORIENTATION", subject: "Rendez-vous", citizen: { givenName: "Lea", familyName: "Wuyts" } }) { ... on RegisterContactSuccess { case { citizen { id } } } } }`,
    );
    const citizenId = citizen.data!.registerContact.case.citizen.id;
    const [first, second] = await slotsOf('EW-TOURNAI.RECEPTION', 'INFORMATION.ORIENTATION');
    const kept = (await book('demo.first', { resourceId: resourceIds['EW-TOURNAI.RECEPTION'], start: first!.start, themeCode: 'INFORMATION.ORIENTATION', citizenId, note: 'Vient avec sa fille Zoé' })).outcome!;
    const dropped = (await book('demo.first', { resourceId: resourceIds['EW-TOURNAI.RECEPTION'], start: second!.start, themeCode: 'INFORMATION.ORIENTATION', citizenId })).outcome!;
    await command('demo.first', 'cancelAppointment', { appointmentId: dropped.appointment!.id, reason: 'Zoé est malade' });
    tokens['demo.admin'] = await tokenFor({ role: 'agent', sub: 'demo.admin' });
    const erased = await execute(server.client(tokens['demo.admin']), gql`mutation ($id: ID!) { anonymizeCitizen(input: { id: $id }) { __typename } }`, { id: citizenId });
    expect(erased.errors).toBeUndefined();
    const { data } = await execute<{ nodes: { status: string; note: string | null; cancellationReason: string | null }[] }>(
      server.client(tokens['demo.supervisor']),
      gql`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Appointment { status note cancellationReason } } }`,
      { ids: [kept.appointment!.id, dropped.appointment!.id] },
    );
    // Nobody is left to come to the upcoming one: it is cancelled, and its desk free again.
    expect(data!.nodes).toEqual([
      { status: 'CANCELLED', note: null, cancellationReason: '[anonymised]' },
      { status: 'CANCELLED', note: null, cancellationReason: '[anonymised]' },
    ]);
    expect((await slotsOf('EW-TOURNAI.RECEPTION', 'INFORMATION.ORIENTATION')).map((slot) => slot.start)).toContain(first!.start);
  });
});

describe('reading through an appointment', () => {
  it('shows the resource’s staff the appointment of a confidential case they may not read, but never the case itself', async () => {
    const caseId = await openCaseFor(HANS);
    const { data: read } = await execute<{ case: { version: number } }>(server.client(tokens['demo.supervisor']), gql`query ($id: ID!) { case(id: $id) { version } }`, { id: caseId });
    const made = await execute(
      server.client(tokens['demo.supervisor']),
      gql`mutation ($id: ID!, $version: Int!) { updateCase(input: { id: $id, version: $version, confidentiality: CONFIDENTIAL }) { __typename } }`,
      { id: caseId, version: read!.case.version },
    );
    expect(made.errors).toBeUndefined();
    const [slot, later] = await slotsOf('EW-LIEGE.RECEPTION', 'INFORMATION.ORIENTATION');
    const booked = (await book('hans', { resourceId: resourceIds['EW-LIEGE.RECEPTION'], start: slot!.start, themeCode: 'INFORMATION.ORIENTATION', caseId })).outcome!;
    expect(booked.__typename).toBe('BookAppointmentSuccess');

    const sheet = await execute<{ appointments: { edges: { node: { id: string; caseReference: string; caseSubject: string | null; case: unknown } }[] } }>(
      server.client(tokens['demo.first']),
      gql`query ($resourceId: ID!, $day: Date!) { appointments(filter: { resourceId: $resourceId, day: $day }) { edges { node { id caseReference caseSubject case { id } } } } }`,
      { resourceId: resourceIds['EW-LIEGE.RECEPTION'], day: slot!.start.slice(0, 10) },
    );
    const line = sheet.data!.appointments.edges.find((edge) => edge.node.id === booked.appointment!.id)!.node;
    expect(line).toMatchObject({ caseSubject: null, case: null });
    expect(line.caseReference).toMatch(/^1718-/);

    const moved = await execute<{ rescheduleAppointment: { case: { notes: unknown } | null } }>(
      server.client(tokens['demo.first']),
      gql`mutation ($input: RescheduleAppointmentInput!) { rescheduleAppointment(input: $input) { ... on RescheduleAppointmentSuccess { case { notes { totalCount } } } } }`,
      { input: { appointmentId: booked.appointment!.id, start: later!.start } },
    );
    expect(moved.data!.rescheduleAppointment.case).toBeNull();
  });

  it('gives a permanence’s service no access to the case an appointment there belongs to', async () => {
    const caseId = await openCaseFor(HANS);
    const [slot] = await slotsOf('EW-LIEGE.TAX', 'TAXATION.VEHICLES');
    const booked = (await book('hans', { resourceId: resourceIds['EW-LIEGE.TAX'], start: slot!.start, themeCode: 'TAXATION.VEHICLES', caseId })).outcome!;
    expect(booked.__typename).toBe('BookAppointmentSuccess');
    const tax = await tokenFor({ role: 'service', sub: 'FIN-TAX' });
    const { data } = await execute<{ case: unknown; node: { caseSubject: string; case: unknown } }>(
      server.client(tax),
      gql`query ($caseId: ID!, $id: ID!) { case(id: $caseId) { id } node(id: $id) { ... on Appointment { caseSubject case { id } } } }`,
      { caseId, id: booked.appointment!.id },
    );
    expect(data!.case).toBeNull();
    expect(data!.node).toEqual({ caseSubject: 'Conseil énergie', case: null });
  });
});

describe('a cancelled case', () => {
  it('cancels its upcoming appointments and frees their desks', async () => {
    const [slot] = await slotsOf('EW-EUPEN.RECEPTION', 'INFORMATION.ORIENTATION');
    const booked = (await book('demo.first', { resourceId: resourceIds['EW-EUPEN.RECEPTION'], start: slot!.start, themeCode: 'INFORMATION.ORIENTATION', citizenId: globalId('Citizen', HANS) })).outcome!;
    const { data: read } = await execute<{ case: { version: number } }>(server.client(tokens['demo.supervisor']), gql`query ($id: ID!) { case(id: $id) { version } }`, { id: booked.case!.id });
    const cancelled = await execute<{ transitionCase: { __typename: string } }>(
      server.client(tokens['demo.supervisor']),
      gql`mutation ($id: ID!, $version: Int!) { transitionCase(input: { id: $id, version: $version, to: CANCELLED }) { __typename } }`,
      { id: booked.case!.id, version: read!.case.version },
    );
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.transitionCase.__typename).toBe('TransitionCaseSuccess');
    const { data } = await execute<{ node: { status: string; cancellationReason: string } }>(
      server.client(tokens.hans),
      gql`query ($id: ID!) { node(id: $id) { ... on Appointment { status cancellationReason } } }`,
      { id: booked.appointment!.id },
    );
    expect(data!.node).toEqual({ status: 'CANCELLED', cancellationReason: 'The case was cancelled.' });
    expect((await slotsOf('EW-EUPEN.RECEPTION', 'INFORMATION.ORIENTATION')).map((free) => free.start)).toContain(slot!.start);
    expect(await eventTypes(booked.case!.id, 'hans')).toEqual(['CASE_CREATED', 'APPOINTMENT_BOOKED', 'STATUS_CHANGED', 'APPOINTMENT_CANCELLED']);
  });
});

describe('ids', () => {
  it('names the expected type with its article when an id of another type is given', async () => {
    const { errors } = await execute(server.client(tokens['demo.first']), gql`mutation ($input: CancelAppointmentInput!) { cancelAppointment(input: $input) { __typename } }`, {
      input: { appointmentId: globalId('Citizen', MARIE), reason: 'Wrong id' },
    });
    expect(errors?.[0]).toMatchObject({ message: 'input.appointmentId: Not the id of an Appointment.', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
