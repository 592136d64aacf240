import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { anyOf } from '../db/lists.js';
import { agents, cases, handoffs, services } from '../db/tables/index.js';
import { ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from '../domain/errors.js';
import { caseMoveRefusal } from '../domain/case-lifecycle.js';
import { canHandOff, type HandoffMove, handoffMoveRefusal, moveHandoff, OPEN_HANDOFF_STATUSES } from '../domain/handoff-lifecycle.js';
import { isUuid } from '../domain/ids.js';
import type { Viewer } from '../domain/viewer.js';
import { readableCases } from './case-access.js';
import { recordCaseEvent } from './case-events.js';
import { type CaseRow, findReadableCaseForUpdate, type HandoffRow } from './case-reads.js';
import { checkText, holdsCase, requireStaff, slaClockAfterMove, type StaffViewer, writeCase } from './cases.js';
import { constraintViolation } from './database-errors.js';
import { COUNT, countOf, type CountedPage, emptyPage, type PageRequest, readPageRequest, toPage } from './pagination.js';
import { planHandoffDeadline } from './sla.js';

const MAX_REASON = 2_000;

export interface HandoffResult {
  handoff: HandoffRow;
  case: CaseRow;
}

/** Handoffs of cases the viewer may read; others are missing. */
export function readableHandoffsByIds(db: Executor, viewer: Viewer, ids: readonly string[], now: Date): Promise<HandoffRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return Promise.resolve([]);
  return db
    .select({ handoff: handoffs })
    .from(handoffs)
    .innerJoin(cases, eq(cases.id, handoffs.caseId))
    .where(and(anyOf(handoffs.id, valid), readableCases(viewer, now)))
    .then((rows) => rows.map((row) => row.handoff));
}

/**
 * Hands a case one line up. The requesting line is the one that holds the case (its service,
 * or a supervisor); if it holds the case through an accepted handoff, that one is completed as
 * superseded by the escalation, so that a case never has two open handoffs.
 */
export async function requestHandoff(
  db: Database,
  viewer: Viewer,
  input: { caseId: string; toServiceId: string; reason: string },
  now: Date,
): Promise<HandoffResult> {
  const staff = requireStaff(viewer);
  const problems = checkText(input.reason, ['input', 'reason'], MAX_REASON, true);
  if (problems.length > 0) throw new ValidationError(problems);
  try {
    return await db.transaction(async (tx) => {
      const current = await findReadableCaseForUpdate(tx, viewer, input.caseId, now);
      if (!holdsCase(staff, current)) {
        throw new ForbiddenError('Only the line that holds the case may hand it off.');
      }
      const [target] = isUuid(input.toServiceId) ? await tx.select().from(services).where(eq(services.id, input.toServiceId)) : [];
      if (!target) throw new ValidationError([{ path: ['input', 'toServiceId'], message: 'No service has this id.' }]);
      if (target.kind !== 'INTERNAL') {
        throw new ValidationError([{ path: ['input', 'toServiceId'], message: 'An external authority takes no handoffs: orient the citizen to it instead.' }]);
      }
      if (!canHandOff(current.currentLine, target.line)) {
        throw new ValidationError([
          { path: ['input', 'toServiceId'], message: `A case at the ${current.currentLine} line is handed to the next line up, not to the ${target.line} line.` },
        ]);
      }
      if (current.status === 'RESOLVED' || current.status === 'CLOSED' || current.status === 'CANCELLED') {
        throw new InvalidTransitionError(current.status, 'HANDED_OFF', [], caseMoveRefusal(current.status, 'HANDED_OFF', []));
      }
      const open = await tx.select().from(handoffs).where(and(eq(handoffs.caseId, current.id), inArray(handoffs.status, [...OPEN_HANDOFF_STATUSES])));
      for (const held of open) {
        if (held.status === 'ACCEPTED' && held.toServiceId === current.serviceId) {
          await tx
            .update(handoffs)
            .set({ status: 'COMPLETED', completion: 'ESCALATED', response: `Escalated to ${target.code}.`, completedAt: now, updatedAt: now })
            .where(eq(handoffs.id, held.id));
          await recordCaseEvent(tx, viewer, {
            caseId: current.id,
            type: 'HANDOFF_COMPLETED',
            visibility: 'INTERNAL',
            payload: { handoffId: held.id, completion: 'ESCALATED', escalatedTo: target.code },
            occurredAt: now,
          });
        } else {
          throw new ConflictError('The case already has an open handoff: it must be answered or cancelled first.');
        }
      }
      const [handoff] = await tx
        .insert(handoffs)
        .values({
          caseId: current.id,
          fromServiceId: current.serviceId,
          fromLine: current.currentLine,
          toServiceId: target.id,
          toLine: target.line,
          requestedByAgentId: staff.kind === 'agent' ? staff.agentId : null,
          reason: input.reason.trim(),
          dueAt: await planHandoffDeadline(tx, { channel: current.originChannel, themeId: current.themeId, toLine: target.line, procedureId: current.procedureId }, now),
          requestedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      // Waiting for the receiving service is not waiting for the citizen: a stopped clock resumes.
      const handedOff = await writeCase(tx, current, { status: 'HANDED_OFF', updatedAt: now, ...(await slaClockAfterMove(tx, current, 'HANDED_OFF', now)) });
      await recordCaseEvent(tx, viewer, {
        caseId: current.id,
        type: 'HANDOFF_REQUESTED',
        visibility: 'INTERNAL',
        payload: { handoffId: handoff!.id, toService: target.code, toLine: target.line, reason: handoff!.reason },
        occurredAt: now,
      });
      if (current.status !== 'HANDED_OFF') {
        await recordCaseEvent(tx, viewer, { caseId: current.id, type: 'STATUS_CHANGED', visibility: 'CITIZEN', payload: { from: current.status, to: 'HANDED_OFF' }, occurredAt: now });
      }
      return { handoff: handoff!, case: handedOff };
    });
  } catch (error) {
    if (constraintViolation(error)?.constraint === 'handoffs_one_open_per_case_unique') {
      throw new ConflictError('The case already has an open handoff: it must be answered or cancelled first.');
    }
    throw error;
  }
}

/** Loads a handoff and its case for a move, both locked; a handoff of an unreadable case is missing. */
async function lockHandoff(tx: Executor, viewer: Viewer, handoffId: string, now: Date): Promise<{ handoff: HandoffRow; current: CaseRow }> {
  const [found] = await readableHandoffsByIds(tx, viewer, [handoffId], now);
  if (!found) throw new NotFoundError('Handoff');
  const current = await findReadableCaseForUpdate(tx, viewer, found.caseId, now);
  const [handoff] = await tx.select().from(handoffs).where(eq(handoffs.id, handoffId)).for('update');
  return { handoff: handoff!, current };
}

function checkMove(handoff: HandoffRow, move: HandoffMove) {
  const outcome = moveHandoff(handoff.status, move);
  if (!outcome.ok) {
    throw new InvalidTransitionError(
      handoff.status,
      move.toUpperCase(),
      outcome.allowed.map((name) => name.toUpperCase()),
      handoffMoveRefusal(handoff.status, outcome.allowed),
    );
  }
  return outcome.status;
}

/** Accept, reject and complete belong to the receiving service; cancel to the requesting one. */
function checkActor(staff: StaffViewer, handoff: HandoffRow, move: HandoffMove) {
  const serviceId = move === 'cancel' ? handoff.fromServiceId : handoff.toServiceId;
  if (staff.serviceId !== serviceId) {
    throw new ForbiddenError(move === 'cancel' ? 'Only the requesting service may cancel a handoff.' : 'Only the receiving service may answer a handoff.');
  }
}

async function referentHome(tx: Executor, current: CaseRow, fallback: { serviceId: string; line: CaseRow['currentLine'] }) {
  if (!current.referentAgentId) return fallback;
  const [home] = await tx
    .select({ serviceId: agents.serviceId, line: services.line })
    .from(agents)
    .innerJoin(services, eq(services.id, agents.serviceId))
    .where(eq(agents.id, current.referentAgentId));
  return home ?? fallback;
}

export async function answerHandoff(
  db: Database,
  viewer: Viewer,
  move: 'accept' | 'reject' | 'complete' | 'cancel',
  input: { id: string; reason?: string | null; response?: string | null },
  now: Date,
): Promise<HandoffResult> {
  const staff = requireStaff(viewer);
  const text = move === 'reject' ? input.reason : move === 'complete' ? input.response : undefined;
  if (move === 'reject' || move === 'complete') {
    const problems = checkText(text, ['input', move === 'reject' ? 'reason' : 'response'], MAX_REASON, true);
    if (problems.length > 0) throw new ValidationError(problems);
  }
  return db.transaction(async (tx) => {
    const { handoff, current } = await lockHandoff(tx, viewer, input.id, now);
    checkActor(staff, handoff, move);
    const status = checkMove(handoff, move);
    const stamp = { accept: 'acceptedAt', reject: 'rejectedAt', complete: 'completedAt', cancel: 'cancelledAt' } as const;
    const [updated] = await tx
      .update(handoffs)
      .set({
        status,
        [stamp[move]]: now,
        updatedAt: now,
        ...(move === 'reject' ? { rejectionReason: text!.trim() } : {}),
        ...(move === 'complete' ? { response: text!.trim(), completion: 'RETURNED' as const } : {}),
      })
      .where(eq(handoffs.id, handoff.id))
      .returning();

    // Every answer leaves the case in progress somewhere: at the receiving line once accepted
    // (which works it from then on; the citizen keeps their referent), back at the referent's
    // line once completed, back at the sender's once rejected or cancelled. A case the receiving
    // line had set waiting for the citizen starts its clock again when it leaves that line.
    let caseValues: Partial<typeof cases.$inferInsert>;
    if (move === 'accept') {
      caseValues = { status: 'IN_PROGRESS', currentLine: handoff.toLine, serviceId: handoff.toServiceId, assigneeAgentId: staff.kind === 'agent' ? staff.agentId : null };
    } else if (move === 'complete') {
      const home = await referentHome(tx, current, { serviceId: handoff.fromServiceId, line: handoff.fromLine });
      caseValues = { status: 'IN_PROGRESS', currentLine: home.line, serviceId: home.serviceId, assigneeAgentId: current.referentAgentId };
    } else {
      caseValues = { status: 'IN_PROGRESS', currentLine: handoff.fromLine, serviceId: handoff.fromServiceId };
    }
    const moved = await writeCase(tx, current, { ...caseValues, updatedAt: now, ...(await slaClockAfterMove(tx, current, 'IN_PROGRESS', now)) });
    const type = { accept: 'HANDOFF_ACCEPTED', reject: 'HANDOFF_REJECTED', complete: 'HANDOFF_COMPLETED', cancel: 'HANDOFF_CANCELLED' } as const;
    await recordCaseEvent(tx, viewer, {
      caseId: current.id,
      type: type[move],
      visibility: 'INTERNAL',
      payload: {
        handoffId: handoff.id,
        ...(move === 'reject' ? { reason: text!.trim() } : {}),
        ...(move === 'complete' ? { completion: 'RETURNED', response: text!.trim() } : {}),
      },
      occurredAt: now,
    });
    if (caseValues.status && caseValues.status !== current.status) {
      await recordCaseEvent(tx, viewer, { caseId: current.id, type: 'STATUS_CHANGED', visibility: 'CITIZEN', payload: { from: current.status, to: caseValues.status }, occurredAt: now });
    }
    return { handoff: updated!, case: moved };
  });
}

/** A service's queue: handoffs to it (of one status) on cases the viewer may read, by due date then id. */
export async function listIncomingHandoffs(
  db: Executor,
  viewer: Viewer,
  serviceId: string,
  status: HandoffRow['status'],
  request: PageRequest,
  maxPageSize: number,
  now: Date,
): Promise<CountedPage<HandoffRow>> {
  const { limit, after } = readPageRequest(request, maxPageSize, ['timestamp', 'uuid']);
  if (!isUuid(serviceId)) return emptyPage();
  const dueKey = sql`coalesce(${handoffs.dueAt}, 'infinity'::timestamptz)`;
  const queued = and(eq(handoffs.toServiceId, serviceId), eq(handoffs.status, status), readableCases(viewer, now));
  const rows = await db
    .select({ handoff: handoffs })
    .from(handoffs)
    .innerJoin(cases, eq(cases.id, handoffs.caseId))
    .where(and(queued, after ? sql`(${dueKey}, ${handoffs.id}) > (${after[0]}::timestamptz, ${String(after[1])}::uuid)` : undefined))
    .orderBy(dueKey, handoffs.id)
    .limit(limit + 1);
  return toPage(
    rows.map((row) => row.handoff),
    limit,
    (handoff) => [handoff.dueAt?.toISOString() ?? 'infinity', handoff.id],
    () => countOf(db.select(COUNT).from(handoffs).innerJoin(cases, eq(cases.id, handoffs.caseId)).where(queued)),
  );
}
