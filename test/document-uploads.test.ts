import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { anyOf } from '../src/db/lists.js';
import { documentContents, documents } from '../src/db/tables/index.js';
import { parseGlobalId } from '../src/domain/ids.js';
import { deleteExpiredUploads } from '../src/services/documents/cleanup.js';
import { CHUNK_BYTES, postgresDocumentStore } from '../src/services/documents/storage.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { startTestServer, type TestServer, tokenFor } from './helpers/server.js';
import { until } from './helpers/until.js';

// POST /documents (issue 20, storage): uploads over real HTTP, on a clock the test sets.

const START_OF_TEST = new Date('2027-02-01T09:00:00Z');
let now = START_OF_TEST;
let server: TestServer;
const tokens: Record<string, string> = {};
const MARIE = '00000000-0000-4000-8000-000000000001';

// The server runs in this process: its memory is measured here, after full collections.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = ((globalThis as { gc?: () => void }).gc ?? vm.runInNewContext('gc')) as () => void;

/**
 * The embedded database of production lives in a folder (DATA_DIR); the tests' usual memory://
 * one keeps every stored byte in this process's memory, which would count the stored file as the
 * server's. So on PGlite this file's database is a copy of the seeded template in a folder.
 */
async function databaseOnDisk(): Promise<TestDatabase> {
  const dumpPath = inject('pgliteDumpPath');
  if (inject('templateDatabaseUrl') || !dumpPath) return createTestDatabase();
  const folder = await mkdtemp(join(tmpdir(), 'guichet-documents-'));
  const handle = await openDatabase({ dataDir: folder, loadDump: new Blob([await readFile(dumpPath)]) });
  return {
    handle,
    url: undefined,
    async drop() {
      await handle.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

beforeAll(async () => {
  server = await startTestServer({ clock: () => now, database: await databaseOnDisk() });
  tokens.marie = await tokenFor({ role: 'citizen', sub: MARIE });
  tokens.first = await tokenFor({ role: 'agent', sub: 'demo.first' });
}, 120_000);
afterAll(() => server?.close());

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
}

function drainedOrClosed(request: http.ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      request.off('drain', done);
      request.off('close', done);
      resolve();
    };
    request.on('drain', done);
    request.on('close', done);
  });
}

/** POSTs `body` to /documents piece by piece, waiting whenever the socket is full: never the whole file in memory. */
function upload(
  body: Iterable<Buffer> | AsyncIterable<Buffer>,
  options: { token?: string; fileName?: string; contentType?: string; headers?: Record<string, string>; to?: TestServer } = {},
): Promise<Answer> {
  const url = new URL('/documents', (options.to ?? server).url);
  if (options.fileName !== undefined) url.searchParams.set('fileName', options.fileName);
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/octet-stream', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers }, (response) => {
      const pieces: Buffer[] = [];
      response.on('data', (piece: Buffer) => pieces.push(piece));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: JSON.parse(Buffer.concat(pieces).toString('utf8')) }));
      response.on('error', reject);
    });
    // A refusal may close the connection before the whole body is sent: the answer still counts.
    request.on('error', reject);
    (async () => {
      for await (const piece of body) {
        if (request.destroyed) return;
        if (!request.write(piece)) await drainedOrClosed(request);
      }
      request.end();
    })().catch(reject);
  });
}

async function storedCounts() {
  const [docs] = await server.database.handle.db.select({ n: count() }).from(documents);
  const [chunks] = await server.database.handle.db.select({ n: count() }).from(documentContents);
  return { documents: docs!.n, chunks: chunks!.n };
}

function rawId(uploadId: unknown): string {
  const parsed = parseGlobalId(String(uploadId));
  expect(parsed?.typename).toBe('Document');
  return parsed!.id;
}

async function readBack(documentId: string): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of postgresDocumentStore(server.database.handle.db).read(documentId)) pieces.push(piece);
  return Buffer.concat(pieces);
}

const PDF_HEADER = Buffer.from('%PDF-1.7\n');

describe('uploading', () => {
  it('answers with the size and SHA-256 of the bytes, and stores them as a pending document of its uploader that reads back equal', async () => {
    const bytes = Buffer.concat([PDF_HEADER, randomBytes(2 * CHUNK_BYTES + 12_345)]);
    const answer = await upload([bytes.subarray(0, 100_000), bytes.subarray(100_000)], { token: tokens.marie, fileName: 'C:\\scans\\facture énergie.pdf' });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      uploadId: expect.any(String),
      fileName: 'facture énergie.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      expiresAt: new Date(now.getTime() + 24 * 3600_000).toISOString(),
    });
    const id = rawId(answer.body.uploadId);
    const [row] = await server.database.handle.db.select().from(documents).where(eq(documents.id, id));
    expect(row).toMatchObject({ status: 'PENDING', uploadedByKind: 'CITIZEN', uploadedByCitizenId: MARIE, uploadedAt: now, size: bytes.length });
    const chunks = await server.database.handle.db
      .select({ chunkIndex: documentContents.chunkIndex, length: sql<number>`length(${documentContents.bytes})`.mapWith(Number) })
      .from(documentContents)
      .where(eq(documentContents.documentId, id))
      .orderBy(asc(documentContents.chunkIndex));
    expect(chunks).toEqual([
      { chunkIndex: 0, length: CHUNK_BYTES },
      { chunkIndex: 1, length: CHUNK_BYTES },
      { chunkIndex: 2, length: bytes.length - 2 * CHUNK_BYTES },
    ]);
    expect((await readBack(id)).equals(bytes)).toBe(true);
  });

  it('takes the file name from Content-Disposition, and plain UTF-8 text from an agent', async () => {
    const text = Buffer.from('Bonjour, voici la lettre reçue le 3 février — merci.\n');
    const answer = await upload([text], { token: tokens.first, headers: { 'content-disposition': `attachment; filename*=UTF-8''lettre%20re%C3%A7ue.txt` } });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ fileName: 'lettre reçue.txt', contentType: 'text/plain; charset=utf-8', size: text.length });
    const [row] = await server.database.handle.db.select().from(documents).where(eq(documents.id, rawId(answer.body.uploadId)));
    expect(row).toMatchObject({ uploadedByKind: 'AGENT', uploadedByCitizenId: null });
    expect((await readBack(row!.id)).equals(text)).toBe(true);
  });

  it('stores a 15 MB upload with the server’s memory growing by less than 5 MB', async () => {
    const total = 15 * 1024 * 1024;
    // Random bytes (not compressible by TOAST), one 64 KB block sent again and again.
    const block = randomBytes(64 * 1024);
    const hash = createHash('sha256');
    // Warm-up: the code paths and the database's buffers as after a first upload.
    expect((await upload([PDF_HEADER, ...Array.from({ length: 10 }, () => block)], { token: tokens.marie, fileName: 'warm-up.pdf' })).status).toBe(201);
    const live = () => {
      collectGarbage();
      collectGarbage();
      const usage = process.memoryUsage();
      return usage.heapUsed + usage.external;
    };
    const baseline = live();
    let peak = 0;
    async function* pdf(): AsyncIterable<Buffer> {
      hash.update(PDF_HEADER);
      yield PDF_HEADER;
      let sent = PDF_HEADER.length;
      let nextCheckpoint = 1.5 * 1024 * 1024;
      while (sent < total) {
        const piece = block.subarray(0, Math.min(block.length, total - sent));
        hash.update(piece);
        sent += piece.length;
        yield piece;
        if (sent >= nextCheckpoint) {
          // Half-way through the upload: what the server holds now, with the garbage collected.
          await new Promise((resolve) => setTimeout(resolve, 20));
          peak = Math.max(peak, live() - baseline);
          nextCheckpoint += 1.5 * 1024 * 1024;
        }
      }
    }
    const started = performance.now();
    const answer = await upload(pdf(), { token: tokens.marie, fileName: 'dossier.pdf' });
    const elapsedMs = performance.now() - started;
    peak = Math.max(peak, live() - baseline);
    console.log(`15 MB upload on ${server.database.url ? 'Postgres' : 'PGlite'}: ${Math.round(elapsedMs)} ms (with ten pauses for measures), live memory (heap + external) grew by at most ${(peak / 1024 / 1024).toFixed(2)} MB`);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ contentType: 'application/pdf', size: total, sha256: hash.digest('hex') });
    expect(peak).toBeLessThan(5 * 1024 * 1024);
    const [stored] = await server.database.handle.db
      .select({ chunks: count(), bytes: sql<number>`sum(length(${documentContents.bytes}))`.mapWith(Number) })
      .from(documentContents)
      .where(eq(documentContents.documentId, rawId(answer.body.uploadId)));
    expect(stored).toEqual({ chunks: Math.ceil(total / CHUNK_BYTES), bytes: total });
  }, 120_000);
});

describe('refusals', () => {
  it('refuses an executable named invoice.pdf (415) and stores nothing', async () => {
    const before = await storedCounts();
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(8_000)]);
    const pe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(8_000)]);
    for (const executable of [elf, pe]) {
      const answer = await upload([executable], { token: tokens.marie, fileName: 'invoice.pdf' });
      expect(answer.status).toBe(415);
      expect(answer.body.error).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('PDF, PNG, JPEG, TIFF') });
    }
    // Text that is not UTF-8 (Latin-1) has no signature either.
    expect((await upload([Buffer.from('facture pay\xe9e', 'latin1')], { token: tokens.marie, fileName: 'note.txt' })).status).toBe(415);
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses a file over DOCUMENT_MAX_BYTES (413), declared or not, and stores nothing', async () => {
    const small = await startTestServer({ env: { DOCUMENT_MAX_BYTES: '1000' }, clock: () => now, database: { ...server.database, drop: async () => {} } });
    try {
      const before = await storedCounts();
      const at = (size: number) => Buffer.concat([PDF_HEADER, Buffer.alloc(size - PDF_HEADER.length, 0x20)]);
      const declared = await upload([at(5_000)], { token: tokens.marie, fileName: 'big.pdf', to: small, headers: { 'content-length': '5000' } });
      expect(declared.status).toBe(413);
      expect(declared.body.error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'A document may hold at most 1000 bytes.' });
      // Chunked: the size is known only once the limit is passed.
      const bytes = at(1_800);
      const streamed = await upload([bytes.subarray(0, 600), bytes.subarray(600, 1_200), bytes.subarray(1_200)], { token: tokens.marie, fileName: 'big.pdf', to: small });
      expect(streamed.status).toBe(413);
      expect(streamed.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await storedCounts()).toEqual(before);
      const exact = await upload([at(1_000).subarray(0, 500), at(1_000).subarray(500)], { token: tokens.marie, fileName: 'just.pdf', to: small });
      expect(exact.status).toBe(201);
      expect(exact.body.size).toBe(1_000);
    } finally {
      await small.close();
    }
  });

  it('deletes what it wrote of a file found over the limit after its first chunks were stored', async () => {
    const limited = await startTestServer({ env: { DOCUMENT_MAX_BYTES: String(2 * CHUNK_BYTES + 100) }, clock: () => now, database: { ...server.database, drop: async () => {} } });
    try {
      const before = await storedCounts();
      const body = [PDF_HEADER, ...Array.from({ length: 12 }, () => randomBytes(64 * 1024))];
      const answer = await upload(body, { token: tokens.marie, fileName: 'long.pdf', to: limited });
      expect(answer.status).toBe(413);
      expect(answer.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await storedCounts()).toEqual(before);
    } finally {
      await limited.close();
    }
  });

  it('refuses an anonymous or unknown uploader (401) like /graphql, and stores nothing', async () => {
    const before = await storedCounts();
    const anonymous = await upload([PDF_HEADER], { fileName: 'a.pdf' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error?.code).toBe('UNAUTHENTICATED');
    const unknown = await upload([PDF_HEADER], { token: await tokenFor({ role: 'citizen', sub: '00000000-0000-4000-8000-0000000000ff' }), fileName: 'a.pdf' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error?.code).toBe('UNAUTHENTICATED');
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses a body that is not application/octet-stream, and one without a file name', async () => {
    expect((await upload([PDF_HEADER], { token: tokens.marie, fileName: 'a.pdf', contentType: 'multipart/form-data; boundary=x' })).body.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const nameless = await upload([PDF_HEADER], { token: tokens.marie });
    expect(nameless.status).toBe(400);
    expect(nameless.body.error?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the upload clean-up', () => {
  it('deletes pending uploads 24 h old with their contents, each once, with two instances running it', async () => {
    const { db } = server.database.handle;
    now = new Date('2027-02-10T08:00:00Z');
    const expired: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const answer = await upload([PDF_HEADER, randomBytes(300_000)], { token: tokens.marie, fileName: `old-${index}.pdf` });
      expired.push(rawId(answer.body.uploadId));
    }
    now = new Date('2027-02-10T10:00:00Z');
    const recent = rawId((await upload([PDF_HEADER], { token: tokens.marie, fileName: 'recent.pdf' })).body.uploadId);
    // Every earlier upload of this file expired too (their clock was earlier): count them as well.
    const dueBefore = await db.select({ n: count() }).from(documents).where(sql`${documents.expiresAt} <= '2027-02-11T08:01:00Z'::timestamptz`);
    now = new Date('2027-02-11T08:01:00Z');

    const second = server.database.url ? await openDatabase({ url: server.database.url, maxConnections: 2 }) : server.database.handle;
    const deletions: number[] = [];
    const logStream = {
      write(line: string) {
        const entry = JSON.parse(line) as { msg?: string; deleted?: number };
        if (entry.msg === 'expired uploads deleted') deletions.push(entry.deleted!);
      },
    };
    const env = { DOCUMENT_CLEANUP_JOB: 'true', DOCUMENT_CLEANUP_INTERVAL_MS: '50', LOG_LEVEL: 'info' };
    const instances = await Promise.all([
      startTestServer({ env, logStream, clock: () => now, database: { ...server.database, drop: async () => {} } }),
      startTestServer({ env, logStream, clock: () => now, database: { handle: second, url: server.database.url, drop: async () => {} } }),
    ]);
    try {
      await until('the expired uploads deleted', async () => {
        const [left] = await db.select({ n: count() }).from(documents).where(anyOf(documents.id, expired));
        return left!.n === 0 ? true : undefined;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(deletions.reduce((sum, n) => sum + n, 0)).toBe(dueBefore[0]!.n);
      const [contents] = await db.select({ n: count() }).from(documentContents).where(anyOf(documentContents.documentId, expired));
      expect(contents!.n).toBe(0);
      const [kept] = await db.select({ status: documents.status }).from(documents).where(eq(documents.id, recent));
      expect(kept).toEqual({ status: 'PENDING' });
      expect((await readBack(recent)).equals(PDF_HEADER)).toBe(true);
    } finally {
      now = START_OF_TEST;
      await Promise.all(instances.map((instance) => instance.close()));
      if (second !== server.database.handle) await second.close();
    }
  });

  it('shares a long clean-up between two instances running it at the same moment, each upload taken by one', async () => {
    const { db } = server.database.handle;
    // 250 expired uploads (several batches), written directly: the clean-up is what is measured.
    await db.execute(sql`
      insert into documents (status, file_name, content_type, size, sha256, uploaded_by_kind, uploaded_by_citizen_id, uploaded_at, expires_at)
      select 'PENDING', 'old-' || n || '.pdf', 'application/pdf', 9, repeat('0', 64), 'CITIZEN', ${MARIE}::uuid, '2027-03-01T08:00:00Z', '2027-03-02T08:00:00Z'
      from generate_series(1, 250) n`);
    await db.execute(sql`insert into document_contents (document_id, chunk_index, bytes) select id, 0, '\x255044462d312e370a'::bytea from documents where file_name like 'old-%' and uploaded_at = '2027-03-01T08:00:00Z'`);
    const second = server.database.url ? await openDatabase({ url: server.database.url, maxConnections: 2 }) : server.database.handle;
    try {
      const at = new Date('2027-03-02T08:00:00Z');
      // The 250 and whatever this file uploaded before and left pending.
      const [due] = await db.select({ n: count() }).from(documents).where(sql`${documents.status} in ('UPLOADING', 'PENDING') and ${documents.expiresAt} <= ${at.toISOString()}::timestamptz`);
      expect(due!.n).toBeGreaterThanOrEqual(250);
      const { documents: before } = await storedCounts();
      const counts = await Promise.all([server.database.handle, second].map((handle) => deleteExpiredUploads(handle.db, postgresDocumentStore(handle.db), at)));
      expect(counts[0]! + counts[1]!).toBe(due!.n);
      expect(await storedCounts()).toMatchObject({ documents: before - due!.n });
    } finally {
      if (second !== server.database.handle) await second.close();
    }
  });
});
