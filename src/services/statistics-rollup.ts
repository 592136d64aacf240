import { type SQL, sql } from 'drizzle-orm';
import { type Executor, selectRows } from '../db/client.js';
import { statisticsProgress } from '../db/tables/index.js';
import { currentFeedEnd, type FeedCursor } from './event-feed.js';

// The contact rollups (contact_daily_counts, agent_daily_counts) follow the case-event feed:
// each INTERACTION_ADDED event adds its interaction to the counts of its Brussels day. The
// feed's commit-ordered cursor (services/event-feed.ts) makes every interaction count once,
// also when it commits late or is back-dated. Statistics reads catch up first, so figures are
// exact up to the last committed contact; the case's theme, service, line and language are
// those it has when its contact is counted.

const CATCH_UP_BATCH = 20_000;

/** The day of an instant in Brussels, the calendar the contact centre's figures are kept in. */
export const brusselsDay = (instant: SQL) => sql`(${instant} at time zone 'Europe/Brussels')::date`;

/** Inserts, or adds to, the rollup rows of the interactions `i` that `source` selects. */
function addContacts(source: SQL): SQL {
  return sql`
    contacts as (
      insert into contact_daily_counts as t (day, channel, direction, theme_id, service_id, line, language,
        interactions, answered_calls, abandoned_calls, wait_seconds, waits_known, talk_seconds, talks_known)
      select ${brusselsDay(sql`i.occurred_at`)}, i.channel, i.direction, c.theme_id, c.service_id, c.current_line, c.language,
        count(*),
        count(*) filter (where i.channel = 'PHONE' and i.direction = 'INBOUND' and not coalesce(p.abandoned, false)),
        count(*) filter (where i.channel = 'PHONE' and i.direction = 'INBOUND' and p.abandoned),
        coalesce(sum(p.wait_seconds), 0), count(p.wait_seconds), coalesce(sum(p.talk_seconds), 0), count(p.talk_seconds)
      from (${source}) as i
      join cases as c on c.id = i.case_id
      left join phone_calls as p on p.interaction_id = i.id
      group by 1, 2, 3, 4, 5, 6, 7
      on conflict (day, channel, direction, theme_id, service_id, line, language) do update set
        interactions = t.interactions + excluded.interactions,
        answered_calls = t.answered_calls + excluded.answered_calls,
        abandoned_calls = t.abandoned_calls + excluded.abandoned_calls,
        wait_seconds = t.wait_seconds + excluded.wait_seconds,
        waits_known = t.waits_known + excluded.waits_known,
        talk_seconds = t.talk_seconds + excluded.talk_seconds,
        talks_known = t.talks_known + excluded.talks_known
      returning 1
    ),
    agent_contacts as (
      insert into agent_daily_counts as t (day, agent_id, contacts)
      select ${brusselsDay(sql`i.occurred_at`)}, i.agent_id, count(*)
      from (${source}) as i
      where i.agent_id is not null
      group by 1, 2
      on conflict (day, agent_id) do update set contacts = t.contacts + excluded.contacts
      returning 1
    )`;
}

/**
 * Brings the rollups up to the last committed event. Runs in one transaction holding the
 * progress row, so that two instances never count the same batch; the second waits, then
 * finds nothing left.
 */
export async function catchUpStatistics(db: Executor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(statisticsProgress).values({ feedTransactionId: '0', feedPosition: 0 }).onConflictDoNothing();
    const [progress] = await tx.select().from(statisticsProgress).for('update');
    let cursor: FeedCursor = { transactionId: progress!.feedTransactionId, position: progress!.feedPosition };
    const start = cursor;
    for (;;) {
      const [last] = await selectRows<{ transactionId: string; position: number | string }>(
        tx,
        sql`
          with batch as (
            select e.transaction_id, e.position, e.type, e.payload from case_events as e
            where e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
              and (e.transaction_id, e.position) > (${cursor.transactionId}::xid8, ${cursor.position})
            order by e.transaction_id, e.position
            limit ${CATCH_UP_BATCH}
          ),
          ${addContacts(sql`select * from interactions where id in (select (b.payload ->> 'interactionId')::uuid from batch as b where b.type = 'INTERACTION_ADDED')`)}
          -- The inserts above run to completion whether or not this reads them.
          select transaction_id::text as "transactionId", position from batch
          order by transaction_id desc, position desc limit 1`,
      );
      if (!last) break;
      cursor = { transactionId: last.transactionId, position: Number(last.position) };
    }
    if (cursor !== start) {
      await tx.update(statisticsProgress).set({ feedTransactionId: cursor.transactionId, feedPosition: cursor.position });
    }
  });
}

/**
 * Recomputes the rollups from every interaction and sets the cursor to the end of the feed.
 * For bulk loads (demo or benchmark history written without the API): it assumes nothing else
 * writes meanwhile, or a contact committed during the rebuild could be counted twice.
 */
export async function rebuildStatistics(db: Executor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`truncate contact_daily_counts, agent_daily_counts`);
    await tx.execute(sql`with ${addContacts(sql`select * from interactions`)} select 1`);
    const end = await currentFeedEnd(tx);
    await tx
      .insert(statisticsProgress)
      .values({ feedTransactionId: end.transactionId, feedPosition: end.position })
      .onConflictDoUpdate({ target: statisticsProgress.id, set: { feedTransactionId: end.transactionId, feedPosition: end.position } });
  });
}
