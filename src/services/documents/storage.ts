import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { anyOf } from '../../db/lists.js';
import { documentContents } from '../../db/tables/index.js';

/**
 * Where documents' bytes live, behind the few operations the rest of the code needs, so that an
 * S3-compatible store can be added later without touching the upload, the download or the
 * clean-up. The Postgres store is the only one today (ARCHITECTURE.md, "Documents").
 */
export interface DocumentStore {
  /** Stores a document's bytes, chunk after chunk as they come; returns how many bytes it stored. */
  write(documentId: string, chunks: AsyncIterable<Buffer>, tx?: Executor): Promise<number>;
  /** The bytes of a document, in order, one chunk in memory at a time. */
  read(documentId: string): AsyncIterable<Buffer>;
  /** Deletes the bytes of these documents (inside `tx` when given). */
  delete(documentIds: readonly string[], tx?: Executor): Promise<void>;
}

/** What one `document_contents` row holds at most: a chunk in memory per upload or download. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Bytes in `document_contents`, one row per chunk of at most CHUNK_BYTES. Each chunk is its own
 * statement: an upload never holds a transaction (PGlite has one connection, and a slow client
 * would hold it) unless the caller passes one.
 */
export function postgresDocumentStore(db: Database): DocumentStore {
  return {
    async write(documentId, chunks, tx = db) {
      let chunkIndex = 0;
      let stored = 0;
      for await (const chunk of rechunk(chunks, CHUNK_BYTES)) {
        await tx.insert(documentContents).values({ documentId, chunkIndex, bytes: chunk });
        chunkIndex += 1;
        stored += chunk.length;
      }
      return stored;
    },
    async *read(documentId) {
      // Chunk by chunk, by primary key: a download keeps one chunk in memory, not the file.
      for (let chunkIndex = -1; ; ) {
        const [row] = await db
          .select({ chunkIndex: documentContents.chunkIndex, bytes: documentContents.bytes })
          .from(documentContents)
          .where(and(eq(documentContents.documentId, documentId), gt(documentContents.chunkIndex, chunkIndex)))
          .orderBy(asc(documentContents.chunkIndex))
          .limit(1);
        if (!row) return;
        chunkIndex = row.chunkIndex;
        yield row.bytes;
      }
    },
    async delete(documentIds, tx = db) {
      if (documentIds.length === 0) return;
      await tx.delete(documentContents).where(anyOf(documentContents.documentId, documentIds));
    },
  };
}

/** The same bytes in pieces of exactly `size` (the last one shorter), copying only what it must. */
export async function* rechunk(pieces: AsyncIterable<Buffer>, size: number): AsyncIterable<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of pieces) {
    let rest = piece;
    // A piece that already holds whole chunks is cut, not copied.
    while (pendingBytes === 0 && rest.length >= size) {
      yield rest.subarray(0, size);
      rest = rest.subarray(size);
    }
    while (pendingBytes + rest.length >= size) {
      const take = size - pendingBytes;
      pending.push(rest.subarray(0, take));
      yield Buffer.concat(pending, size);
      rest = rest.subarray(take);
      pending = [];
      pendingBytes = 0;
    }
    if (rest.length > 0) {
      pending.push(rest);
      pendingBytes += rest.length;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}
