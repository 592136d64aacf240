import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { CASE_EVENTS_CHANNEL } from '../events/wake-ups.js';
import { accessLog, caseEvents, cases } from '../db/tables/index.js';
import type { Viewer } from '../domain/viewer.js';
import { actingMandateId } from './mandates/reads.js';
import type { CaseEventType, EventVisibility } from '../domain/vocabulary.js';

export type CaseEventRow = typeof caseEvents.$inferSelect;

/** Who did it, in the columns of a case event. */
export function actorOf(viewer: Viewer) {
  switch (viewer.kind) {
    case 'agent':
      return { actorKind: 'AGENT' as const, actorAgentId: viewer.agentId };
    case 'service':
      return { actorKind: 'SERVICE' as const, actorServiceId: viewer.serviceId };
    case 'citizen':
      return { actorKind: 'CITIZEN' as const, actorCitizenId: viewer.citizenId };
    case 'anonymous':
      return { actorKind: 'SYSTEM' as const };
  }
}

/**
 * Appends one event to a case's timeline. Always called inside the transaction of the change
 * it records, so that both exist or neither does.
 */
export async function recordCaseEvent(
  tx: Executor,
  viewer: Viewer,
  event: { caseId: string; type: CaseEventType; visibility: EventVisibility; payload?: Record<string, unknown>; occurredAt: Date },
): Promise<void> {
  const actor = actorOf(viewer);
  const mandateId = viewer.kind === 'citizen' ? actingMandateId(viewer.citizenId, event.caseId, event.occurredAt, 'ACT') : sql`null`;
  // The case's state is read from its row in this transaction, after the change the event
  // records, and stored with the event; the state before is the one stored with the case's
  // latest event of an earlier transaction (every change of a case records an event, and a
  // writer holds the case's row lock).
  // What a representative does for someone is also in that person's access log, with the event's
  // type as what was done: in the same statement, so that both are written or neither.
  await tx.execute(sql`
    with event as (
    insert into ${caseEvents} (case_id, type, visibility, payload, occurred_at, actor_kind, actor_agent_id, actor_citizen_id, actor_service_id, mandate_id, case_state, case_state_before)
    select c.id, ${event.type}, ${event.visibility}, ${JSON.stringify(event.payload ?? {})}::jsonb, ${event.occurredAt.toISOString()}::timestamptz,
      ${actor.actorKind}, ${actor.actorAgentId ?? null}::uuid, ${actor.actorCitizenId ?? null}::uuid, ${actor.actorServiceId ?? null}::uuid, ${mandateId},
      jsonb_build_object(
        'status', c.status, 'resolution', c.resolution, 'priority', c.priority, 'line', c.current_line, 'serviceId', c.service_id,
        'assigneeId', c.assignee_agent_id, 'dueAt', to_char(c.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'version', c.version
      ),
      (select e.case_state from ${caseEvents} e where e.case_id = c.id and e.transaction_id <> pg_current_xact_id() order by e.position desc limit 1)
    from ${cases} c where c.id = ${event.caseId}::uuid
    returning case_id, type, mandate_id, actor_citizen_id, occurred_at)
    insert into ${accessLog} (actor_kind, actor_subject, citizen_id, case_id, mandate_id, fields, occurred_at)
    select 'CITIZEN', event.actor_citizen_id::text, c.citizen_id, event.case_id, event.mandate_id, array[event.type], event.occurred_at
    from event join ${cases} c on c.id = event.case_id where event.mandate_id is not null`);
  // Announced on CASE_EVENTS_CHANNEL by a trigger of the table (migration 0011), at commit.
}

/** Webhook workers wait on the feed's wake-ups: a new endpoint or a redelivery rings the same bell (at commit). */
export async function wakeDeliveryWorkers(db: Executor): Promise<void> {
  await db.execute(sql`select pg_notify(${CASE_EVENTS_CHANNEL}, '')`);
}
