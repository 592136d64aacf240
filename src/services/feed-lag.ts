import { sql } from 'drizzle-orm';
import { type Executor, selectRows } from '../db/client.js';
import { isDatabaseUnavailable } from './database-errors.js';
import { sleepUnlessAborted } from './sleep.js';

// The feed hands out only events of transactions older than the oldest one still running in
// the whole Postgres cluster (services/event-feed.ts), so one transaction left open anywhere on
// the server, in another database too, holds back subscriptions, webhooks and the statistics
// rollups. That is the price of the commit-ordered design; this monitor makes it visible: how
// long the oldest committed event has waited, and which backend holds it back.

/** The session (or prepared transaction) whose transaction is the oldest still running on the server. */
export interface FeedHolder {
  /** Null for a prepared transaction, which belongs to no session. */
  pid: number | null;
  database: string | null;
  user: string | null;
  applicationName: string | null;
  /** `idle in transaction`, `active`, …, or `prepared`; null when Guichet's role may not see it (see `hidden`). */
  state: string | null;
  /** How long its transaction has been open; null when Guichet's role may not see it. */
  transactionSeconds: number | null;
  /** The identifier of a prepared transaction (two-phase commit) waiting for COMMIT/ROLLBACK PREPARED. */
  preparedTransaction?: string;
  /** Set when pg_stat_activity hides this session's state and transaction start from Guichet's role. */
  hidden?: string;
}

export interface FeedLag {
  /** Age of the oldest committed event not handed out yet (its `occurred_at`); 0 when none waits. */
  heldBackSeconds: number;
  /** Who holds the feed back; null when no session matches, undefined when nothing waits (or the lag is under the threshold). */
  holder: FeedHolder | null | undefined;
}

/**
 * pg_stat_activity lists every session of the server, with its database, user, application
 * name and transaction ids, to any role; the state, transaction start and query of another
 * role's session only to a superuser or a member of pg_read_all_stats.
 */
/** Begins the monitor's statements, so that they are told apart in pg_stat_activity, logs and statement counts. */
export const FEED_LAG_STATEMENT_MARK = '/* guichet feed lag */';

const HIDDEN = "this role may not see the state and transaction start of another role's session: grant it pg_read_all_stats";

type HolderRow = Omit<FeedHolder, 'hidden' | 'preparedTransaction'> & { preparedTransaction: string | null };

/**
 * How long the oldest committed event not handed out yet has waited, and who holds it back: the
 * backend (or prepared transaction) whose transaction id is the server's snapshot xmin. One
 * statement: an index range scan of the feed's tail and a look at pg_stat_activity.
 *
 * An event waits from its commit, which comes after the holder took its transaction id, so the
 * wait is the time since the event's `occurred_at` (the request's time) but never more than the
 * holder's transaction has been open: events stamped long ago (imported or demo history) that
 * commit behind an open transaction do not count as waiting for years.
 */
export async function measureFeedLag(db: Executor): Promise<FeedLag> {
  const [row] = await selectRows<HolderRow & { heldBackSeconds: number | string | null }>(
    db,
    sql`${sql.raw(FEED_LAG_STATEMENT_MARK)}
        with oldest as (select pg_snapshot_xmin(pg_current_snapshot()) as id),
        waiting as (select min(occurred_at) as since from case_events, oldest where transaction_id >= oldest.id),
        holder as (
          select * from (
            select a.pid, a.datname::text as database, a.usename::text as "user", a.application_name as "applicationName", a.state,
                   a.xact_start as started, null::text as "preparedTransaction", 0 as rank
            from pg_stat_activity a, oldest where a.backend_xid = oldest.id::xid and a.pid <> pg_backend_pid()
            union all
            -- Its transaction began before it was prepared: the prepare time bounds nothing.
            select null, p.database::text, p.owner::text, null, 'prepared', null, p.gid, 1
            from pg_prepared_xacts p, oldest where p.transaction = oldest.id::xid
          ) as candidates order by rank limit 1)
        select greatest(0, extract(epoch from now() - greatest(waiting.since, holder.started)))::float8 as "heldBackSeconds",
               holder.pid, holder.database, holder."user", holder."applicationName", holder.state,
               extract(epoch from now() - holder.started)::float8 as "transactionSeconds", holder."preparedTransaction"
        from waiting left join holder on waiting.since is not null`,
  );
  if (!row || row.heldBackSeconds === null) return { heldBackSeconds: 0, holder: undefined };
  const { heldBackSeconds, preparedTransaction, ...holder } = row;
  const found = holder.pid !== null || preparedTransaction !== null;
  return {
    heldBackSeconds: round(Number(heldBackSeconds)),
    holder: found
      ? {
          ...holder,
          pid: holder.pid === null ? null : Number(holder.pid),
          transactionSeconds: holder.transactionSeconds === null ? null : round(Number(holder.transactionSeconds)),
          ...(preparedTransaction === null ? {} : { preparedTransaction }),
          ...(holder.pid !== null && holder.state === null ? { hidden: HIDDEN } : {}),
        }
      : null,
  };
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

export interface FeedLagLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface FeedLagMonitor {
  /** The last measure: what /metrics and /readyz show, without a query of their own. */
  readonly current: FeedLag;
  /** True when the lag has reached the warning threshold. */
  readonly heldBack: boolean;
  stop(): Promise<void>;
}

/** The longest pause between two measures: one cheap query per process every few seconds. */
const MAX_CHECK_EVERY_MS = 5_000;

/**
 * Measures the lag every few seconds (a quarter of the threshold, at most 5 s). Once it reaches
 * `warningMs`, logs a warning naming the holder, again when another session takes over,
 * and an info line when the feed flows again. On embedded PGlite there is one connection and a
 * transaction blocks every other statement, so nothing can hold the feed back: nothing runs and
 * the lag stays 0.
 */
export function startFeedLagMonitor(options: { db: Executor; driver: 'postgres' | 'pglite'; warningMs: number; log: FeedLagLog }): FeedLagMonitor {
  const { db, warningMs, log } = options;
  let current: FeedLag = { heldBackSeconds: 0, holder: undefined };
  let heldBack = false;
  const monitor: FeedLagMonitor = {
    get current() {
      return current;
    },
    get heldBack() {
      return heldBack;
    },
    stop: async () => {},
  };
  if (options.driver === 'pglite') return monitor;

  const every = Math.min(MAX_CHECK_EVERY_MS, Math.max(50, Math.floor(warningMs / 4)));
  let warnedAbout: string | undefined;
  let failureLogged = false;
  const check = async () => {
    const { heldBackSeconds, holder } = await measureFeedLag(db);
    if (heldBackSeconds * 1000 < warningMs) {
      if (heldBack) log.info({ heldBackSeconds }, 'case-event feed flows again');
      heldBack = false;
      warnedAbout = undefined;
      current = { heldBackSeconds, holder: undefined };
      return;
    }
    heldBack = true;
    current = { heldBackSeconds, holder };
    const who = holder ? `${holder.pid ?? ''}/${holder.preparedTransaction ?? ''}` : 'unknown';
    if (who === warnedAbout) return;
    warnedAbout = who;
    log.warn(
      { heldBackSeconds, holder },
      holder
        ? 'case-event feed held back by an open transaction on the database server: subscriptions, webhooks and statistics wait until it ends'
        : 'case-event feed held back, and no session of the oldest running transaction was found',
    );
  };

  const controller = new AbortController();
  const running = (async () => {
    while (!controller.signal.aborted) {
      try {
        await check();
        failureLogged = false;
      } catch (error) {
        // The database gone is /readyz's business; anything else once, until a check succeeds.
        if (!isDatabaseUnavailable(error) && !failureLogged) log.warn({ err: error }, 'case-event feed lag check failed');
        failureLogged = true;
      }
      await sleepUnlessAborted(every, controller.signal);
    }
  })();
  monitor.stop = async () => {
    controller.abort();
    await running;
  };
  return monitor;
}
