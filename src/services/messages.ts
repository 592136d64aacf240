import { and, eq } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { anyOf } from '../db/lists.js';
import { cases, messages } from '../db/tables/index.js';
import { ForbiddenError, ValidationError } from '../domain/errors.js';
import { wellFormedUuids } from '../domain/ids.js';
import type { Viewer } from '../domain/viewer.js';
import { readableCases } from './case-access.js';
import { actingMandateId } from './mandates/reads.js';
import { recordCaseEvent } from './case-events.js';
import { type CaseRow, findReadableCaseForUpdate } from './case-reads.js';
import { checkText, moveCase } from './cases.js';

export type MessageRow = typeof messages.$inferSelect;

/** Messages by id, on cases the viewer may read (the message a document was sent with). */
export async function readableMessagesByIds(db: Executor, viewer: Viewer, ids: readonly string[], now: Date): Promise<MessageRow[]> {
  const valid = wellFormedUuids(ids);
  if (valid.length === 0) return [];
  const rows = await db
    .select({ message: messages })
    .from(messages)
    .innerJoin(cases, eq(cases.id, messages.caseId))
    .where(and(anyOf(messages.id, valid), readableCases(viewer, now)));
  return rows.map((row) => row.message);
}

const MAX_BODY = 5_000;

/**
 * A message between the citizen and the administration on a case, visible to both. A citizen's
 * message on a case waiting for them puts it back IN_PROGRESS, which resumes the SLA clock.
 */
export async function sendMessage(db: Database, viewer: Viewer, input: { caseId: string; body: string }, now: Date): Promise<{ message: MessageRow; case: CaseRow }> {
  if (viewer.kind === 'anonymous') throw new ForbiddenError('Sign in to send a message.');
  const problems = checkText(input.body, ['input', 'body'], MAX_BODY, true);
  if (problems.length > 0) throw new ValidationError(problems);
  return db.transaction(async (tx) => {
    let current = await findReadableCaseForUpdate(tx, viewer, input.caseId, now);
    const [message] = await tx
      .insert(messages)
      .values({
        caseId: current.id,
        authorAgentId: viewer.kind === 'agent' ? viewer.agentId : null,
        authorCitizenId: viewer.kind === 'citizen' ? viewer.citizenId : null,
        mandateId: viewer.kind === 'citizen' ? actingMandateId(viewer.citizenId, current.id, now, 'ACT') : null,
        body: input.body,
        createdAt: now,
      })
      .returning();
    await recordCaseEvent(tx, viewer, {
      caseId: current.id,
      type: 'MESSAGE_SENT',
      visibility: 'CITIZEN',
      payload: { messageId: message!.id, author: viewer.kind === 'citizen' ? 'CITIZEN' : 'ADMINISTRATION' },
      occurredAt: now,
    });
    if (viewer.kind === 'citizen' && current.status === 'WAITING_FOR_CITIZEN') {
      current = await moveCase(tx, viewer, current, 'IN_PROGRESS', null, now);
    }
    return { message: message!, case: current };
  });
}

