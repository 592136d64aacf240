import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { gql } from 'graphql-request';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/db/client.js';
import { startServer } from '../src/server/app.js';
import { leaseDueDeliveries, recordAttempt } from '../src/services/webhook-delivery.js';
import { execute, startTestServer, testConfig, type TestServer, tokenFor } from './helpers/server.js';
import { until } from './helpers/until.js';

// Webhooks through the public API, against a real HTTP receiver on this machine. Signatures are
// checked with the Standard Webhooks reference library, not with Guichet's own code.

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  answeredWith: number;
}

/** A local endpoint that answers each request with what `answer` says (when it says it) and records it. */
class Receiver {
  readonly received: Received[] = [];
  answer: (request: { path: string; body: string }) => number | Promise<number> = () => 204;
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = request.url ?? '/';
        const answeredWith = await this.answer({ path, body });
        this.received.push({ path, headers: request.headers, body, answeredWith });
        response.writeHead(answeredWith).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  on(path: string): Received[] {
    return this.received.filter((request) => request.path === path);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/**
 * The handle with its `db` counting the deliveries its worker leases (the claim is the only
 * statement that returns a delivery's sealed secret), to tell which instance sent what.
 */
function countingClaims(handle: DatabaseHandle): { handle: DatabaseHandle; claimed: (url: string) => number } {
  const claimed: string[] = [];
  const db = new Proxy(handle.db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === 'execute') {
        return async (...args: unknown[]) => {
          const result: unknown = await (value as (...args: unknown[]) => unknown).apply(target, args);
          const rows = (Array.isArray(result) ? result : (result as { rows?: unknown[] }).rows) ?? [];
          for (const row of rows) if (typeof row === 'object' && row !== null && 'sealedSecret' in row) claimed.push((row as { url: string }).url);
          return result;
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { handle: { ...handle, db }, claimed: (url) => claimed.filter((claimedUrl) => claimedUrl === url).length };
}

type StateInBody = { status: string; version: number; serviceId: string; dueAt: string | null };
type Body = {
  type: string;
  timestamp: string;
  data: { feedCursor: string; eventType: string; caseId: string; caseReference: string; caseState: StateInBody | null; previousCaseState: StateInBody | null };
};
const bodyOf = (request: Received) => JSON.parse(request.body) as Body;

const feedOrder = (a: string, b: string) => {
  const [ax, ap] = a.split('.').map(BigInt) as [bigint, bigint];
  const [bx, bp] = b.split('.').map(BigInt) as [bigint, bigint];
  return ax === bx ? Number(ap - bp) : ax < bx ? -1 : 1;
};

const CREATE = gql`
  mutation ($input: CreateWebhookInput!) {
    createWebhook(input: $input) {
      __typename
      ... on CreateWebhookSuccess { secret webhook { id url feedCursor filter { themeCodes types service { code } } } }
      ... on ValidationError { problems { path message } }
    }
  }
`;
type CreateResult = { createWebhook: { __typename: string; secret?: string; webhook?: { id: string; url: string }; problems?: { path: string[]; message: string }[] } };

const DELIVERIES = gql`
  query ($webhookId: ID!, $status: WebhookDeliveryStatus) {
    webhookDeliveries(webhookId: $webhookId, status: $status, first: 100) {
      edges { node { id messageId status eventType eventCursor attemptCount deliveredAt nextAttemptAt attempts { statusCode error durationMs } } }
    }
  }
`;
type Delivery = {
  id: string;
  messageId: string;
  status: string;
  eventType: string;
  eventCursor: string;
  attemptCount: number;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  attempts: { statusCode: number | null; error: string | null; durationMs: number }[];
};

let server: TestServer;
const receiver = new Receiver();
const tokens: Record<string, string> = {};

beforeAll(async () => {
  await receiver.start();
  server = await startTestServer({ env: { WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_MAX_ATTEMPTS: '6' } });
  tokens.energyAccount = await tokenFor({ role: 'service', sub: 'TLPE-ENERGY' });
  tokens.housingAccount = await tokenFor({ role: 'service', sub: 'TLPE-HOUSING' });
  tokens.energyAgent = await tokenFor({ role: 'agent', sub: 'demo.energy' });
  tokens.housingAgent = await tokenFor({ role: 'agent', sub: 'demo.housing' });
  tokens.supervisor = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
});
afterAll(async () => {
  await server?.close();
  await receiver.stop();
});

async function createWebhook(token: string, input: Record<string, unknown>, target = server): Promise<CreateResult['createWebhook']> {
  const { data, errors } = await execute<CreateResult>(target.client(token), CREATE, { input });
  expect(errors).toBeUndefined();
  return data!.createWebhook;
}

async function deliveries(webhookId: string, status?: string, token = tokens.energyAccount!, target = server): Promise<Delivery[]> {
  const { data, errors } = await execute<{ webhookDeliveries: { edges: { node: Delivery }[] } }>(target.client(token), DELIVERIES, { webhookId, status });
  expect(errors).toBeUndefined();
  return data!.webhookDeliveries.edges.map((edge) => edge.node);
}

/** Opens a case in the agent's service and adds `notes` notes: 1 + notes events. Returns its id. */
async function caseWithNotes(agentToken: string, themeCode: string, notes: number, target = server): Promise<string> {
  const opened = await execute<{ openCase: { case: { id: string } } }>(
    target.client(agentToken),
    gql`mutation ($input: OpenCaseInput!) { openCase(input: $input) { ... on OpenCaseSuccess { case { id } } } }`,
    { input: { themeCode, subject: `Webhook ${randomUUID()}`, originChannel: 'EMAIL' } },
  );
  const caseId = opened.data!.openCase.case.id;
  for (let note = 1; note <= notes; note += 1) {
    const { errors } = await execute(target.client(agentToken), gql`mutation ($input: AddNoteInput!) { addNote(input: $input) { __typename } }`, {
      input: { caseId, body: `note ${note}` },
    });
    expect(errors).toBeUndefined();
  }
  return caseId;
}

/** The feed cursors of a case's events, in feed order, as the service account reads them. */
async function eventCursorsOf(caseId: string, token = tokens.energyAccount!): Promise<string[]> {
  const { data } = await execute<{ case: { timeline: { edges: { node: { feedCursor: string } }[] } } }>(
    server.client(token),
    gql`query ($id: ID!) { case(id: $id) { timeline(first: 100) { edges { node { feedCursor } } } } }`,
    { id: caseId },
  );
  return data!.case.timeline.edges.map((edge) => edge.node.feedCursor).sort(feedOrder);
}

describe('webhooks', () => {
  it('does register an endpoint for a service account, show the secret once, list and delete it', async () => {
    const created = await createWebhook(tokens.energyAccount!, { url: `${receiver.url}/registry`, description: 'Registre', filter: { themeCodes: ['ENERGY'], types: ['NOTE_ADDED'] } });
    expect(created.__typename).toBe('CreateWebhookSuccess');
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const listed = await execute<{ webhooks: { edges: { node: { id: string; url: string; filter: { themeCodes: string[]; types: string[] } } }[] } }>(
      server.client(tokens.energyAccount),
      gql`{ webhooks(first: 100) { edges { node { id url filter { themeCodes types } } } } }`,
    );
    expect(listed.data!.webhooks.edges.map((edge) => edge.node)).toContainEqual({ id: created.webhook!.id, url: `${receiver.url}/registry`, filter: { themeCodes: ['ENERGY'], types: ['NOTE_ADDED'] } });
    // The secret is never readable again: the type has no such field.
    const again = await execute(server.client(tokens.energyAccount), gql`{ webhooks { edges { node { secret } } } }`);
    expect(again.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    // Another account neither sees it nor deletes it.
    const otherList = await execute<{ webhooks: { edges: unknown[] } }>(server.client(tokens.housingAccount), gql`{ webhooks { edges { node { id } } } }`);
    expect(otherList.data!.webhooks.edges).toEqual([]);
    const DELETE = gql`mutation ($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { __typename ... on DeleteWebhookSuccess { deletedWebhookId } } }`;
    const refused = await execute<{ deleteWebhook: { __typename: string } }>(server.client(tokens.housingAccount), DELETE, { input: { id: created.webhook!.id } });
    expect(refused.data!.deleteWebhook.__typename).toBe('NotFoundError');
    const otherLog = await execute(server.client(tokens.housingAccount), DELIVERIES, { webhookId: created.webhook!.id });
    expect(otherLog.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const deleted = await execute<{ deleteWebhook: { __typename: string; deletedWebhookId: string } }>(server.client(tokens.energyAccount), DELETE, { input: { id: created.webhook!.id } });
    expect(deleted.data!.deleteWebhook).toEqual({ __typename: 'DeleteWebhookSuccess', deletedWebhookId: created.webhook!.id });
    const gone = await execute<{ webhooks: { edges: { node: { id: string } }[] } }>(server.client(tokens.energyAccount), gql`{ webhooks(first: 100) { edges { node { id } } } }`);
    expect(gone.data!.webhooks.edges.map((edge) => edge.node.id)).not.toContain(created.webhook!.id);
  });

  it('does refuse bad endpoints and filters with typed errors, and agents outright', async () => {
    const bad = await createWebhook(tokens.energyAccount!, { url: 'ftp://example.org/x', filter: { themeCodes: ['NO.SUCH.THEME'] } });
    expect(bad.__typename).toBe('ValidationError');
    expect(bad.problems!.map((problem) => problem.path.join('.'))).toEqual(['input.url', 'input.filter.themeCodes']);
    const badCursor = await createWebhook(tokens.energyAccount!, { url: `${receiver.url}/x`, after: 'not-a-cursor' });
    expect(badCursor.__typename).toBe('ValidationError');

    const byAgent = await execute(server.client(tokens.energyAgent), CREATE, { input: { url: `${receiver.url}/x` } });
    expect(byAgent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await execute(server.client(), gql`{ webhooks { edges { node { id } } } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('does deliver every event, signed, in order per case, when the receiver fails the first 3 deliveries', async () => {
    let failuresLeft = 3;
    receiver.answer = ({ path }) => {
      if (path !== '/flaky') return 204;
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        return 500;
      }
      return 204;
    };
    const created = await createWebhook(tokens.energyAccount!, { url: `${receiver.url}/flaky` });
    const secret = created.secret!;
    const caseIds = [await caseWithNotes(tokens.energyAgent!, 'ENERGY.PREMIUMS', 3), await caseWithNotes(tokens.energyAgent!, 'ENERGY.PREMIUMS', 2)];
    const expected = (await Promise.all(caseIds.map((id) => eventCursorsOf(id)))).flat();
    expect(expected.length).toBeGreaterThanOrEqual(7);

    const accepted = () => receiver.on('/flaky').filter((request) => request.answeredWith === 204);
    await until('every event delivered', () => (new Set(accepted().map((request) => bodyOf(request).data.feedCursor)).size >= expected.length ? true : undefined));

    const requests = receiver.on('/flaky');
    expect(requests.filter((request) => request.answeredWith === 500)).toHaveLength(3);
    // Every request, failed or not, carries a valid Standard Webhooks signature.
    const verifier = new StandardWebhook(secret);
    for (const request of requests) {
      expect(() => verifier.verify(request.body, request.headers as Record<string, string>)).not.toThrow();
    }
    // A tampered body does not verify.
    expect(() => verifier.verify(requests[0]!.body.replace('case.', 'kase.'), requests[0]!.headers as Record<string, string>)).toThrow();

    // Each event exactly once accepted here (no lease ran out), every expected event, nothing else.
    const acceptedCursors = accepted().map((request) => bodyOf(request).data.feedCursor);
    expect([...acceptedCursors].sort(feedOrder)).toEqual([...expected].sort(feedOrder));
    // In order per case: the accepted requests of each case come in feed order.
    for (const caseId of caseIds) {
      const ofCase = accepted().filter((request) => bodyOf(request).data.caseId === caseId).map((request) => bodyOf(request).data.feedCursor);
      expect(ofCase).toEqual([...ofCase].sort(feedOrder));
      expect(ofCase.length).toBeGreaterThan(0);
    }
    // A retried delivery keeps its webhook-id.
    const failedIds = new Set(requests.filter((request) => request.answeredWith === 500).map((request) => request.headers['webhook-id']));
    for (const id of failedIds) expect(accepted().some((request) => request.headers['webhook-id'] === id)).toBe(true);

    // The delivery log shows the tries (the last answer may be a moment ahead of its record).
    await until('every try recorded', async () => ((await deliveries(created.webhook!.id, 'PENDING')).length === 0 ? true : undefined));
    const log = await deliveries(created.webhook!.id);
    expect(log).toHaveLength(expected.length);
    expect(log.every((delivery) => delivery.status === 'DELIVERED' && delivery.deliveredAt !== null && delivery.nextAttemptAt === null)).toBe(true);
    const statuses = log.flatMap((delivery) => delivery.attempts.map((attempt) => attempt.statusCode));
    expect(statuses.filter((status) => status === 500)).toHaveLength(3);
    expect(statuses.filter((status) => status === 204)).toHaveLength(expected.length);
    const retried = log.filter((delivery) => delivery.attemptCount > 1);
    expect(retried.length).toBeGreaterThan(0);
    for (const delivery of retried) {
      expect(delivery.attempts.at(-1)).toMatchObject({ statusCode: 204, error: null });
      expect(delivery.attempts.slice(0, -1).every((attempt) => attempt.statusCode === 500 && attempt.error === 'HTTP_5XX')).toBe(true);
      expect(failedIds.has(delivery.messageId)).toBe(true);
    }
  }, 60_000);

  it('does hold back the later events of a case while an earlier one is retried, not those of other cases', async () => {
    // The first case whose creation reaches the receiver has that event refused 3 times.
    let blockedCaseId = '';
    let blockedFailures = 0;
    receiver.answer = ({ path, body }) => {
      if (path !== '/ordered') return 204;
      const parsed = JSON.parse(body) as Body;
      if (!blockedCaseId && parsed.data.eventType === 'CASE_CREATED') blockedCaseId = parsed.data.caseId;
      if (parsed.data.caseId === blockedCaseId && parsed.data.eventType === 'CASE_CREATED' && blockedFailures < 3) {
        blockedFailures += 1;
        return 503;
      }
      return 204;
    };
    const created = await createWebhook(tokens.energyAccount!, { url: `${receiver.url}/ordered` });
    const caseIds = [await caseWithNotes(tokens.energyAgent!, 'ENERGY.PREMIUMS', 2), await caseWithNotes(tokens.energyAgent!, 'ENERGY.PREMIUMS', 2)];
    const expected = (await Promise.all(caseIds.map((id) => eventCursorsOf(id)))).flat();
    const accepted = () => receiver.on('/ordered').filter((request) => request.answeredWith === 204).map((request) => bodyOf(request).data);
    await until('every event delivered', () => (new Set(accepted().map((data) => data.feedCursor)).size >= expected.length ? true : undefined));
    const blocked = blockedCaseId;
    const free = caseIds.find((id) => id !== blocked)!;
    expect(blockedFailures).toBe(3);

    const ofBlocked = accepted().filter((data) => data.caseId === blocked);
    expect(ofBlocked.map((data) => data.eventType)).toEqual(['CASE_CREATED', 'NOTE_ADDED', 'NOTE_ADDED']);
    // Nothing of the blocked case went out before its first event was accepted.
    const requests = receiver.on('/ordered').map((request) => ({ ...bodyOf(request).data, answeredWith: request.answeredWith }));
    const firstAccepted = requests.findIndex((data) => data.caseId === blocked && data.answeredWith === 204);
    expect(requests.slice(0, firstAccepted).filter((data) => data.caseId === blocked).every((data) => data.eventType === 'CASE_CREATED')).toBe(true);
    expect(accepted().filter((data) => data.caseId === free)).toHaveLength(3);
    await until('every try recorded', async () => ((await deliveries(created.webhook!.id, 'PENDING')).length === 0 ? true : undefined));
  }, 60_000);

  it('does replay the events after the given cursor', async () => {
    receiver.answer = () => 204;
    const caseId = await caseWithNotes(tokens.energyAgent!, 'ENERGY.PREMIUMS', 2);
    const [first, ...later] = await eventCursorsOf(caseId);
    await createWebhook(tokens.energyAccount!, { url: `${receiver.url}/replay`, after: first });
    await until('the replay', () => (receiver.on('/replay').length >= later.length ? true : undefined));
    expect(receiver.on('/replay').map((request) => bodyOf(request).data.feedCursor)).toEqual(later);
    // Each body carries the case as of its event, as GraphQL gives it (ids are global ids).
    type StateAtEvent = { status: string; version: number; service: { id: string }; dueAt: string | null };
    const { data } = await execute<{ case: { timeline: { edges: { node: { feedCursor: string; state: StateAtEvent } }[] } } }>(
      server.client(tokens.energyAccount!),
      gql`query ($id: ID!) { case(id: $id) { timeline(first: 100) { edges { node { feedCursor state { status version service { id } dueAt } } } } } }`,
      { id: caseId },
    );
    const stateOf = new Map(data!.case.timeline.edges.map((edge) => [edge.node.feedCursor, edge.node.state]));
    for (const request of receiver.on('/replay')) {
      const { feedCursor, caseState, previousCaseState } = bodyOf(request).data;
      const expected = stateOf.get(feedCursor)!;
      expect(caseState).toMatchObject({ status: expected.status, version: expected.version, serviceId: expected.service.id, dueAt: expected.dueAt });
      expect(previousCaseState).not.toBeNull();
    }
  }, 30_000);

  it('does never send a service account an event of a case never of or handed to its service', async () => {
    receiver.answer = () => 204;
    const created = await createWebhook(tokens.housingAccount!, { url: `${receiver.url}/housing` });
    const energyCase = await caseWithNotes(tokens.energyAgent!, 'ENERGY.PREMIUMS', 1);
    const housingCase = await caseWithNotes(tokens.housingAgent!, 'HOUSING.PREMIUMS', 1);
    const housingEvents = await eventCursorsOf(housingCase, tokens.housingAccount);
    await until('housing events delivered', () => (receiver.on('/housing').length >= housingEvents.length ? true : undefined));
    // Fan-out follows feed order and the energy case came first: had it been sent, it would be here.
    const sentCases = new Set(receiver.on('/housing').map((request) => bodyOf(request).data.caseId));
    expect(sentCases).toEqual(new Set([housingCase]));
    expect(sentCases.has(energyCase)).toBe(false);
    expect((await deliveries(created.webhook!.id, undefined, tokens.housingAccount)).map((delivery) => delivery.eventCursor).sort(feedOrder)).toEqual(housingEvents);
  }, 30_000);

  it('does send each delivery once when two instances run the worker on one database, each sending some (a race on Postgres; on PGlite one connection takes turns)', async () => {
    // On Postgres the second instance has a pool of its own, as another process would; PGlite
    // has one connection, so there the two workers' claims take turns instead of racing.
    const ownHandle = server.database.url ? await openDatabase({ url: server.database.url, maxConnections: 5 }) : undefined;
    const counted = countingClaims(ownHandle ?? server.database.handle);
    // A worker sends its batch and waits for every answer before leasing more. The receiver
    // holds its answers until both instances have sent some, so a worker that leased a batch
    // waits on it, and what is left can only go out through the other instance (on Postgres,
    // where the two race; on PGlite they take turns and the answers are not held).
    const CASES = 20;
    let arrived = 0;
    let release = () => {};
    const bothSent = new Promise<void>((resolve) => (release = resolve));
    receiver.answer = async ({ path }) => {
      if (path !== '/two' || !server.database.url) return 204;
      arrived += 1;
      const bySecond = counted.claimed(`${receiver.url}/two`);
      if (bySecond > 0 && arrived > bySecond) release();
      // Bounded, so that a run where one worker sends everything ends (and fails) in time.
      await Promise.race([bothSent, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      return 204;
    };
    const second = await startServer(testConfig({ WEBHOOK_RETRY_BASE_MS: '100' }), counted.handle);
    try {
      const created = await createWebhook(tokens.energyAccount!, { url: `${receiver.url}/two`, filter: { types: ['CASE_CREATED'] } });
      await Promise.all(Array.from({ length: CASES }, () => caseWithNotes(tokens.energyAgent!, 'ENERGY.PREMIUMS', 0)));
      await until('every event delivered', () => (receiver.on('/two').length >= CASES ? true : undefined));
      await until('every try recorded', async () => ((await deliveries(created.webhook!.id, 'PENDING')).length === 0 ? true : undefined));
      const ids = receiver.on('/two').map((request) => request.headers['webhook-id']);
      expect(ids).toHaveLength(CASES);
      expect(new Set(ids).size).toBe(CASES);
      const delivered = await deliveries(created.webhook!.id, 'DELIVERED');
      expect(delivered.length).toBe(CASES);
      // Each delivery was leased once, and both instances leased some.
      expect(delivered.every((delivery) => delivery.attemptCount === 1)).toBe(true);
      const bySecond = counted.claimed(`${receiver.url}/two`);
      if (server.database.url) {
        expect(bySecond).toBeGreaterThan(0);
        expect(bySecond).toBeLessThan(CASES);
      }
    } finally {
      receiver.answer = () => 204;
      await second.close();
      await ownHandle?.close();
    }
  }, 60_000);
});

describe('webhook dead letters', () => {
  let deadServer: TestServer;
  beforeAll(async () => {
    deadServer = await startTestServer({ env: { WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_MAX_ATTEMPTS: '3' } });
  });
  afterAll(() => deadServer?.close());

  it('does mark a delivery DEAD after the last try and send it again on redeliverWebhook', async () => {
    let up = false;
    receiver.answer = ({ path }) => (path === '/dead' && !up ? 503 : 204);
    const created = await createWebhook(tokens.energyAccount!, { url: `${receiver.url}/dead`, filter: { types: ['CASE_CREATED'] } }, deadServer);
    await caseWithNotes(tokens.energyAgent!, 'ENERGY.PREMIUMS', 1, deadServer);
    const [dead] = await until('a dead delivery', async () => {
      const found = await deliveries(created.webhook!.id, 'DEAD', tokens.energyAccount, deadServer);
      return found.length > 0 ? found : undefined;
    });
    expect(dead!.eventType).toBe('CASE_CREATED');
    expect(dead!.attemptCount).toBe(3);
    expect(dead!.attempts.map((attempt) => attempt.statusCode)).toEqual([503, 503, 503]);
    expect(dead!.nextAttemptAt).toBeNull();

    up = true;
    const REDELIVER = gql`mutation ($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { __typename ... on RedeliverWebhookSuccess { delivery { status attemptCount } } } }`;
    const again = await execute<{ redeliverWebhook: { __typename: string; delivery: { status: string; attemptCount: number } } }>(
      deadServer.client(tokens.energyAccount),
      REDELIVER,
      { input: { deliveryId: dead!.id } },
    );
    expect(again.data!.redeliverWebhook).toEqual({ __typename: 'RedeliverWebhookSuccess', delivery: { status: 'PENDING', attemptCount: 0 } });
    const [delivered] = await until('the redelivery', async () => {
      const found = await deliveries(created.webhook!.id, 'DELIVERED', tokens.energyAccount, deadServer);
      return found.length > 0 ? found : undefined;
    });
    expect(delivered!.attempts.map((attempt) => attempt.statusCode)).toEqual([503, 503, 503, 204]);
    expect(new Set(receiver.on('/dead').map((request) => request.headers['webhook-id']))).toEqual(new Set([dead!.messageId]));

    const otherAccount = await execute<{ redeliverWebhook: { __typename: string } }>(deadServer.client(tokens.housingAccount), REDELIVER, { input: { deliveryId: dead!.id } });
    expect(otherAccount.data!.redeliverWebhook.__typename).toBe('NotFoundError');
  }, 60_000);
});

describe('a worker that dies holding a lease', () => {
  const TIMEOUT_MS = 1_000;
  let api: TestServer;
  beforeAll(async () => {
    // No worker of its own: the deliveries are left to the dying worker and the one taking over.
    api = await startTestServer({ env: { WEBHOOK_WORKER: 'false', WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS) } });
  });
  afterAll(() => api?.close());

  it('does have another worker send its delivery once the try timeout and a few seconds have passed, not half a minute later', async () => {
    receiver.answer = () => 204;
    const created = await createWebhook(tokens.energyAccount!, { url: `${receiver.url}/crashed`, filter: { types: ['CASE_CREATED'] } }, api);
    await caseWithNotes(tokens.energyAgent!, 'ENERGY.PREMIUMS', 0, api);
    // The dying worker takes the lease with the worker's own step, then never sends nor records
    // anything, as if its process had been killed mid-try. The event reaches the fan-out once
    // the feed hands it out (another test's open transaction may hold it back a moment).
    let leasedAt = 0;
    await until('the delivery leased by the dying worker', async () => {
      leasedAt = Date.now();
      const { leased } = await leaseDueDeliveries(api.database.handle.db, { requestTimeoutMs: TIMEOUT_MS });
      return leased.length > 0 ? leased : undefined;
    });
    const survivor = await startServer(testConfig({ WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS) }), api.database.handle);
    try {
      await until('the delivery sent by the surviving worker', () => (receiver.on('/crashed').length > 0 ? true : undefined), 15_000);
      const waited = Date.now() - leasedAt;
      // Not before the lease (the try timeout + 5 s) has run out, and not long after.
      expect(waited).toBeGreaterThanOrEqual(TIMEOUT_MS + 5_000 - 250);
      expect(waited).toBeLessThan(TIMEOUT_MS + 8_000);
      const [delivered] = await until('the try recorded', async () => {
        const found = await deliveries(created.webhook!.id, 'DELIVERED', tokens.energyAccount, api);
        return found.length > 0 ? found : undefined;
      });
      // The dead worker's lease counts as a try; only the surviving worker's answer is recorded.
      expect(delivered!.attemptCount).toBe(2);
      expect(delivered!.attempts.map((attempt) => attempt.statusCode)).toEqual([204]);
      expect(receiver.on('/crashed')).toHaveLength(1);
    } finally {
      await survivor.close();
    }
  }, 30_000);

  it('does keep a late worker’s record from undoing the lease and outcome of the worker that took over', async () => {
    const created = await createWebhook(tokens.energyAccount!, { url: `${receiver.url}/late`, filter: { types: ['CASE_CREATED'] } }, api);
    await caseWithNotes(tokens.energyAgent!, 'ENERGY.PREMIUMS', 0, api);
    const db = api.database.handle.db;
    const lease = async () => {
      const { leased } = await leaseDueDeliveries(db, { requestTimeoutMs: TIMEOUT_MS });
      return leased.find((delivery) => delivery.url.endsWith('/late'));
    };
    const slow = await until('the delivery leased by the slow worker', lease);
    // Its lease runs out (as if its record were held up longer than the margin), and another worker leases it again.
    await db.execute(sql`update webhook_deliveries set lease_expires_at = now() - interval '1 second' where id = ${slow.id}`);
    const taker = await until('the delivery leased again', lease);
    expect(taker.attemptCount).toBe(slow.attemptCount + 1);
    const schedule = { baseDelayMs: 100, maxAttempts: 1 };
    // The slow worker's failure, recorded late, would make the delivery DEAD (one try allowed).
    await recordAttempt(db, slow, { attemptedAt: new Date(), statusCode: 500, error: 'HTTP_5XX', durationMs: 1 }, schedule);
    const [pending] = await deliveries(created.webhook!.id, 'PENDING', tokens.energyAccount, api);
    expect(pending?.attempts.map((attempt) => attempt.statusCode)).toEqual([500]);
    await recordAttempt(db, taker, { attemptedAt: new Date(), statusCode: 204, error: null, durationMs: 1 }, schedule);
    const [delivered] = await deliveries(created.webhook!.id, 'DELIVERED', tokens.energyAccount, api);
    expect(delivered?.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 204]);
  });
});
