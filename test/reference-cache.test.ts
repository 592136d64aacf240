import { sql } from 'drizzle-orm';
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DatabaseHandle, openDatabase, selectRows } from '../src/db/client.js';
import { announceReferenceDataChange, openReferenceCache } from '../src/services/reference-cache.js';
import { themes as referenceThemes } from '../seeds/reference/index.js';
import { loadReferenceData } from '../seeds/load-reference.js';
import { createTestDatabase } from './helpers/database.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// Themes, services and departments are read by id from a cache of the server, dropped when a
// transaction that changes them notifies the reference-data channel (a seed, maybe run by another
// process). Every statement the server's database handle sends is recorded.

const statements: string[] = [];
let server: TestServer;
let supervisorToken: string;
/**
 * Writes reference data the way a seed run elsewhere does: on Postgres through a pool of its own
 * (another process would have one), on PGlite through the server's handle (one process only).
 */
let writer: DatabaseHandle;

beforeAll(async () => {
  const database = await createTestDatabase({ onQuery: (query) => statements.push(query) });
  server = await startTestServer({ database, env: { WEBHOOK_WORKER: 'false' } });
  supervisorToken = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
  writer = database.url ? await openDatabase({ url: database.url, maxConnections: 1 }) : database.handle;
});
afterAll(async () => {
  if (writer && writer !== server?.database.handle) await writer.close();
  await server?.close();
});

const CASES = gql`
  query Cases {
    cases(first: 5) {
      edges {
        node {
          reference
          theme { code label parent { code } defaultService { code } }
          service { code department { code } }
        }
      }
    }
  }
`;

interface CaseNode {
  reference: string;
  theme: { code: string; label: string; parent: { code: string } | null; defaultService: { code: string } | null };
  service: { code: string; department: { code: string } | null };
}

/**
 * Statements reading rows of the themes, services or departments table, as the loaders by id did.
 * (The viewer's look-up joins its agent's service for the line: that join is not a read by id.)
 */
const readsReferenceTables = (statement: string) => /\bfrom "(themes|services|departments)"/.test(statement);

/** The first five cases of the supervisor's inbox, with the statements the request sent. */
async function readCases() {
  statements.length = 0;
  const { data, errors } = await execute<{ cases: { edges: { node: CaseNode }[] } }>(server.client(supervisorToken), CASES);
  expect(errors).toBeUndefined();
  return { nodes: data!.cases.edges.map((edge) => edge.node), sent: [...statements] };
}

/** The French label the inbox shows for the theme of this code. */
async function labelOf(code: string): Promise<string | undefined> {
  const { nodes } = await readCases();
  return nodes.find((node) => node.theme.code === code)?.theme.label;
}

/** A theme of the inbox's first cases, whose label the tests change. */
async function inboxTheme(): Promise<string> {
  const { nodes } = await readCases();
  expect(nodes.length).toBeGreaterThan(0);
  return nodes[0]!.theme.code;
}

async function writeThemeLabel(code: string, label: string, options: { notify: boolean }) {
  await writer.db.transaction(async (tx) => {
    await tx.execute(sql`update themes set labels = labels || jsonb_build_object('fr', ${label}::text) where code = ${code}`);
    if (options.notify) await announceReferenceDataChange(tx);
  });
}

describe('reference data cache', () => {
  it('sends no statement to the themes, services or departments tables once a first request has been answered', async () => {
    await readCases();
    const { nodes, sent } = await readCases();
    expect(nodes).toHaveLength(5);
    // The relations are really resolved, departments included.
    expect(nodes.every((node) => node.theme.label.length > 0 && node.service.code.length > 0)).toBe(true);
    expect(nodes.some((node) => node.service.department !== null)).toBe(true);
    expect(nodes.some((node) => node.theme.parent !== null || node.theme.defaultService !== null)).toBe(true);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter(readsReferenceTables)).toEqual([]);
  });

  it('keeps answering from the cache when a theme changes without a notification', async () => {
    const code = await inboxTheme();
    const before = await labelOf(code);
    await writeThemeLabel(code, 'Changé sans annonce', { notify: false });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await labelOf(code)).toBe(before);
    }
  });

  it('shows a theme label changed by another connection once the change is announced in its transaction', async () => {
    const code = await inboxTheme();
    await writeThemeLabel(code, 'Changé avec annonce', { notify: true });
    await vi.waitFor(async () => expect(await labelOf(code)).toBe('Changé avec annonce'), { timeout: 5_000, interval: 50 });
    // The next request loaded the tables again; the one after reads the cache.
    const { sent } = await readCases();
    expect(sent.filter(readsReferenceTables)).toEqual([]);
  });

  it('shows the reference labels again once the reference data is loaded (a seed run)', async () => {
    const code = await inboxTheme();
    await writeThemeLabel(code, 'Avant la graine', { notify: true });
    await vi.waitFor(async () => expect(await labelOf(code)).toBe('Avant la graine'), { timeout: 5_000, interval: 50 });
    await loadReferenceData(writer.db);
    const seeded = referenceThemes.find((theme) => theme.code === code)!.labels.fr;
    await vi.waitFor(async () => expect(await labelOf(code)).toBe(seeded), { timeout: 5_000, interval: 50 });
  });
});

describe('reference cache', () => {
  // A cache of its own on the server's database, with a listen() the test controls.
  async function openCache(db = server.database.handle.db) {
    const changes: { notify?: () => void; reconnect?: () => void } = {};
    const cache = await openReferenceCache({
      db,
      listen: async (_channel, onNotify, onReconnect) => {
        changes.notify = () => onNotify('');
        changes.reconnect = onReconnect;
        return async () => {};
      },
    });
    return { cache, changes };
  }
  const themeLoads = () => statements.filter((statement) => /from "themes"/.test(statement)).length;

  it('loads the tables once for concurrent first reads', async () => {
    const { cache } = await openCache();
    statements.length = 0;
    const [energy] = await Promise.all([
      cache.themesByIds([]),
      cache.servicesByIds([]),
      cache.departmentsByIds([]),
      cache.themesByIds([]),
    ]);
    expect(energy).toEqual([]);
    expect(themeLoads()).toBe(1);
    expect(statements.filter((statement) => /from "services"/.test(statement))).toHaveLength(1);
    expect(statements.filter((statement) => /from "departments"/.test(statement))).toHaveLength(1);
    await cache.close();
  });

  it('returns the rows of the ids it has, in the shape of the table, and nothing for unknown or malformed ids', async () => {
    const { cache } = await openCache();
    const [row] = await selectRows<{ id: string }>(server.database.handle.db, sql`select id from themes where code = 'ENERGY'`);
    const found = await cache.themesByIds([row!.id, '00000000-0000-0000-0000-000000000000', 'not-a-uuid']);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: row!.id, code: 'ENERGY', labels: { fr: 'Énergie' }, firstLineExcluded: false, parentId: null });
    expect(found[0]!.createdAt).toBeInstanceOf(Date);
    await cache.close();
  });

  it('loads again after a notification or a reconnection, not before', async () => {
    const { cache, changes } = await openCache();
    await cache.load();
    statements.length = 0;
    await cache.themesByIds([]);
    expect(themeLoads()).toBe(0);
    changes.notify!();
    await cache.themesByIds([]);
    expect(themeLoads()).toBe(1);
    changes.reconnect!();
    await cache.themesByIds([]);
    await cache.themesByIds([]);
    expect(themeLoads()).toBe(2);
    await cache.close();
  });

  it('does not keep a failed load: the next read loads again', async () => {
    const db = server.database.handle.db;
    let failures = 1;
    const flaky = new Proxy(db, {
      get(target, property, receiver) {
        if (property === 'transaction' && failures > 0) {
          failures -= 1;
          return () => Promise.reject(new Error('database gone'));
        }
        return Reflect.get(target, property, receiver);
      },
    });
    const { cache } = await openCache(flaky);
    await expect(cache.themesByIds([])).rejects.toThrow('database gone');
    expect(await cache.themesByIds([])).toEqual([]);
    await cache.close();
  });
});
