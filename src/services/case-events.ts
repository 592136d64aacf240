import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { CASE_EVENTS_CHANNEL } from '../events/wake-ups.js';
import { caseEvents } from '../db/tables/index.js';
import type { Viewer } from '../domain/viewer.js';
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
  await tx.insert(caseEvents).values({
    caseId: event.caseId,
    type: event.type,
    visibility: event.visibility,
    payload: event.payload ?? {},
    occurredAt: event.occurredAt,
    ...actorOf(viewer),
  });
  // Announced on CASE_EVENTS_CHANNEL by a trigger of the table (migration 0011), at commit.
}

/** Webhook workers wait on the feed's wake-ups: a new endpoint or a redelivery rings the same bell (at commit). */
export async function wakeDeliveryWorkers(db: Executor): Promise<void> {
  await db.execute(sql`select pg_notify(${CASE_EVENTS_CHANNEL}, '')`);
}
