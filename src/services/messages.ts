import type { Database } from '../db/client.js';
import { messages } from '../db/tables/index.js';
import { ForbiddenError, ValidationError } from '../domain/errors.js';
import type { Viewer } from '../domain/viewer.js';
import { actingMandateId } from './mandates/reads.js';
import { recordCaseEvent } from './case-events.js';
import { type CaseRow, findReadableCaseForUpdate } from './case-reads.js';
import { checkText, moveCase } from './cases.js';

export type MessageRow = typeof messages.$inferSelect;

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

