import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowList } from '../src/domain/network-addresses.js';
import { type RunningServer, startServer } from '../src/server/app.js';
import { postToEndpoint } from '../src/services/webhook-http.js';
import { execute, PRODUCTION_ENV, PRODUCTION_SECRET, startTestServer, testConfig, type TestServer, tokenFor } from './helpers/server.js';
import { until } from './helpers/until.js';

// Issue 14: a client's webhook URL must not reach inside the network Guichet runs in, neither at
// creation nor at delivery (after resolving the name), and the delivery log must not work as a
// port scanner. Real HTTP against a receiver on this machine.

/** A local endpoint; `answer` decides what each path gets (a status, or a redirect, or silence). */
class Receiver {
  readonly paths: string[] = [];
  private server: Server | undefined;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const path = request.url ?? '/';
        this.paths.push(path);
        if (path.startsWith('/slow')) return; // never answers
        if (path.startsWith('/redirect')) return response.writeHead(302, { location: `http://127.0.0.1:${this.port}/redirected` }).end();
        if (path.startsWith('/fail')) return response.writeHead(500).end('database password is hunter2');
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  on(path: string): number {
    return this.paths.filter((seen) => seen === path).length;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

const CREATE = gql`
  mutation ($input: CreateWebhookInput!) {
    createWebhook(input: $input) {
      __typename
      ... on CreateWebhookSuccess { webhook { id } }
      ... on ValidationError { problems { path message } }
    }
  }
`;
type Created = { __typename: string; webhook?: { id: string }; problems?: { path: string[]; message: string }[] };

const DELIVERIES = gql`
  query ($webhookId: ID!) {
    webhookDeliveries(webhookId: $webhookId, first: 100) { edges { node { status attempts { statusCode error } } } }
  }
`;
type Delivery = { status: string; attempts: { statusCode: number | null; error: string | null }[] };

async function create(target: TestServer, token: string, url: string): Promise<Created> {
  const { data, errors } = await execute<{ createWebhook: Created }>(target.client(token), CREATE, { input: { url, filter: { types: ['CASE_CREATED'] } } });
  expect(errors).toBeUndefined();
  return data!.createWebhook;
}

async function deliveries(target: TestServer, token: string, webhookId: string): Promise<Delivery[]> {
  const { data, errors } = await execute<{ webhookDeliveries: { edges: { node: Delivery }[] } }>(target.client(token), DELIVERIES, { webhookId });
  expect(errors).toBeUndefined();
  return data!.webhookDeliveries.edges.map((edge) => edge.node);
}

async function openCase(target: TestServer, agentToken: string): Promise<void> {
  const { data } = await execute<{ openCase: { __typename: string } }>(
    target.client(agentToken),
    gql`mutation ($input: OpenCaseInput!) { openCase(input: $input) { __typename } }`,
    { input: { themeCode: 'ENERGY.PREMIUMS', subject: `Destination ${randomUUID()}`, originChannel: 'EMAIL' } },
  );
  expect(data!.openCase.__typename).toBe('OpenCaseSuccess');
}

/** The attempts of the first delivery once it is no longer PENDING. */
async function settledDelivery(target: TestServer, token: string, webhookId: string): Promise<Delivery> {
  return until('a settled delivery', async () => {
    const [delivery] = await deliveries(target, token, webhookId);
    return delivery && delivery.status !== 'PENDING' ? delivery : undefined;
  });
}

const receiver = new Receiver();
beforeAll(() => receiver.start());
afterAll(() => receiver.stop());

describe('webhook endpoints in production', () => {
  let production: TestServer;
  let account: string;
  beforeAll(async () => {
    production = await startTestServer({ env: { ...PRODUCTION_ENV, WEBHOOK_WORKER: 'false', WEBHOOK_ALLOWED_HOSTS: 'receiver.internal, 10.20.0.0/16' } });
    account = await tokenFor({ role: 'service', sub: 'TLPE-ENERGY' }, { secret: PRODUCTION_SECRET });
  });
  afterAll(() => production?.close());

  it.each([
    'https://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'https://10.0.0.1/hook',
    'https://192.168.1.10/hook',
    'https://172.16.0.1/hook',
    'https://100.64.0.1/hook',
    'https://0.0.0.0/hook',
    'https://127.0.0.1:8080/hook',
    'https://localhost/hook',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[::ffff:169.254.169.254]/hook',
    'https://[fd00:ec2::254]/hook',
    'https://[fe80::1]/hook',
    'https://0x7f.1/hook',
    'https://2130706433/hook',
    'https://metadata.google.internal/computeMetadata/v1/',
    'https://224.0.0.1/hook',
  ])('does refuse %s with a ValidationError on input.url', async (url) => {
    const created = await create(production, account, url);
    expect(created.__typename).toBe('ValidationError');
    expect(created.problems!.map((problem) => problem.path.join('.'))).toEqual(['input.url']);
    expect(created.problems![0]!.message).toMatch(/inside a network/);
  });

  it('does accept a public host and what WEBHOOK_ALLOWED_HOSTS names, and nothing next to it', async () => {
    expect((await create(production, account, 'https://backoffice.example/hook')).__typename).toBe('CreateWebhookSuccess');
    expect((await create(production, account, 'https://receiver.internal/hook')).__typename).toBe('CreateWebhookSuccess');
    expect((await create(production, account, 'https://10.20.1.2/hook')).__typename).toBe('CreateWebhookSuccess');
    for (const url of ['https://other.internal/hook', 'https://10.21.0.1/hook']) {
      expect((await create(production, account, url)).problems?.map((problem) => problem.path.join('.'))).toEqual(['input.url']);
    }
  });
});

describe('webhook deliveries', () => {
  let server: TestServer;
  let account: string;
  let agent: string;
  beforeAll(async () => {
    // The development default allows loopback; this server names only "localhost" (not 127.0.0.1).
    server = await startTestServer({ env: { WEBHOOK_ALLOWED_HOSTS: 'localhost', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_MAX_ATTEMPTS: '1', WEBHOOK_TIMEOUT_MS: '500' } });
    account = await tokenFor({ role: 'service', sub: 'TLPE-ENERGY' });
    agent = await tokenFor({ role: 'agent', sub: 'demo.energy' });
  });
  afterAll(() => server?.close());

  it('does deliver to a private host the allow-list names, and refuse the same address it does not name', async () => {
    const named = await create(server, account, `http://localhost:${receiver.port}/named`);
    expect(named.__typename).toBe('CreateWebhookSuccess');
    const unnamed = await create(server, account, `http://127.0.0.1:${receiver.port}/unnamed`);
    expect(unnamed.__typename).toBe('ValidationError');
    await openCase(server, agent);
    const delivery = await settledDelivery(server, account, named.webhook!.id);
    expect(delivery).toEqual({ status: 'DELIVERED', attempts: [{ statusCode: 204, error: null }] });
    expect(receiver.on('/named')).toBe(1);
  });

  it('does show the receiver only a failure class: the status when an answer came, never the network’s words', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const endpoints = {
      fail: `http://localhost:${receiver.port}/fail`,
      redirect: `http://localhost:${receiver.port}/redirect`,
      slow: `http://localhost:${receiver.port}/slow`,
      closed: `http://localhost:${closedPort}/closed`,
    };
    const ids: Record<string, string> = {};
    for (const [name, url] of Object.entries(endpoints)) ids[name] = (await create(server, account, url)).webhook!.id;
    await openCase(server, agent);
    const outcome = async (name: string) => (await settledDelivery(server, account, ids[name]!)).attempts;
    expect(await outcome('fail')).toEqual([{ statusCode: 500, error: 'HTTP_5XX' }]);
    // The redirect is an answer, not followed: its target never hears of it.
    expect(await outcome('redirect')).toEqual([{ statusCode: 302, error: 'HTTP_3XX' }]);
    expect(receiver.on('/redirected')).toBe(0);
    expect(await outcome('slow')).toEqual([{ statusCode: null, error: 'TIMEOUT' }]);
    expect(await outcome('closed')).toEqual([{ statusCode: null, error: 'CONNECTION_FAILED' }]);
  }, 30_000);
});

describe('webhook deliveries after the allow-list changed', () => {
  it('does refuse at delivery a host that resolves to loopback once the allow-list no longer names it', async () => {
    // Created while the operator allowed "localhost"; that instance sends nothing.
    const lenient = await startTestServer({ env: { WEBHOOK_ALLOWED_HOSTS: 'localhost', WEBHOOK_WORKER: 'false' } });
    let strict: RunningServer | undefined;
    try {
      const account = await tokenFor({ role: 'service', sub: 'TLPE-ENERGY' });
      const created = await create(lenient, account, `http://localhost:${receiver.port}/rebound`);
      expect(created.__typename).toBe('CreateWebhookSuccess');
      // Another instance, on the same database, no longer allows it: its worker resolves the name and refuses 127.0.0.1.
      strict = await startServer(testConfig({ WEBHOOK_ALLOWED_HOSTS: '', WEBHOOK_MAX_ATTEMPTS: '1' }), lenient.database.handle);
      await openCase(lenient, await tokenFor({ role: 'agent', sub: 'demo.energy' }));
      const delivery = await settledDelivery(lenient, account, created.webhook!.id);
      expect(delivery).toEqual({ status: 'DEAD', attempts: [{ statusCode: null, error: 'ADDRESS_NOT_ALLOWED' }] });
      expect(receiver.on('/rebound')).toBe(0);
    } finally {
      await strict?.close();
      await lenient.close();
    }
  }, 30_000);
});

describe('the connection a try makes', () => {
  const body = '{}';
  it('does connect to the address it checked, and refuses a name when any address it resolves to is not allowed', async () => {
    const loopbackAllowed = parseAllowList('127.0.0.0/8').allowList;
    // A name no DNS knows, resolved by the given resolver only: reaching the receiver proves the connection used the checked answer.
    const toReceiver = async () => [{ address: '127.0.0.1', family: 4 }];
    const reached = await postToEndpoint(`http://receiver.test:${receiver.port}/resolved`, {}, body, { timeoutMs: 2_000, allowList: loopbackAllowed, resolve: toReceiver });
    expect(reached).toEqual({ statusCode: 204, failure: null, detail: null });
    expect(receiver.on('/resolved')).toBe(1);

    const nothingAllowed = parseAllowList('').allowList;
    const refused = await postToEndpoint(`http://receiver.test:${receiver.port}/refused`, {}, body, { timeoutMs: 2_000, allowList: nothingAllowed, resolve: toReceiver });
    expect(refused).toMatchObject({ statusCode: null, failure: 'ADDRESS_NOT_ALLOWED' });
    // One public answer beside a private one does not make the name acceptable.
    const mixed = async () => [{ address: '93.184.215.14', family: 4 }, { address: '127.0.0.1', family: 4 }];
    expect(await postToEndpoint(`http://receiver.test:${receiver.port}/refused`, {}, body, { timeoutMs: 2_000, allowList: nothingAllowed, resolve: mixed })).toMatchObject({
      failure: 'ADDRESS_NOT_ALLOWED',
    });
    // An IP literal never goes through the resolver: it is checked as written.
    expect(await postToEndpoint(`http://127.0.0.1:${receiver.port}/refused`, {}, body, { timeoutMs: 2_000, allowList: nothingAllowed, resolve: toReceiver })).toMatchObject({
      failure: 'ADDRESS_NOT_ALLOWED',
    });
    expect(receiver.on('/refused')).toBe(0);
  });
});
