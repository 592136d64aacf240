import { and, asc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { type Executor, selectRows } from '../db/client.js';
import { caseEvents, cases, handoffs, themes } from '../db/tables/index.js';
import { ValidationError } from '../domain/errors.js';
import type { Viewer } from '../domain/viewer.js';
import type { CaseEventType } from '../domain/vocabulary.js';
import type { WakeUps } from '../events/wake-ups.js';
import { readableCases } from './case-access.js';
import { isDatabaseUnavailable } from './database-errors.js';
import type { CaseEventRow } from './case-events.js';

// The case-events table is the outbox. Positions are taken at insert but become visible at
// commit, so "position > last" would skip an event whose transaction commits after a later
// position was read. The feed therefore orders events by (transaction id, position) and hands
// out only events of transactions older than the oldest one still running
// (pg_snapshot_xmin): every event that can still appear sorts after the cursor. Serialising
// event numbering at commit (a lock) would also work but would make every writer wait.

export interface FeedCursor {
  transactionId: string;
  position: number;
}

export function encodeFeedCursor(cursor: FeedCursor): string {
  return `${cursor.transactionId}.${cursor.position}`;
}

export function decodeFeedCursor(value: string): FeedCursor {
  const match = /^(\d{1,20})\.(\d{1,19})$/.exec(value);
  if (!match) throw new ValidationError([{ path: ['after'], message: 'Not an event cursor.' }]);
  return { transactionId: match[1]!, position: Number(match[2]) };
}

export interface FeedFilter {
  caseId?: string;
  /** Cases of this service or handed to it. */
  serviceId?: string;
  themeCodes?: string[];
  types?: CaseEventType[];
}

const BATCH = 200;

/**
 * Committed events after the cursor that the viewer may see, in feed order. With
 * `committedBefore` (a pg_snapshot as text), events of transactions that snapshot saw as
 * committed are left out: they happened before a "from now on" subscription started.
 */
export async function readCommittedEvents(
  db: Executor,
  viewer: Viewer,
  filter: FeedFilter,
  after: FeedCursor,
  limit = BATCH,
  committedBefore?: string,
): Promise<CaseEventRow[]> {
  const conditions: SQL[] = [
    sql`${caseEvents.transactionId} < pg_snapshot_xmin(pg_current_snapshot())`,
    sql`(${caseEvents.transactionId}, ${caseEvents.position}) > (${after.transactionId}::xid8, ${after.position})`,
    readableCases(viewer),
  ];
  if (committedBefore) conditions.push(sql`not pg_visible_in_snapshot(${caseEvents.transactionId}, ${committedBefore}::pg_snapshot)`);
  if (viewer.kind === 'citizen') conditions.push(eq(caseEvents.visibility, 'CITIZEN'));
  if (filter.caseId) conditions.push(eq(caseEvents.caseId, filter.caseId));
  if (filter.types?.length) conditions.push(inArray(caseEvents.type, filter.types));
  if (filter.serviceId) {
    conditions.push(
      sql`(${cases.serviceId} = ${filter.serviceId} or exists (select 1 from ${handoffs} where ${handoffs.caseId} = ${cases.id} and ${handoffs.toServiceId} = ${filter.serviceId}))`,
    );
  }
  if (filter.themeCodes?.length) {
    const matching = or(...filter.themeCodes.flatMap((code) => [eq(themes.code, code), like(themes.code, `${code.replace(/[\\%_]/g, '\\$&')}.%`)]));
    conditions.push(inArray(cases.themeId, db.select({ id: themes.id }).from(themes).where(matching)));
  }
  const rows = await db
    .select({ event: caseEvents })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(...conditions))
    .orderBy(asc(caseEvents.transactionId), asc(caseEvents.position))
    .limit(limit);
  return rows.map((row) => row.event);
}

/** Where the feed stands now: the last event handed out, or the very start when there is none. */
export async function currentFeedEnd(db: Executor): Promise<FeedCursor> {
  return (await feedNow(db)).cursor;
}

/**
 * "Now" for a subscription without a cursor: the feed's end, and the snapshot that tells the
 * events committed by then. The end alone is not enough: events of transactions younger than
 * the oldest still running (anywhere in the cluster) are committed but not yet handed out, and
 * would otherwise reach the new subscriber as if they had just happened.
 */
export async function feedNow(db: Executor): Promise<{ cursor: FeedCursor; committedBefore: string }> {
  const [row] = await selectRows<{ transactionId: string | null; position: number | null; snapshot: string }>(
    db,
    sql`select last.transaction_id::text as "transactionId", last.position, pg_current_snapshot()::text as snapshot
        from (select 1) as one
        left join lateral (
          select transaction_id, position from ${caseEvents}
          where transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          order by transaction_id desc, position desc limit 1
        ) as last on true`,
  );
  const cursor = row!.transactionId === null ? { transactionId: '0', position: 0 } : { transactionId: row!.transactionId, position: Number(row!.position) };
  return { cursor, committedBefore: row!.snapshot };
}

/**
 * Every event after `after` (or from now), then the live ones, through one loop: read by
 * cursor until nothing is left, wait for a wake-up, read again. Replay and live cannot leave
 * a gap or repeat an event at the switch because there is no switch.
 */
export async function* streamCaseEvents(
  db: Executor,
  wakeUps: WakeUps,
  viewer: Viewer,
  filter: FeedFilter,
  after: FeedCursor | undefined,
  signal: AbortSignal,
): AsyncGenerator<CaseEventRow> {
  const now = after ? undefined : await feedNow(db);
  let cursor = after ?? now!.cursor;
  while (!signal.aborted) {
    // Wait from before the read, so that a commit announced during it is not missed.
    const woken = wakeUps.next(signal);
    let batch: CaseEventRow[];
    try {
      batch = await readCommittedEvents(db, viewer, filter, cursor, BATCH, now?.committedBefore);
    } catch (error) {
      // The database went away (restart, failover): keep the subscription, retry from the cursor.
      if (!isDatabaseUnavailable(error)) throw error;
      await woken;
      continue;
    }
    for (const event of batch) {
      cursor = { transactionId: event.transactionId, position: event.position };
      yield event;
    }
    if (batch.length < BATCH) await woken;
  }
}
