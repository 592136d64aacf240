import { and, asc, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { anyOf } from '../../db/lists.js';
import { documents } from '../../db/tables/index.js';
import { startPeriodicJob } from '../periodic-job.js';
import type { DocumentStore } from './storage.js';

const CLEANUP_BATCH = 100;

/**
 * Deletes uploads never attached (PENDING, or UPLOADING left by a crash) once past `expires_at`,
 * with their bytes, by batches. Every instance runs it; rows another instance holds are skipped
 * (`FOR UPDATE SKIP LOCKED`), so each is deleted by one. Returns how many it deleted.
 */
export async function deleteExpiredUploads(db: Database, store: DocumentStore, now: Date): Promise<number> {
  let deleted = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: documents.id })
        .from(documents)
        // The partial index's own predicate, as a literal, so that the plan can use it.
        .where(and(sql`${documents.status} in ('UPLOADING', 'PENDING')`, lte(documents.expiresAt, now)))
        .orderBy(asc(documents.expiresAt))
        .limit(CLEANUP_BATCH)
        .for('update', { skipLocked: true });
      const ids = due.map((row) => row.id);
      if (ids.length === 0) return 0;
      await store.delete(ids, tx);
      await tx.delete(documents).where(anyOf(documents.id, ids));
      return ids.length;
    });
    deleted += batch;
    if (batch < CLEANUP_BATCH) return deleted;
  }
}

/** Runs the clean-up every `intervalMs` until stopped (the first run one interval after start). */
export function startUploadCleanupJob(dependencies: {
  db: Database;
  store: DocumentStore;
  intervalMs: number;
  clock: () => Date;
  log: { info(details: object, message: string): void; warn(details: object, message: string): void };
}) {
  return startPeriodicJob({
    name: 'upload clean-up',
    intervalMs: dependencies.intervalMs,
    log: dependencies.log,
    work: async () => {
      const deleted = await deleteExpiredUploads(dependencies.db, dependencies.store, dependencies.clock());
      if (deleted > 0) dependencies.log.info({ deleted }, 'expired uploads deleted');
    },
  });
}
