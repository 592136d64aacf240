import { and, eq, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { anyOf } from '../../db/lists.js';
import { documents, interactions, messages, procedures, procedureStepRequirements, procedureSteps } from '../../db/tables/index.js';
import { isRemovable, MAX_REVIEW_REASON } from '../../domain/documents.js';
import { ConflictError, type FieldProblem, ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { globalId, isUuid } from '../../domain/ids.js';
import type { Viewer } from '../../domain/viewer.js';
import { DOCUMENT_KINDS, type DocumentConfidentiality, type DocumentKind, type EventVisibility } from '../../domain/vocabulary.js';
import { isStaff } from '../case-access.js';
import { actorOf, recordCaseEvent } from '../case-events.js';
import { type CaseRow, findReadableCaseForUpdate } from '../case-reads.js';
import { checkText, holdsCase, moveCase, type StaffViewer, touchCase } from '../cases.js';
import { type DocumentRow, readableDocumentsByIds, uploadedBy } from './reads.js';
import type { DocumentStore } from './storage.js';

const INPUT = ['input'];
const NOT_THE_REVIEWER = 'Only the service that owns the procedure (or, outside a procedure, the service that holds the case) reviews its documents.';
/** A file's name can say who it is about ("passport-jean-dupont.pdf"): erasure replaces it. */
const ERASED_FILE_NAME = 'erased';

export interface AttachInput {
  uploadId: string;
  caseId: string;
  kind: DocumentKind;
  requirementId?: string | null;
  messageId?: string | null;
  interactionId?: string | null;
  confidentiality?: DocumentConfidentiality | null;
}

export interface DocumentResult {
  document: DocumentRow;
  case: CaseRow;
}

/** What the events of a document say, and who sees them: nobody but staff for an INTERNAL one. */
function eventOf(document: DocumentRow): { visibility: EventVisibility; payload: Record<string, unknown> } {
  return {
    visibility: document.confidentiality === 'INTERNAL' ? 'INTERNAL' : 'CITIZEN',
    payload: { documentId: globalId('Document', document.id), fileName: document.fileName, kind: document.kind },
  };
}

/**
 * Attaches one of the viewer's own pending uploads to a case they may read: a citizen to their
 * own cases, always CITIZEN_VISIBLE; staff choose (CITIZEN_VISIBLE when omitted). A document that
 * answers a step requirement is the citizen's file: it cannot be INTERNAL.
 */
export async function attachDocument(db: Database, viewer: Viewer, input: AttachInput, now: Date): Promise<DocumentResult> {
  const problems: FieldProblem[] = [];
  if (!(DOCUMENT_KINDS as readonly string[]).includes(input.kind)) problems.push({ path: [...INPUT, 'kind'], message: `One of ${DOCUMENT_KINDS.join(', ')}.` });
  const confidentiality = input.confidentiality ?? 'CITIZEN_VISIBLE';
  if (confidentiality === 'INTERNAL' && viewer.kind === 'citizen') problems.push({ path: [...INPUT, 'confidentiality'], message: 'A citizen’s documents are CITIZEN_VISIBLE.' });
  if (confidentiality === 'INTERNAL' && input.requirementId) {
    problems.push({ path: [...INPUT, 'confidentiality'], message: 'A document that answers a requirement is part of the citizen’s file: CITIZEN_VISIBLE.' });
  }
  if (input.interactionId && !isStaff(viewer)) problems.push({ path: [...INPUT, 'interactionId'], message: 'Only staff link a document to an interaction.' });
  if (problems.length > 0) throw new ValidationError(problems);

  return db.transaction(async (tx) => {
    const current = await findReadableCaseForUpdate(tx, viewer, input.caseId, now);
    const [upload] = isUuid(input.uploadId)
      ? await tx
          .select()
          .from(documents)
          .where(and(eq(documents.id, input.uploadId), uploadedBy(viewer)))
          .for('update')
      : [];
    // Another person's upload is not found, like a missing one.
    if (!upload || upload.status === 'UPLOADING') throw new NotFoundError('Upload');
    if (upload.status !== 'PENDING' || upload.expiresAt! <= now) {
      throw new ValidationError([{ path: [...INPUT, 'uploadId'], message: upload.status === 'PENDING' ? 'This upload expired: upload the file again.' : 'This upload is already attached.' }]);
    }
    await requireLinks(tx, current, input);
    const [attached] = await tx
      .update(documents)
      .set({
        status: 'ATTACHED',
        expiresAt: null,
        caseId: current.id,
        kind: input.kind,
        confidentiality,
        attachedAt: now,
        requirementId: input.requirementId ?? null,
        messageId: input.messageId ?? null,
        interactionId: input.interactionId ?? null,
        review: 'PENDING',
      })
      .where(eq(documents.id, upload.id))
      .returning();
    const event = eventOf(attached!);
    await recordCaseEvent(tx, viewer, {
      caseId: current.id,
      type: 'DOCUMENT_ATTACHED',
      visibility: event.visibility,
      payload: { ...event.payload, requirementId: input.requirementId ? globalId('DocumentRequirement', input.requirementId) : null },
      occurredAt: now,
    });
    let updated: CaseRow = { ...current, ...(await touchCase(tx, current.id, { updatedAt: now })) };
    // What the case waited for may be this document: the citizen's answer reopens it, as a message does.
    if (viewer.kind === 'citizen' && current.status === 'WAITING_FOR_CITIZEN') updated = await moveCase(tx, viewer, updated, 'IN_PROGRESS', null, now);
    return { document: attached!, case: updated };
  });
}

/** The requirement must belong to a step of the case's procedure, the message and the interaction to the case. */
async function requireLinks(tx: Executor, current: CaseRow, input: AttachInput): Promise<void> {
  const problems: FieldProblem[] = [];
  if (input.requirementId) {
    const [requirement] =
      isUuid(input.requirementId) && current.procedureId
        ? await tx
            .select({ id: procedureStepRequirements.id, kind: procedureStepRequirements.kind })
            .from(procedureStepRequirements)
            .innerJoin(procedureSteps, eq(procedureSteps.id, procedureStepRequirements.stepId))
            .where(and(eq(procedureStepRequirements.id, input.requirementId), eq(procedureSteps.procedureId, current.procedureId)))
        : [];
    if (!requirement) problems.push({ path: [...INPUT, 'requirementId'], message: 'Not a requirement of this case’s procedure (see Case.documentChecklist).' });
    else if (requirement.kind !== input.kind) problems.push({ path: [...INPUT, 'kind'], message: `This requirement asks for ${requirement.kind}.` });
  }
  if (input.messageId) {
    const [message] = isUuid(input.messageId) ? await tx.select({ id: messages.id }).from(messages).where(and(eq(messages.id, input.messageId), eq(messages.caseId, current.id))) : [];
    if (!message) problems.push({ path: [...INPUT, 'messageId'], message: 'Not a message of this case.' });
  }
  if (input.interactionId) {
    const [interaction] = isUuid(input.interactionId)
      ? await tx.select({ id: interactions.id }).from(interactions).where(and(eq(interactions.id, input.interactionId), eq(interactions.caseId, current.id)))
      : [];
    if (!interaction) problems.push({ path: [...INPUT, 'interactionId'], message: 'Not an interaction of this case.' });
  }
  if (problems.length > 0) throw new ValidationError(problems);
}

/**
 * A document the viewer may read, locked with its case (case first, as every case writer does).
 * A document attached or removed between the read and the lock is a conflict: try again.
 */
async function lockDocument(tx: Executor, viewer: Viewer, documentId: string, now: Date): Promise<{ document: DocumentRow; current: CaseRow | undefined }> {
  const [readable] = await readableDocumentsByIds(tx, viewer, [documentId], now);
  if (!readable) throw new NotFoundError('Document');
  const current = readable.caseId ? await findReadableCaseForUpdate(tx, viewer, readable.caseId, now) : undefined;
  const [document] = await tx.select().from(documents).where(eq(documents.id, readable.id)).for('update');
  if (!document || document.status !== readable.status || document.caseId !== readable.caseId) throw new ConflictError('The document changed meanwhile: read it again and retry.');
  return { document, current };
}

/**
 * Who reviews a case's documents: for a procedure, its owning service (who moves its steps);
 * otherwise the service that holds the case, or a supervisor.
 */
async function mayReview(tx: Executor, viewer: StaffViewer, current: CaseRow): Promise<boolean> {
  if (!current.procedureId) return holdsCase(viewer, current);
  const [procedure] = await tx.select({ ownerServiceId: procedures.ownerServiceId }).from(procedures).where(eq(procedures.id, current.procedureId));
  return procedure?.ownerServiceId === viewer.serviceId;
}

/**
 * The reviewing service (mayReview) accepts or rejects an attached document once; a rejection
 * says why, in words the citizen reads. A rejected document stays on the case: the citizen
 * attaches another.
 */
export async function reviewDocument(db: Database, viewer: Viewer, input: { documentId: string; decision: 'ACCEPTED' | 'REJECTED'; reason?: string | null }, now: Date): Promise<DocumentResult> {
  if (!isStaff(viewer)) throw new ForbiddenError(NOT_THE_REVIEWER);
  const problems = checkText(input.reason, [...INPUT, 'reason'], MAX_REVIEW_REASON, input.decision === 'REJECTED');
  if (problems.length > 0) throw new ValidationError(problems);
  return db.transaction(async (tx) => {
    const { document, current } = await lockDocument(tx, viewer, input.documentId, now);
    if (document.status !== 'ATTACHED' || !current) throw new ValidationError([{ path: [...INPUT, 'documentId'], message: document.status === 'REMOVED' ? 'This document was removed.' : 'Attach the upload to a case first.' }]);
    if (!(await mayReview(tx, viewer, current))) throw new ForbiddenError(NOT_THE_REVIEWER);
    if (document.review !== 'PENDING') {
      throw new InvalidTransitionError(document.review!, input.decision, [], `This document was already ${document.review!.toLowerCase()}: a new version is attached as a new document.`);
    }
    const [reviewed] = await tx
      .update(documents)
      .set({ review: input.decision, reviewReason: input.reason?.trim() || null, reviewedAt: now, reviewedByKind: actorOf(viewer).actorKind, reviewedByAgentId: viewer.kind === 'agent' ? viewer.agentId : null })
      .where(eq(documents.id, document.id))
      .returning();
    const event = eventOf(reviewed!);
    await recordCaseEvent(tx, viewer, { caseId: current.id, type: 'DOCUMENT_REVIEWED', visibility: event.visibility, payload: { ...event.payload, decision: input.decision, reason: reviewed!.reviewReason }, occurredAt: now });
    return { document: reviewed!, case: { ...current, ...(await touchCase(tx, current.id, { updatedAt: now })) } };
  });
}

/**
 * Removes a document nobody accepted, with its bytes: an upload not yet attached (its row goes
 * too), or an attached one pending review or rejected, by its uploader or by the service that
 * reviews it (mayReview); the document's metadata and a DOCUMENT_REMOVED event remain on the case.
 */
export async function removeDocument(db: Database, store: DocumentStore, viewer: Viewer, documentId: string, now: Date): Promise<{ document: DocumentRow; case: CaseRow | null }> {
  return db.transaction(async (tx) => {
    const { document, current } = await lockDocument(tx, viewer, documentId, now);
    if (!isRemovable(document)) {
      throw new InvalidTransitionError(document.review ?? document.status, 'REMOVED', [], document.status === 'REMOVED' ? 'This document was already removed.' : 'An accepted document stays on the case.');
    }
    const ownUpload = (await tx.select({ id: documents.id }).from(documents).where(and(eq(documents.id, document.id), uploadedBy(viewer)))).length === 1;
    if (!ownUpload && !(isStaff(viewer) && current && (await mayReview(tx, viewer, current)))) throw new ForbiddenError('Only its uploader or the service that reviews it removes a document.');
    await store.delete([document.id], tx);
    if (!current) {
      await tx.delete(documents).where(eq(documents.id, document.id));
      return { document: { ...document, status: 'REMOVED' as const, removedAt: now }, case: null };
    }
    const [removed] = await tx.update(documents).set({ status: 'REMOVED', removedAt: now }).where(eq(documents.id, document.id)).returning();
    const event = eventOf(removed!);
    await recordCaseEvent(tx, viewer, { caseId: current.id, type: 'DOCUMENT_REMOVED', visibility: event.visibility, payload: event.payload, occurredAt: now });
    return { document: removed!, case: { ...current, ...(await touchCase(tx, current.id, { updatedAt: now })) } };
  });
}

/**
 * Erasure: deletes the bytes of every document of these cases or uploaded by this citizen; the
 * unattached ones go entirely, the others stay as REMOVED descriptions without a name or a
 * review reason (both may name the person), also those removed before.
 */
export async function deleteCitizenDocuments(tx: Executor, store: DocumentStore, citizenId: string, caseIds: readonly string[], now: Date): Promise<void> {
  const owned = await tx
    .select({ id: documents.id, status: documents.status })
    .from(documents)
    .where(or(anyOf(documents.caseId, caseIds), eq(documents.uploadedByCitizenId, citizenId)))
    .for('update');
  if (owned.length === 0) return;
  await store.delete(
    owned.filter((row) => row.status !== 'REMOVED').map((row) => row.id),
    tx,
  );
  const unattached = owned.filter((row) => row.status === 'PENDING' || row.status === 'UPLOADING').map((row) => row.id);
  if (unattached.length > 0) await tx.delete(documents).where(anyOf(documents.id, unattached));
  const kept = owned.filter((row) => row.status === 'ATTACHED' || row.status === 'REMOVED').map((row) => row.id);
  await tx
    .update(documents)
    .set({ status: 'REMOVED', removedAt: sql`coalesce(${documents.removedAt}, ${now.toISOString()}::timestamptz)`, fileName: ERASED_FILE_NAME, reviewReason: null })
    .where(anyOf(documents.id, kept));
}
