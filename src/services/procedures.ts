import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { anyOf } from '../db/lists.js';
import { caseEvents, cases, citizens, interactions, onlineSubmissions, procedureSteps, procedures, services, themes } from '../db/tables/index.js';
import { ForbiddenError, RequiredDocumentsMissingError, ValidationError } from '../domain/errors.js';
import { pickLabel } from '../domain/labels.js';
import { checkAnswers } from '../domain/procedure-form.js';
import { wellFormedUuids } from '../domain/ids.js';
import type { Viewer } from '../domain/viewer.js';
import { recordCaseEvent } from './case-events.js';
import { type CaseRow, findReadableCaseForUpdate } from './case-reads.js';
import { checkText, insertCase, refreshCaseSearch, requireStaff, writeCase } from './cases.js';
import { checklistsByCases } from './documents/reads.js';
import type { DataVault } from './data-vault.js';
import { requireMandateForNewCase } from './mandates/acting.js';

const MAX_ANSWERS_BYTES = 20_000;
const MAX_OVERRIDE_REASON = 1_000;

/** Whether parsed JSON holds a NUL in a key or a text: Postgres refuses it in jsonb, and the text check of arguments cannot see an escaped one. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || holdsNul(inner));
  return false;
}

/**
 * A citizen starts an online procedure, for themself or for someone they represent with ACT: a
 * case on channel ONLINE_PROCEDURE at the owning service, at the first step, with the submission
 * (and its answers) as first interaction.
 */
export async function startProcedure(
  db: Database,
  viewer: Viewer,
  vault: DataVault,
  input: { code: string; answers: unknown; onBehalfOf?: string | null },
  now: Date,
): Promise<{ case: CaseRow; trackingCode: string }> {
  if (viewer.kind !== 'citizen') throw new ForbiddenError('Only a citizen starts a procedure on the portal.');
  if (typeof input.answers !== 'object' || input.answers === null || Array.isArray(input.answers)) {
    throw new ValidationError([{ path: ['input', 'answers'], message: 'Must be a JSON object, e.g. { surface: 120 }: not a string, number, list or null.' }]);
  }
  // Written inline in a query, the JSON scalar gives objects without a prototype, which Drizzle
  // cannot bind: the answers are kept as the plain JSON they serialise to.
  const serialised = JSON.stringify(input.answers);
  const answers = JSON.parse(serialised) as Record<string, unknown>;
  if (Buffer.byteLength(serialised) > MAX_ANSWERS_BYTES) {
    throw new ValidationError([{ path: ['input', 'answers'], message: `At most ${MAX_ANSWERS_BYTES} bytes of answers.` }]);
  }
  if (holdsNul(answers)) {
    throw new ValidationError([{ path: ['input', 'answers'], message: 'Answers may not contain NUL characters (\\u0000).' }]);
  }
  return db.transaction(async (tx) => {
    const [procedure] = await tx
      .select({ id: procedures.id, labels: procedures.labels, active: procedures.active, form: procedures.form, themeCode: themes.code, serviceId: services.id, line: services.line })
      .from(procedures)
      .innerJoin(themes, eq(themes.id, procedures.themeId))
      .innerJoin(services, eq(services.id, procedures.ownerServiceId))
      .where(eq(procedures.code, input.code));
    if (!procedure?.active) throw new ValidationError([{ path: ['input', 'code'], message: `No open procedure has the code "${input.code}".` }]);
    const problems = checkAnswers(procedure.form, answers, ['input', 'answers']);
    if (problems.length > 0) throw new ValidationError(problems);
    const [firstStep] = await tx.select().from(procedureSteps).where(eq(procedureSteps.procedureId, procedure.id)).orderBy(asc(procedureSteps.position)).limit(1);
    const citizenId = input.onBehalfOf ?? viewer.citizenId;
    if (citizenId !== viewer.citizenId) await requireMandateForNewCase(tx, viewer.citizenId, citizenId, procedure.themeCode, now);
    const [citizen] = await tx.select({ language: citizens.preferredLanguage }).from(citizens).where(eq(citizens.id, citizenId));
    const created = await insertCase(
      tx,
      { viewer, serviceId: procedure.serviceId, line: procedure.line, referentAgentId: null, assigneeAgentId: null },
      vault,
      {
        themeCode: procedure.themeCode,
        subject: pickLabel(procedure.labels, citizen!.language),
        citizenId,
        originChannel: 'ONLINE_PROCEDURE',
        language: citizen!.language,
        procedureId: procedure.id,
        procedureStepId: firstStep?.id ?? null,
      },
      now,
      ['input'],
    );
    const [interaction] = await tx
      .insert(interactions)
      .values({ caseId: created.row.id, channel: 'ONLINE_PROCEDURE', direction: 'INBOUND', summary: null, occurredAt: now, createdAt: now })
      .returning({ id: interactions.id });
    await tx.insert(onlineSubmissions).values({
      interactionId: interaction!.id,
      procedureId: procedure.id,
      submissionId: `WAL-${now.getUTCFullYear()}-${randomUUID().slice(0, 8).toUpperCase()}`,
      stepId: firstStep?.id ?? null,
      answers,
    });
    await recordCaseEvent(tx, viewer, {
      caseId: created.row.id,
      type: 'INTERACTION_ADDED',
      visibility: 'CITIZEN',
      payload: { interactionId: interaction!.id, channel: 'ONLINE_PROCEDURE', direction: 'INBOUND' },
      occurredAt: now,
    });
    await refreshCaseSearch(tx, created.row.id);
    return { case: created.row, trackingCode: created.trackingCode };
  });
}

/**
 * The owning service moves a procedure to a later step: the next one, or any later one when
 * the procedure allows skipping. Steps never go back.
 */
export async function advanceProcedureStep(
  db: Database,
  viewer: Viewer,
  input: { caseId: string; stepCode: string; documentsOverrideReason?: string | null },
  now: Date,
): Promise<CaseRow> {
  const staff = requireStaff(viewer);
  // Given, it must say why: a blank one is refused rather than read as absent.
  const reasonProblems = checkText(input.documentsOverrideReason, ['input', 'documentsOverrideReason'], MAX_OVERRIDE_REASON, input.documentsOverrideReason != null);
  if (reasonProblems.length > 0) throw new ValidationError(reasonProblems);
  const overrideReason = input.documentsOverrideReason?.trim() || null;
  return db.transaction(async (tx) => {
    const current = await findReadableCaseForUpdate(tx, viewer, input.caseId, now);
    if (!current.procedureId) throw new ValidationError([{ path: ['input', 'caseId'], message: 'This case follows no procedure.' }]);
    const [procedure] = await tx.select().from(procedures).where(eq(procedures.id, current.procedureId));
    if (staff.serviceId !== procedure!.ownerServiceId) throw new ForbiddenError('Only the service that owns the procedure moves its steps.');
    const steps = await tx.select().from(procedureSteps).where(eq(procedureSteps.procedureId, procedure!.id)).orderBy(asc(procedureSteps.position));
    const target = steps.find((step) => step.code === input.stepCode);
    if (!target) throw new ValidationError([{ path: ['input', 'stepCode'], message: `Not a step of this procedure: ${steps.map((step) => step.code).join(', ')}.` }]);
    const position = steps.find((step) => step.id === current.procedureStepId)?.position ?? 0;
    const allowed = procedure!.allowsSkippingSteps ? target.position > position : target.position === position + 1;
    if (!allowed) {
      const next = steps.find((step) => step.position === position + 1);
      throw new ValidationError([
        {
          path: ['input', 'stepCode'],
          message: next ? `The next step is ${next.code}${procedure!.allowsSkippingSteps ? ' or a later one' : ''}.` : 'The procedure is at its last step.',
        },
      ]);
    }
    // The documents of every step the case leaves: the current one and those a skip jumps over.
    const left = steps.filter((step) => step.position >= position && step.position < target.position);
    const notAccepted = (await checklistsByCases(tx, left.map((step) => ({ id: current.id, procedureStepId: step.id })))).flat().filter((item) => item.state !== 'ACCEPTED');
    if (notAccepted.length > 0 && !overrideReason) {
      throw new RequiredDocumentsMissingError(
        `The step needs documents not accepted yet: ${notAccepted.map((item) => `${item.requirement.code} (${item.state.toLowerCase()})`).join(', ')}. Accept them, or give documentsOverrideReason to move on without them.`,
        notAccepted.map((item) => item.requirement.id),
      );
    }
    const updated = await writeCase(tx, current, { procedureStepId: target.id, updatedAt: now });
    await recordCaseEvent(tx, viewer, {
      caseId: current.id,
      type: 'PROCEDURE_STEP_CHANGED',
      visibility: 'CITIZEN',
      payload: { stepId: target.id, stepCode: target.code, ...(notAccepted.length > 0 ? { documentsOverrideReason: overrideReason } : {}) },
      occurredAt: now,
    });
    return updated;
  });
}

export type StepState = 'DONE' | 'CURRENT' | 'PENDING';

export interface StepProgress {
  step: typeof procedureSteps.$inferSelect;
  state: StepState;
  /** When the case reached the step; null for pending steps. */
  reachedAt: Date | null;
}

/** The steps of each case's procedure with their state and date, for a batch of cases. */
export async function procedureProgressByCaseIds(db: Executor, caseIds: readonly string[]): Promise<(StepProgress[] | null)[]> {
  const found = await db
    .select({ id: cases.id, procedureId: cases.procedureId, procedureStepId: cases.procedureStepId, status: cases.status, createdAt: cases.createdAt })
    .from(cases)
    .where(anyOf(cases.id, wellFormedUuids(caseIds)));
  const rows = caseIds.map((id) => found.find((row) => row.id === id)).filter((row) => row !== undefined);
  const progress = await progressOf(db, rows);
  return caseIds.map((id) => progress.get(id) ?? null);
}

async function progressOf(
  db: Executor,
  rows: readonly Pick<CaseRow, 'id' | 'procedureId' | 'procedureStepId' | 'status' | 'createdAt'>[],
): Promise<Map<string, StepProgress[]>> {
  const procedureIds = [...new Set(rows.map((row) => row.procedureId).filter((id): id is string => id !== null))];
  if (procedureIds.length === 0) return new Map();
  const [steps, moves] = await Promise.all([
    db.select().from(procedureSteps).where(anyOf(procedureSteps.procedureId, procedureIds)).orderBy(asc(procedureSteps.position)),
    db
      .select({ caseId: caseEvents.caseId, payload: caseEvents.payload, occurredAt: caseEvents.occurredAt })
      .from(caseEvents)
      .where(and(anyOf(caseEvents.caseId, rows.map((row) => row.id)), eq(caseEvents.type, 'PROCEDURE_STEP_CHANGED')))
      .orderBy(asc(caseEvents.position)),
  ]);
  const result = new Map<string, StepProgress[]>();
  for (const row of rows) {
    if (!row.procedureId) continue;
    const own = steps.filter((step) => step.procedureId === row.procedureId);
    const currentPosition = own.find((step) => step.id === row.procedureStepId)?.position ?? 0;
    const settled = row.status === 'RESOLVED' || row.status === 'CLOSED';
    result.set(row.id, own.map((step) => {
      const state: StepState = step.position < currentPosition || (settled && step.position === currentPosition) ? 'DONE' : step.position === currentPosition ? 'CURRENT' : 'PENDING';
      const reached = moves.find((move) => move.caseId === row.id && move.payload.stepId === step.id)?.occurredAt ?? (step.position === 1 ? row.createdAt : null);
      return { step, state, reachedAt: state === 'PENDING' ? null : reached };
    }));
  }
  return result;
}
