import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../src/db/client.js';
import { nationalNumberCheckDigits } from '../src/domain/national-number.js';
import { startServer } from '../src/server/app.js';
import { execute, startTestServer, testConfig, type TestServer, tokenFor } from './helpers/server.js';

const MARIE = '00000000-0000-4000-8000-000000000001';
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

let server: TestServer;
const tokens: Record<string, string> = {};
/** A local webhook endpoint that accepts everything (loopback is allowed outside production). */
const receiver = createServer((request, response) => request.resume().on('end', () => response.writeHead(204).end()));
let receiverUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  server = await startTestServer();
  tokens.marie = await tokenFor({ role: 'citizen', sub: MARIE });
  tokens.first = await tokenFor({ role: 'agent', sub: 'demo.first' });
  tokens.admin = await tokenFor({ role: 'agent', sub: 'demo.admin' });
  tokens.supervisor = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
});
afterAll(async () => {
  await server?.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

const rows = <Row>(query: ReturnType<typeof sql>) => selectRows<Row>(server.database.handle.db, query);

describe('publication orders', () => {
  it('records a citizen’s order on a case resolved as ORDER_REGISTERED', async () => {
    const { data, errors } = await execute<{ orderPublications: { __typename: string; case: { status: string; resolution: string }; orders: { quantity: number; publication: { code: string } }[] } }>(
      server.client(tokens.marie),
      gql`mutation ($input: OrderPublicationsInput!) { orderPublications(input: $input) { __typename ... on OrderPublicationsSuccess { case { status resolution } orders { quantity publication { code } } } ... on ValidationError { problems { path message } } } }`,
      { input: { items: [{ publicationCode: 'VIVRE-LA-WALLONIE', quantity: 2 }], deliveryAddress: 'Rue de Fer 12, 5000 Namur' } },
    );
    expect(errors).toBeUndefined();
    if (data!.orderPublications.__typename !== 'OrderPublicationsSuccess') {
      const codes = await rows<{ code: string }>(sql`select code from publications where available and format <> 'PDF' limit 1`);
      throw new Error(`Use one of the printable publications, e.g. ${codes[0]?.code}: ${JSON.stringify(data)}`);
    }
    expect(data!.orderPublications).toMatchObject({ case: { status: 'RESOLVED', resolution: 'ORDER_REGISTERED' }, orders: [{ quantity: 2, publication: { code: 'VIVRE-LA-WALLONIE' } }] });
  });

  it('refuses an unknown publication and an agent order without a citizen', async () => {
    const unknown = await execute<{ orderPublications: { __typename: string } }>(
      server.client(tokens.marie),
      gql`mutation ($input: OrderPublicationsInput!) { orderPublications(input: $input) { __typename } }`,
      { input: { items: [{ publicationCode: 'NOPE' }], deliveryAddress: 'Rue de Fer 12, 5000 Namur' } },
    );
    expect(unknown.data?.orderPublications.__typename).toBe('ValidationError');
    const noCitizen = await execute<{ orderPublications: { __typename: string } }>(
      server.client(tokens.first),
      gql`mutation ($input: OrderPublicationsInput!) { orderPublications(input: $input) { __typename } }`,
      { input: { items: [{ publicationCode: 'VIVRE-LA-WALLONIE' }], deliveryAddress: 'Rue de Fer 12, 5000 Namur' } },
    );
    expect(noCitizen.data?.orderPublications.__typename).toBe('ValidationError');
  });
});

describe('what a citizen sees of their case', () => {
  it('shows no internal event, note, handoff reason or agent login in any field a citizen may read', async () => {
    const [target] = await rows<{ id: string; serviceId: string }>(
      sql`select id, service_id as "serviceId" from cases where citizen_id = ${MARIE}::uuid and status not in ('RESOLVED', 'CLOSED') order by created_at limit 1`,
    );
    const secret = `SECRET-${randomUUID()}`;
    // A handoff to another service, whose reason is for staff only.
    const [other] = await rows<{ id: string }>(sql`select id from services where id <> ${target!.serviceId}::uuid and code like 'TLPE-%' order by code limit 1`);
    const handoff = await execute<{ requestHandoff: { __typename: string } }>(
      server.client(tokens.supervisor),
      gql`mutation ($input: RequestHandoffInput!) { requestHandoff(input: $input) { __typename } }`,
      { input: { caseId: globalId('Case', target!.id), toServiceId: globalId('Service', other!.id), reason: `reason ${secret}` } },
    );
    expect(handoff.data?.requestHandoff.__typename).toBe('RequestHandoffSuccess');
    await server.database.handle.db.execute(sql`insert into notes (case_id, body) values (${target!.id}::uuid, ${`note ${secret}`})`);
    await server.database.handle.db.execute(
      sql`insert into case_events (case_id, type, visibility, actor_kind, payload) values (${target!.id}::uuid, 'NOTE_ADDED', 'INTERNAL', 'SYSTEM', ${JSON.stringify({ secret })}::jsonb)`,
    );
    const { data, errors } = await execute(
      server.client(tokens.marie),
      gql`query ($id: ID!) {
        case(id: $id) {
          id reference subject description status statusLabel resolution priority originChannel originChannelLabel language currentLine
          service { code label phone email } theme { code label } citizen { givenName familyName nationalNumber contactPoints { value } }
          procedure { code } procedureStep { code } procedureProgress { state step { code } reachedAt }
          referentSummary { givenName service { code } } dueAt firstResponseDueAt slaState waitingSince resolvedAt closedAt createdAt updatedAt version
          messages(first: 100) { edges { node { author authorName body createdAt } } }
          timeline(first: 100) { edges { node { cursor type label visibility actorKind actorService { code } payload occurredAt } } }
        }
      }`,
      { id: globalId('Case', target!.id) },
    );
    expect(errors).toBeUndefined();
    expect((data as { case: { timeline: { edges: unknown[] } } }).case.timeline.edges.length).toBeGreaterThan(0);
    const seen = JSON.stringify(data);
    expect(seen).not.toContain(secret);
    expect(seen).not.toContain('INTERNAL');
    const logins = await rows<{ login: string }>(sql`select login from agents`);
    for (const { login } of logins) expect(seen).not.toContain(login);
    const reasons = await rows<{ reason: string }>(sql`select reason from handoffs where case_id = ${target!.id}::uuid`);
    expect(reasons.map(({ reason }) => reason)).toContain(`reason ${secret}`);
    for (const { reason } of reasons) expect(seen).not.toContain(reason);
  });
});

describe('my data and anonymisation', () => {
  it('exports everything stored about the citizen as one JSON document', async () => {
    const { data, errors } = await execute<{ myData: string }>(server.client(tokens.marie), gql`{ myData }`);
    expect(errors).toBeUndefined();
    const document = JSON.parse(data!.myData) as { citizen: { familyName: string; nationalNumber: string }; cases: unknown[]; contactPoints: unknown[] };
    expect(document.citizen.familyName).toBe('Dupont');
    expect(document.citizen.nationalNumber).toMatch(/^\d{11}$/);
    expect(document.cases.length).toBeGreaterThanOrEqual(5);
    expect(document.contactPoints.length).toBeGreaterThan(0);
  });

  it('leaves no name, national number, e-mail, phone or case text of an anonymised citizen anywhere in the database, webhook bodies included, and keeps the cases counted', async () => {
    // Letters only, so that the typo corrections' vocabulary learns it as a word of the case.
    const family = `Quartzfeld${randomUUID().replace(/[^a-f]/g, '').slice(0, 6)}`;
    const email = `${family.toLowerCase()}@example.org`;
    const phoneDigits = `0478${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const body = '301231' + String(Math.floor(Math.random() * 900) + 100);
    const nationalNumber = body + nationalNumberCheckDigits(body, false);
    const register = (input: Record<string, unknown>) =>
      execute<{ registerContact: { case: { id: string; citizen: { id: string } } } }>(
        server.client(tokens.first),
        gql`mutation ($input: RegisterContactInput!) { registerContact(input: $input) { ... on RegisterContactSuccess { case { id citizen { id } } } } }`,
        { input },
      );
    const call = await register({
      channel: 'PHONE',
      themeCode: 'HOUSING',
      subject: `Appel de Zébulon ${family}`,
      summary: `M. ${family} joignable au ${phoneDigits}`,
      citizen: { givenName: 'Zébulon', familyName: family, nationalNumber, email, phone: phoneDigits },
      phone: { line: '1718', callerNumber: phoneDigits },
    });
    const caseId = call.data!.registerContact.case.id;
    const citizenId = call.data!.registerContact.case.citizen.id;
    await register({ channel: 'EMAIL', caseId, summary: `Courriel de ${email}`, email: { from: email, to: '1718@spw.example', subject: `Dossier ${family}` } });
    await execute(server.client(tokens.first), gql`mutation ($input: AddNoteInput!) { addNote(input: $input) { __typename } }`, { input: { caseId, body: `Rappeler ${family}` } });

    // Texts of their cases, each also copied elsewhere: messages, a handoff reason (into its event
    // and the webhook bodies of the service it goes to), procedure answers.
    const texts = { note: `note-${randomUUID()}`, toCitizen: `reply-${randomUUID()}`, fromCitizen: `question-${randomUUID()}`, reason: `reason-${randomUUID()}`, answer: `answer-${randomUUID()}` };
    const ok = async (token: string, mutation: string, input: Record<string, unknown>) => {
      const { data, errors } = await execute<Record<string, { __typename: string }>>(server.client(token), mutation, { input });
      expect(errors).toBeUndefined();
      expect(Object.values(data!)[0]!.__typename).toMatch(/Success$/);
    };
    const citizenToken = await tokenFor({ role: 'citizen', sub: Buffer.from(citizenId, 'base64').toString().split(':')[1]! });
    const housingAccount = await tokenFor({ role: 'service', sub: 'TLPE-HOUSING' });
    await ok(housingAccount, gql`mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { __typename } }`, { url: `${receiverUrl}/erasure` });
    await ok(tokens.first!, gql`mutation ($input: AddNoteInput!) { addNote(input: $input) { __typename } }`, { caseId, body: texts.note });
    await ok(tokens.first!, gql`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }`, { caseId, body: texts.toCitizen });
    await ok(citizenToken, gql`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }`, { caseId, body: `${texts.fromCitizen} ${family}` });
    const [housing] = await rows<{ id: string }>(sql`select id from services where code = 'TLPE-HOUSING'`);
    await ok(tokens.first!, gql`mutation ($input: RequestHandoffInput!) { requestHandoff(input: $input) { __typename } }`, {
      caseId,
      toServiceId: globalId('Service', housing!.id),
      reason: `${texts.reason}: M. ${family} attend une visite`,
    });
    const [procedure] = await rows<{ code: string }>(sql`select code from procedures where active order by code limit 1`);
    await ok(citizenToken, gql`mutation ($input: StartProcedureInput!) { startProcedure(input: $input) { __typename } }`, {
      code: procedure!.code,
      answers: { demandeur: `Zébulon ${family}`, remarque: texts.answer },
    });
    // The housing service's webhook has queued the handoff, whose body carries the reason.
    const queued = async () => (await rows<{ n: number }>(sql`select count(*)::int as n from webhook_deliveries where body like ${`%${texts.reason}%`}`))[0]!.n;
    for (let tries = 0; (await queued()) === 0; tries += 1) {
      if (tries > 200) throw new Error('The handoff never reached the webhook deliveries');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [counted] = await rows<{ n: number }>(sql`select count(*)::int as n from cases where citizen_id = ${Buffer.from(citizenId, 'base64').toString().split(':')[1]!}::uuid`);

    /** Every text, JSON, array and tsvector column of the database holding one of the citizen's identifiers. */
    const personalTraces = async () => {
      const columns = await rows<{ table_name: string; column_name: string }>(sql`
        select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'tsvector', 'ARRAY')`);
      const needles = [family.toLowerCase(), email, phoneDigits, phoneDigits.slice(1), nationalNumber, ...Object.values(texts)];
      const found: string[] = [];
      for (const { table_name: table, column_name: column } of columns) {
        for (const needle of needles) {
          const [hit] = await rows<{ n: number }>(
            sql`select count(*)::int as n from ${sql.identifier(table)} where lower(${sql.identifier(column)}::text) like ${`%${needle.toLowerCase()}%`}`,
          );
          if (hit!.n > 0) found.push(`${table}.${column} contains ${needle}`);
        }
      }
      return found;
    };
    const before = await personalTraces();
    for (const copy of ['webhook_deliveries.body', 'online_submissions.answers', 'messages.body', 'notes.body', 'case_events.payload', 'case_search_words.word']) {
      expect(before.some((trace) => trace.startsWith(`${copy} `))).toBe(true);
    }

    const refused = await execute(server.client(tokens.supervisor), gql`mutation ($input: AnonymizeCitizenInput!) { anonymizeCitizen(input: $input) { __typename } }`, { input: { id: citizenId } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const done = await execute<{ anonymizeCitizen: { __typename: string; casesKept: number } }>(
      server.client(tokens.admin),
      gql`mutation ($input: AnonymizeCitizenInput!) { anonymizeCitizen(input: $input) { __typename ... on AnonymizeCitizenSuccess { casesKept } } }`,
      { input: { id: citizenId } },
    );
    expect(done.data?.anonymizeCitizen).toEqual({ __typename: 'AnonymizeCitizenSuccess', casesKept: 2 });

    expect(await personalTraces()).toEqual([]);
    // A delivery not sent yet goes out redacted; it stays well-formed JSON.
    const bodies = await rows<{ body: string }>(sql`select body from webhook_deliveries where case_id = ${Buffer.from(caseId, 'base64').toString().split(':')[1]!}::uuid`);
    expect(bodies.length).toBeGreaterThan(0);
    for (const { body: sent } of bodies) expect(JSON.parse(sent)).toMatchObject({ data: { payload: expect.any(Object) } });
    const [after] = await rows<{ n: number }>(sql`select count(*)::int as n from cases where citizen_id = ${Buffer.from(citizenId, 'base64').toString().split(':')[1]!}::uuid`);
    expect(after!.n).toBe(counted!.n);
    const [logged] = await rows<{ n: number }>(sql`select count(*)::int as n from access_log where actor_subject = 'demo.admin' and 'anonymized' = any(fields)`);
    expect(logged!.n).toBe(1);
  });
});

describe('webhook body retention', () => {
  it('does delete a settled delivery, body and all, once older than WEBHOOK_BODY_RETENTION_DAYS, and keep a newer one and an old one still to send', async () => {
    const account = await tokenFor({ role: 'service', sub: 'TLPE-ENERGY' });
    const created = await execute<{ createWebhook: { webhook: { id: string } } }>(
      server.client(account),
      gql`mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { ... on CreateWebhookSuccess { webhook { id } } } }`,
      { input: { url: `${receiverUrl}/retention`, filter: { types: ['CASE_CREATED'] } } },
    );
    const webhookId = created.data!.createWebhook.webhook.id;
    const agent = await tokenFor({ role: 'agent', sub: 'demo.energy' });
    for (const subject of [`Ancien ${randomUUID()}`, `Récent ${randomUUID()}`, `En attente ${randomUUID()}`]) {
      await execute(server.client(agent), gql`mutation ($input: OpenCaseInput!) { openCase(input: $input) { __typename } }`, {
        input: { themeCode: 'ENERGY.PREMIUMS', subject, originChannel: 'EMAIL' },
      });
    }
    const log = async () =>
      (
        await execute<{ webhookDeliveries: { edges: { node: { id: string; status: string; body: string } }[] } }>(
          server.client(account),
          gql`query ($id: ID!) { webhookDeliveries(webhookId: $id, first: 10) { edges { node { id status body } } } }`,
          { id: webhookId },
        )
      ).data!.webhookDeliveries.edges.map((edge) => edge.node);
    const settled = async () => {
      const found = await log();
      return found.length === 3 && found.every((delivery) => delivery.status === 'DELIVERED') ? found : undefined;
    };
    let delivered = await settled();
    for (let tries = 0; !delivered; tries += 1) {
      if (tries > 300) throw new Error('The deliveries were never delivered');
      await new Promise((resolve) => setTimeout(resolve, 50));
      delivered = await settled();
    }
    const [toSend, recent, old] = delivered; // newest first
    const rawId = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1]!;
    await server.database.handle.db.execute(sql`update webhook_deliveries set created_at = now() - interval '31 days' where id = ${rawId(old!.id)}::uuid`);
    await server.database.handle.db.execute(sql`update webhook_deliveries set created_at = now() - interval '29 days' where id = ${rawId(recent!.id)}::uuid`);
    // Old, but still to send (a retry due tomorrow): never removed, however old.
    await server.database.handle.db.execute(
      sql`update webhook_deliveries set created_at = now() - interval '40 days', status = 'PENDING', delivered_at = null, next_attempt_at = now() + interval '1 day' where id = ${rawId(toSend!.id)}::uuid`,
    );

    // A worker cleans up when it starts (then hourly): another instance on the same database, default retention of 30 days.
    const other = await startServer(testConfig(), server.database.handle);
    try {
      for (let tries = 0; (await log()).some((delivery) => delivery.id === old!.id); tries += 1) {
        if (tries > 100) throw new Error('The expired delivery was never deleted');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await other.close();
    }
    const kept = (await log()).map((delivery) => [delivery.id, delivery.status]);
    expect(kept).toHaveLength(2);
    expect(kept).toEqual(expect.arrayContaining([[toSend!.id, 'PENDING'], [recent!.id, 'DELIVERED']]));
    const [left] = await rows<{ n: number }>(sql`select count(*)::int as n from webhook_deliveries where id = ${rawId(old!.id)}::uuid or body = ${old!.body}`);
    expect(left!.n).toBe(0);
  }, 30_000);
});
