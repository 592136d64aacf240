import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type Executor, selectRows } from '../db/client.js';
import { caseEvents, cases, handoffs, themes } from '../db/tables/index.js';
import { ValidationError } from '../domain/errors.js';
import type { Viewer } from '../domain/viewer.js';
import type { CaseEventType } from '../domain/vocabulary.js';
import type { WakeUps } from '../events/wake-ups.js';
import { uuidOrNil } from '../domain/ids.js';
import { parseSnapshot, type Snapshot, visibleInSnapshot } from '../domain/snapshot.js';
import { readableCases } from './case-access.js';
import { isDatabaseUnavailable } from './database-errors.js';
import { inThemeBranch } from './reference-data.js';
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

/** The largest xid8, an unsigned 64-bit integer: a larger transaction id is refused by Postgres. */
const MAX_TRANSACTION_ID = 2n ** 64n - 1n;

export function decodeFeedCursor(value: string): FeedCursor {
  const match = /^(\d{1,20})\.(\d{1,19})$/.exec(value);
  // Positions are read as JS numbers: one past the safe range would name another event.
  if (!match || BigInt(match[1]!) > MAX_TRANSACTION_ID || !Number.isSafeInteger(Number(match[2]))) {
    throw new ValidationError([{ path: ['after'], message: 'Not an event cursor.' }]);
  }
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

/** Committed events after the cursor that the viewer may see at `now` (a representative's mandate may have ended), in feed order. */
export async function readCommittedEvents(db: Executor, viewer: Viewer, filter: FeedFilter, after: FeedCursor, now: Date, limit = BATCH): Promise<CaseEventRow[]> {
  const conditions: SQL[] = [
    sql`${caseEvents.transactionId} < pg_snapshot_xmin(pg_current_snapshot())`,
    sql`(${caseEvents.transactionId}, ${caseEvents.position}) > (${after.transactionId}::xid8, ${after.position})`,
    readableCases(viewer, now),
  ];
  if (viewer.kind === 'citizen') conditions.push(eq(caseEvents.visibility, 'CITIZEN'));
  // A global id of the right type whose payload is no UUID names nothing, as in every other read.
  if (filter.caseId) conditions.push(eq(caseEvents.caseId, uuidOrNil(filter.caseId)));
  if (filter.types?.length) conditions.push(inArray(caseEvents.type, filter.types));
  if (filter.serviceId) {
    conditions.push(
      sql`(${cases.serviceId} = ${uuidOrNil(filter.serviceId)} or exists (select 1 from ${handoffs} where ${handoffs.caseId} = ${cases.id} and ${handoffs.toServiceId} = ${uuidOrNil(filter.serviceId)}))`,
    );
  }
  if (filter.themeCodes?.length) {
    const matching = or(...filter.themeCodes.map(inThemeBranch));
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

const compareCursors = (a: FeedCursor, b: FeedCursor) => {
  const [x, y] = [BigInt(a.transactionId), BigInt(b.transactionId)];
  return x === y ? a.position - b.position : x < y ? -1 : 1;
};

const cursorOf = (event: CaseEventRow): FeedCursor => ({ transactionId: event.transactionId, position: event.position });

/** Events a tail hands to one subscriber that has not taken them yet; beyond it, the subscriber reads on its own. */
const MEMBER_QUEUE_LIMIT = 1_000;

interface Member {
  /** The last event this subscriber was given (or the start). */
  cursor: FeedCursor;
  /** Events of transactions committed before a "from now on" subscription started are left out. */
  committedBefore: Snapshot | undefined;
  queue: CaseEventRow[];
  /** Set when it fell behind by more than MEMBER_QUEUE_LIMIT events, or the tail failed. */
  detached: boolean;
  error: unknown;
  wake: () => void;
}

/** One reader for every live subscriber with the same viewer and filter: one query per wake-up. */
interface Tail {
  viewer: Viewer;
  filter: FeedFilter;
  /** Every event up to here was handed to the members of the moment. */
  cursor: FeedCursor;
  members: Set<Member>;
  stop: AbortController;
}

export interface CaseEventFeed {
  /**
   * Every event after `after` (or from now), then the live ones, in feed order, each once. A
   * subscriber first reads on its own until it has caught up, then joins the tail of the
   * subscribers with the same viewer and filter, so that N such subscribers cost one query per
   * wake-up, not N. One that falls behind the tail reads on its own again from its last event.
   */
  stream(viewer: Viewer, filter: FeedFilter, after: FeedCursor | undefined, signal: AbortSignal): AsyncGenerator<CaseEventRow>;
  /** Read-only figures, for tests and diagnostics. */
  readonly stats: { readonly tails: number; readonly membersDropped: number };
}

export function createCaseEventFeed(db: Executor, wakeUps: WakeUps, { memberQueueLimit = MEMBER_QUEUE_LIMIT, clock = () => new Date() } = {}): CaseEventFeed {
  const tails = new Map<string, Tail>();
  let membersDropped = 0;

  const keyOf = (viewer: Viewer, filter: FeedFilter) =>
    JSON.stringify([viewer, filter.caseId ?? null, filter.serviceId ?? null, [...(filter.themeCodes ?? [])].sort(), [...(filter.types ?? [])].sort()]);

  function hand(member: Member, batch: CaseEventRow[]) {
    for (const event of batch) {
      if (compareCursors(cursorOf(event), member.cursor) <= 0) continue;
      member.cursor = cursorOf(event);
      if (member.committedBefore && visibleInSnapshot(event.transactionId, member.committedBefore)) continue;
      member.queue.push(event);
    }
    if (member.queue.length > memberQueueLimit) member.detached = true;
    member.wake();
  }

  async function follow(key: string, tail: Tail) {
    while (tail.members.size > 0) {
      // Wait from before the read, so that a commit announced during it is not missed.
      const woken = wakeUps.next(tail.stop.signal);
      let batch: CaseEventRow[];
      try {
        batch = await readCommittedEvents(db, tail.viewer, tail.filter, tail.cursor, clock());
      } catch (error) {
        // The database went away (restart, failover): keep the subscribers, retry from the cursor.
        if (isDatabaseUnavailable(error)) {
          await woken;
          continue;
        }
        for (const member of tail.members) Object.assign(member, { detached: true, error }).wake();
        tail.members.clear();
        break;
      }
      if (batch.length > 0) {
        tail.cursor = cursorOf(batch.at(-1)!);
        for (const member of tail.members) {
          hand(member, batch);
          if (member.detached) {
            tail.members.delete(member);
            membersDropped += 1;
          }
        }
      }
      if (batch.length < BATCH) await woken;
    }
    tail.stop.abort();
    if (tails.get(key) === tail) tails.delete(key);
  }

  /** Joins the tail when it has not handed out anything past the member's cursor yet. */
  function join(key: string, viewer: Viewer, filter: FeedFilter, member: Member): boolean {
    let tail = tails.get(key);
    if (!tail || tail.stop.signal.aborted) {
      tail = { viewer, filter, cursor: member.cursor, members: new Set(), stop: new AbortController() };
      tails.set(key, tail);
      tail.members.add(member);
      void follow(key, tail);
      return true;
    }
    if (compareCursors(tail.cursor, member.cursor) > 0) return false;
    tail.members.add(member);
    return true;
  }

  return {
    stats: {
      get tails() {
        return tails.size;
      },
      get membersDropped() {
        return membersDropped;
      },
    },
    async *stream(viewer, filter, after, signal) {
      const now = after ? undefined : await feedNow(db);
      const member: Member = {
        cursor: after ?? now!.cursor,
        committedBefore: now ? parseSnapshot(now.committedBefore) : undefined,
        queue: [],
        detached: false,
        error: undefined,
        wake: () => {},
      };
      const key = keyOf(viewer, filter);
      const leave = () => {
        const tail = tails.get(key);
        // The last one out stops the tail now, not at its next wake-up.
        if (tail?.members.delete(member) && tail.members.size === 0) tail.stop.abort();
        member.wake();
      };
      signal.addEventListener('abort', leave, { once: true });
      try {
        while (!signal.aborted) {
          // On its own until it has caught up with what is committed now. Waiting from before
          // the read, so that a commit announced during it is not missed (as the tail does).
          const woken = wakeUps.next(signal);
          let batch: CaseEventRow[];
          try {
            batch = await readCommittedEvents(db, viewer, filter, member.cursor, clock());
          } catch (error) {
            if (!isDatabaseUnavailable(error)) throw error;
            await wakeUps.next(signal);
            continue;
          }
          hand(member, batch);
          while (member.queue.length > 0 && !signal.aborted) yield member.queue.shift()!;
          if (batch.length === BATCH) continue;
          if (!join(key, viewer, filter, member)) {
            // Caught up with all it may see, yet behind the tail, which started past events this
            // viewer and filter leave out (a "from now" subscriber's start): reading again at
            // once would find nothing, again and again (a busy loop, which over PGlite starves
            // the whole process). Wait for the next commit, then read.
            if (batch.length === 0) await woken;
            continue;
          }
          // With the tail: what it hands out, until it is dropped or the subscription ends.
          member.detached = false;
          while (!signal.aborted) {
            while (member.queue.length > 0 && !signal.aborted) yield member.queue.shift()!;
            if (member.error) throw member.error;
            if (member.detached) break;
            await new Promise<void>((resolve) => (member.wake = resolve));
          }
        }
      } finally {
        signal.removeEventListener('abort', leave);
        leave();
      }
    },
  };
}
