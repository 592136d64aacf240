import { type SQL, sql } from 'drizzle-orm';
import { type Executor, selectRows } from '../db/client.js';
import { statisticsProgress } from '../db/tables/index.js';
import { currentFeedEnd, type FeedCursor } from './event-feed.js';

// The rollups (contact_daily_counts, agent_daily_counts, channel_daily_counts) follow the
// case-event feed: each INTERACTION_ADDED event adds its interaction to the counts of its
// Brussels day, CASE_CREATED and resolutions add to the per-channel case counts. The
// feed's commit-ordered cursor (services/event-feed.ts) makes every interaction count once,
// also when it commits late or is back-dated. Statistics reads catch up first, so figures are
// exact up to the last committed contact; the case's theme, service, line and language are
// those it has when its contact is counted.

const CATCH_UP_BATCH = 20_000;

/** The day of an instant in Brussels, the calendar the contact centre's figures are kept in. */
export const brusselsDay = (instant: SQL) => sql`(${instant} at time zone 'Europe/Brussels')::date`;

/**
 * Inserts, or adds to, the rollup rows of the interactions that `source` selects, and the
 * per-channel rows of those contacts and of the cases opened and resolved that `opened` and
 * `resolved` select (as `day, channel` rows).
 */
function addToRollups(source: SQL, opened: SQL, resolved: SQL): SQL {
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
    ),
    channel_totals as (
      insert into channel_daily_counts as t (day, channel, inbound, outbound, answered_calls, abandoned_calls,
        wait_seconds, waits_known, talk_seconds, talks_known, cases_opened, cases_resolved)
      select day, channel, sum(inbound), sum(outbound), sum(answered), sum(abandoned), sum(wait_seconds), sum(waits_known),
        sum(talk_seconds), sum(talks_known), sum(opened), sum(resolved)
      from (
        select ${brusselsDay(sql`i.occurred_at`)} as day, i.channel,
          count(*) filter (where i.direction = 'INBOUND') as inbound, count(*) filter (where i.direction = 'OUTBOUND') as outbound,
          count(*) filter (where i.channel = 'PHONE' and i.direction = 'INBOUND' and not coalesce(p.abandoned, false)) as answered,
          count(*) filter (where i.channel = 'PHONE' and i.direction = 'INBOUND' and p.abandoned) as abandoned,
          coalesce(sum(p.wait_seconds), 0) as wait_seconds, count(p.wait_seconds) as waits_known,
          coalesce(sum(p.talk_seconds), 0) as talk_seconds, count(p.talk_seconds) as talks_known, 0 as opened, 0 as resolved
        from (${source}) as i left join phone_calls as p on p.interaction_id = i.id
        group by 1, 2
        union all
        select day, channel, 0, 0, 0, 0, 0, 0, 0, 0, count(*), 0 from (${opened}) as o group by 1, 2
        union all
        select day, channel, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*) from (${resolved}) as r group by 1, 2
      ) as parts
      group by 1, 2
      on conflict (day, channel) do update set
        inbound = t.inbound + excluded.inbound,
        outbound = t.outbound + excluded.outbound,
        answered_calls = t.answered_calls + excluded.answered_calls,
        abandoned_calls = t.abandoned_calls + excluded.abandoned_calls,
        wait_seconds = t.wait_seconds + excluded.wait_seconds,
        waits_known = t.waits_known + excluded.waits_known,
        talk_seconds = t.talk_seconds + excluded.talk_seconds,
        talks_known = t.talks_known + excluded.talks_known,
        cases_opened = t.cases_opened + excluded.cases_opened,
        cases_resolved = t.cases_resolved + excluded.cases_resolved
      returning 1
    )`;
}

/**
 * Brings the rollups up to the last committed event. Runs in one transaction holding the
 * progress row, so that two instances never count the same batch; the second waits, then
 * finds nothing left. When no event is left to count (most reads), one statement says so and
 * no lock is taken: concurrent readers do not queue behind each other.
 */
export async function catchUpStatistics(db: Executor): Promise<void> {
  const [pending] = await selectRows<{ pending: boolean }>(
    db,
    // Lateral, so that the progress row's values reach the feed index as a row comparison.
    sql`select not exists (select 1 from statistics_progress) or exists (
      select 1 from statistics_progress as p cross join lateral (
        select 1 from case_events as e
        where (e.transaction_id, e.position) > (p.feed_transaction_id, p.feed_position)
          and e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        order by e.transaction_id, e.position limit 1
      ) as next
    ) as pending`,
  );
  if (!pending!.pending) return;
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
            select e.transaction_id, e.position, e.type, e.payload, e.case_id, e.occurred_at from case_events as e
            where e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
              and (e.transaction_id, e.position) > (${cursor.transactionId}::xid8, ${cursor.position})
            order by e.transaction_id, e.position
            limit ${CATCH_UP_BATCH}
          ),
          ${addToRollups(
            sql`select * from interactions where id in (select (b.payload ->> 'interactionId')::uuid from batch as b where b.type = 'INTERACTION_ADDED')`,
            sql`select ${brusselsDay(sql`c.created_at`)} as day, c.origin_channel as channel from cases as c where c.id in (select b.case_id from batch as b where b.type = 'CASE_CREATED')`,
            sql`select ${brusselsDay(sql`b.occurred_at`)} as day, c.origin_channel as channel from batch as b join cases as c on c.id = b.case_id
                where b.type = 'STATUS_CHANGED' and b.payload ->> 'to' in ('RESOLVED', 'CLOSED') and b.payload ->> 'from' not in ('RESOLVED', 'CLOSED')`,
          )}
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
    await tx.execute(sql`truncate contact_daily_counts, agent_daily_counts, channel_daily_counts`);
    await tx.execute(
      sql`with ${addToRollups(
        sql`select * from interactions`,
        sql`select ${brusselsDay(sql`created_at`)} as day, origin_channel as channel from cases`,
        sql`select ${brusselsDay(sql`resolved_at`)} as day, origin_channel as channel from cases where resolved_at is not null`,
      )} select 1`,
    );
    const end = await currentFeedEnd(tx);
    await tx
      .insert(statisticsProgress)
      .values({ feedTransactionId: end.transactionId, feedPosition: end.position })
      .onConflictDoUpdate({ target: statisticsProgress.id, set: { feedTransactionId: end.transactionId, feedPosition: end.position } });
  });
}
