import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { anyOf } from '../../db/lists.js';
import { cases, documents, procedureStepRequirements } from '../../db/tables/index.js';
import { type RequirementStatus, requirementStatus } from '../../domain/documents.js';
import { isUuid, uuidOrNil, wellFormedUuids } from '../../domain/ids.js';
import type { Viewer } from '../../domain/viewer.js';
import { readableCases } from '../case-access.js';
import { recordPersonalDataReads } from '../citizens.js';
import { COUNT, countOf, type CountedPage, emptyPage, type PageRequest, readPageRequest, toPage } from '../pagination.js';
import { recordRepresentativeReads } from '../mandates/acting.js';

export type DocumentRow = typeof documents.$inferSelect;
export type RequirementRow = typeof procedureStepRequirements.$inferSelect;

/** The uploads that are the viewer's own: the same citizen, agent or service account. */
export function uploadedBy(viewer: Viewer): SQL {
  switch (viewer.kind) {
    case 'citizen':
      return sql`${documents.uploadedByCitizenId} = ${viewer.citizenId}`;
    case 'agent':
      return sql`${documents.uploadedByAgentId} = ${viewer.agentId}`;
    case 'service':
      return sql`(${documents.uploadedByKind} = 'SERVICE' and ${documents.uploadedByServiceId} = ${viewer.serviceId})`;
    case 'anonymous':
      return sql`false`;
  }
}

/**
 * The documents a viewer may read, as a predicate on `documents` left-joined with `cases`: the
 * case access rule for attached (and removed) documents, and for a citizen only the
 * CITIZEN_VISIBLE ones of their cases; an upload not yet attached, only by its uploader.
 */
export function readableDocuments(viewer: Viewer, now: Date): SQL {
  const onCase = sql`(${documents.status} in ('ATTACHED', 'REMOVED') and ${readableCases(viewer, now)})`;
  const ownUpload = sql`(${documents.status} = 'PENDING' and ${uploadedBy(viewer)})`;
  if (viewer.kind === 'citizen') return sql`((${onCase} and ${documents.confidentiality} = 'CITIZEN_VISIBLE') or ${ownUpload})`;
  return sql`(${onCase} or ${ownUpload})`;
}

function readableFrom(db: Executor) {
  return db.select({ document: documents, citizenId: cases.citizenId }).from(documents).leftJoin(cases, eq(cases.id, documents.caseId));
}

/** Documents by id that the viewer may read, each with the citizen of its case (whose read it is, for a representative). */
export async function readableDocumentsByIds(db: Executor, viewer: Viewer, ids: readonly string[], now: Date): Promise<(DocumentRow & { caseCitizenId: string | null })[]> {
  const valid = wellFormedUuids(ids);
  if (valid.length === 0) return [];
  const rows = await readableFrom(db).where(and(anyOf(documents.id, valid), readableDocuments(viewer, now)));
  return rows.map((row) => ({ ...row.document, caseCitizenId: row.citizenId }));
}

export interface ChecklistItem extends RequirementStatus {
  requirement: RequirementRow;
}

/**
 * For each case, the requirements of its current procedure step with where each stands; empty
 * for a case without a procedure or whose step needs no document. Documents that answer a
 * requirement are always CITIZEN_VISIBLE (attachDocument), so a citizen and staff see one list.
 */
export async function checklistsByCases(db: Executor, rows: readonly { id: string; procedureStepId: string | null }[]): Promise<ChecklistItem[][]> {
  const stepIds = [...new Set(rows.map((row) => row.procedureStepId).filter((id): id is string => id !== null))];
  if (stepIds.length === 0) return rows.map(() => []);
  const [requirements, answering] = await Promise.all([
    db.select().from(procedureStepRequirements).where(anyOf(procedureStepRequirements.stepId, stepIds)).orderBy(asc(procedureStepRequirements.position)),
    db
      .select({ caseId: documents.caseId, requirementId: documents.requirementId, review: documents.review, reviewReason: documents.reviewReason, attachedAt: documents.attachedAt })
      .from(documents)
      // CITIZEN_VISIBLE only: a citizen and staff see one list (attachDocument never files a requirement's document INTERNAL).
      .where(and(anyOf(documents.caseId, rows.map((row) => row.id)), eq(documents.status, 'ATTACHED'), eq(documents.confidentiality, 'CITIZEN_VISIBLE'), sql`${documents.requirementId} is not null`)),
  ]);
  return rows.map((row) =>
    requirements
      .filter((requirement) => requirement.stepId === row.procedureStepId)
      .map((requirement) => ({
        requirement,
        ...requirementStatus(
          answering
            .filter((document) => document.caseId === row.id && document.requirementId === requirement.id)
            .map((document) => ({ requirementId: document.requirementId, review: document.review!, reviewReason: document.reviewReason, attachedAt: document.attachedAt! })),
        ),
      })),
  );
}

export async function requirementsByIds(db: Executor, ids: readonly string[]): Promise<RequirementRow[]> {
  const valid = wellFormedUuids(ids);
  return valid.length === 0 ? [] : db.select().from(procedureStepRequirements).where(inArray(procedureStepRequirements.id, valid));
}

/** The readable documents of one case, attached first to last, a page at a time. */
export async function listCaseDocuments(db: Executor, viewer: Viewer, caseId: string, request: PageRequest, maxPageSize: number, now: Date): Promise<CountedPage<DocumentRow>> {
  const { limit, after } = readPageRequest(request, maxPageSize, ['timestamp', 'uuid']);
  if (!isUuid(caseId)) return emptyPage();
  const matching = and(eq(documents.caseId, caseId), readableDocuments(viewer, now));
  const rows = await readableFrom(db)
    .where(and(matching, after ? sql`(${documents.attachedAt}, ${documents.id}) > (${after[0]}::timestamptz, ${String(after[1])}::uuid)` : undefined))
    .orderBy(asc(documents.attachedAt), asc(documents.id))
    .limit(limit + 1);
  return toPage(
    rows.map((row) => row.document),
    limit,
    (document) => [document.attachedAt!.toISOString(), document.id],
    () => countOf(db.select(COUNT).from(documents).leftJoin(cases, eq(cases.id, documents.caseId)).where(matching)),
  );
}

/**
 * A document whose content the viewer may download: readable (the same rule as the Document
 * type), not removed. A staff download of a citizen's document is written to the access log
 * first, as the field "document" ("who consulted my file"), and so is a representative's download
 * of a document of the person they represent. Undefined when missing or not readable.
 */
export async function documentForDownload(db: Executor, viewer: Viewer, documentId: string, requestId: string, now: Date): Promise<DocumentRow | undefined> {
  const [found] = await readableFrom(db)
    .where(and(eq(documents.id, uuidOrNil(documentId)), inArray(documents.status, ['ATTACHED', 'PENDING']), readableDocuments(viewer, now)))
    .limit(1);
  const document = found?.document;
  if (!document) return undefined;
  if (found.citizenId) await recordPersonalDataReads(db, viewer, requestId, [{ citizenId: found.citizenId, field: 'document' }], document.caseId);
  if (viewer.kind === 'citizen' && document.caseId && found.citizenId !== viewer.citizenId) {
    await recordRepresentativeReads(db, viewer.citizenId, [document.caseId], requestId, now, 'document');
  }
  return document;
}

/** The documents each step requires, in order. */
export async function requirementsByStepIds(db: Executor, stepIds: readonly string[]): Promise<RequirementRow[][]> {
  const valid = wellFormedUuids(stepIds);
  const rows = valid.length === 0 ? [] : await db.select().from(procedureStepRequirements).where(anyOf(procedureStepRequirements.stepId, valid)).orderBy(asc(procedureStepRequirements.position));
  return stepIds.map((stepId) => rows.filter((row) => row.stepId === stepId));
}
