import { RequiredDocumentsMissingError } from '../../domain/errors.js';
import { REFERENCE_LIST_BOUNDS } from '../../domain/reference-bounds.js';
import { downloadPath } from '../../domain/documents.js';
import {
  DOCUMENT_CONFIDENTIALITIES,
  DOCUMENT_KINDS,
  DOCUMENT_REVIEWS,
  type DocumentConfidentiality,
  type DocumentKind,
  type DocumentReview,
  type DocumentStatus,
  REQUIREMENT_STATES,
  type RequirementState,
} from '../../domain/vocabulary.js';
import {
  type ChecklistItem,
  checklistsByCases,
  type DocumentRow,
  listCaseDocuments,
  readableDocumentsByIds,
  type RequirementRow,
  requirementsByIds,
  requirementsByStepIds,
} from '../../services/documents/reads.js';
import { Agent } from '../agent.js';
import { builder } from '../builder.js';
import { vocabularyEnum } from '../enums.js';
import { Case, logRepresentativeReads } from '../case.js';
import { Interaction } from '../interaction.js';
import { ActorKindEnum } from '../case-event.js';
import { listSize } from '../cost.js';
import { ErrorInterface } from '../errors.js';
import { labelField, vocabularyLabelField } from '../language.js';
import { batchLoader, rowsByIdLoader } from '../loaders.js';
import { Message } from '../portal.js';
import { readableInteractionsByIds } from '../../services/case-reads.js';
import { readableMessagesByIds } from '../../services/messages.js';
import { toConnection } from '../pagination.js';
import { ProcedureStep } from '../procedure.js';

const STAFF = { staff: true } as const;
const STAFF_OR_CITIZEN = { $any: { staff: true, citizen: true } } as const;
const PUBLIC = { public: true } as const;



export const DocumentKindEnum = vocabularyEnum<DocumentKind>('DocumentKind', 'What a document is.', DOCUMENT_KINDS, {
  PROOF_OF_IDENTITY: 'An identity card, passport or residence permit.',
  PROOF_OF_OWNERSHIP: 'A title deed, a cadastral extract: who owns the property.',
  INVOICE: 'An invoice (of works, of a purchase).',
  CERTIFICATE: 'A certificate or attestation (a contractor’s, an auditor’s report, an income certificate).',
  LETTER_RECEIVED: 'A letter the citizen received (from the administration or another body), e.g. scanned at the counter.',
  LETTER_SENT: 'A letter the administration sent.',
  PHOTO: 'A photograph (of works, of a place).',
  OTHER: 'Anything else.',
});

export const DocumentConfidentialityEnum = vocabularyEnum<DocumentConfidentiality>('DocumentConfidentiality', 'Who sees an attached document.', DOCUMENT_CONFIDENTIALITIES, {
  CITIZEN_VISIBLE: 'The citizen and the staff who may read the case.',
  INTERNAL: 'Staff only: no field, download, event or webhook shows it to the citizen.',
});

export const DocumentReviewEnum = vocabularyEnum<DocumentReview>('DocumentReview', 'The owning service’s verdict on an attached document.', DOCUMENT_REVIEWS, {
  PENDING: 'Not reviewed yet.',
  ACCEPTED: 'Accepted: it stays on the case.',
  REJECTED: 'Rejected, with a reason: attach another one.',
});

const DocumentStatusEnum = builder.enumType('DocumentStatus', {
  description: 'Where a document stands.',
  values: {
    PENDING: { description: 'Uploaded, not attached yet: only its uploader sees it; deleted 24 h after the upload unless attached.' },
    ATTACHED: { description: 'On a case.' },
    REMOVED: { description: 'Removed: its content is deleted, its description stays on the case.' },
  } as const,
});

const RequirementStateEnum = vocabularyEnum<RequirementState>('DocumentRequirementState', 'Where a required document stands for a case.', REQUIREMENT_STATES, {
  MISSING: 'No document answers it yet.',
  SUBMITTED: 'A document was attached and waits for the service’s review.',
  ACCEPTED: 'The service accepted a document for it.',
  REJECTED: 'The service rejected the documents attached for it (reason given): attach another.',
});

export const DocumentRequirement = builder.objectRef<RequirementRow>('DocumentRequirement').implement({
  description: 'A document a procedure step needs before the case moves past it.',
  authScopes: PUBLIC,
  fields: (t) => ({
    id: t.globalID({ description: 'Give it as requirementId to attachDocument.', resolve: (row) => ({ type: 'DocumentRequirement', id: row.id }) }),
    code: t.exposeString('code', { description: 'A stable code within its step, e.g. WORKS_INVOICES.' }),
    kind: t.expose('kind', { type: DocumentKindEnum, description: 'What kind of document answers it.' }),
    label: labelField(t, 'What is asked, in words.', (row) => row.labels),
  }),
});

export const Document = builder.loadableNode('Document', {
  description:
    'A file on a case (or an upload not attached yet, for its uploader only). Readable like its case; a citizen sees only CITIZEN_VISIBLE documents of their own cases. The content is served at downloadUrl.',
  authScopes: STAFF_OR_CITIZEN,
  id: { resolve: (row) => row.id },
  load: async (ids: string[], context) => {
    const rows = await readableDocumentsByIds(context.db, context.viewer, ids, context.now);
    await logRepresentativeReads(context, rows.map((row) => ({ caseId: row.caseId, citizenId: row.caseCitizenId })));
    return rows;
  },
  sort: (row: DocumentRow) => row.id,
  fields: (t) => ({
    // readableDocuments never gives an upload still UPLOADING: the rows here are complete (documents_complete_check).
    status: t.field({ type: DocumentStatusEnum, description: 'Where it stands.', resolve: (row) => row.status as Exclude<DocumentStatus, 'UPLOADING'> }),
    fileName: t.exposeString('fileName', { description: 'As the uploader named it (“erased” once the citizen’s data was erased).' }),
    contentType: t.exposeString('contentType', { description: 'Found in the bytes at upload, e.g. application/pdf; never what the client claimed.' }),
    size: t.int({ description: 'Bytes.', resolve: (row) => row.size! }),
    sha256: t.string({ description: 'SHA-256 of the content, lowercase hex.', resolve: (row) => row.sha256! }),
    uploadedAt: t.field({ type: 'DateTime', description: 'When it was uploaded.', resolve: (row) => row.uploadedAt }),
    uploadedByKind: t.field({ type: ActorKindEnum, description: 'Who uploaded it: CITIZEN, AGENT or SERVICE.', resolve: (row) => row.uploadedByKind }),
    uploadedBy: t.field({ type: Agent, nullable: true, authScopes: STAFF, description: 'The agent who uploaded it; null otherwise. Staff only.', resolve: (row) => row.uploadedByAgentId }),
    kind: t.field({ type: DocumentKindEnum, nullable: true, description: 'What it is; null until attached.', resolve: (row) => row.kind }),
    kindLabel: vocabularyLabelField(t, 'DOCUMENT_KIND', 'What it is, in words; the label of OTHER until attached.', (row) => row.kind ?? 'OTHER'),
    confidentiality: t.field({ type: DocumentConfidentialityEnum, nullable: true, description: 'Who sees it; null until attached.', resolve: (row) => row.confidentiality }),
    attachedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was attached; null before.', resolve: (row) => row.attachedAt }),
    requirement: t.field({
      type: DocumentRequirement,
      nullable: true,
      description: 'The step requirement it answers; null when none.',
      resolve: (row, _args, context) =>
        row.requirementId
          ? rowsByIdLoader(context, 'documentRequirements', (ids) => requirementsByIds(context.db, ids)).load(row.requirementId)
          : null,
    }),
    review: t.field({ type: DocumentReviewEnum, nullable: true, description: 'The service’s verdict; null until attached.', resolve: (row) => row.review }),
    reviewReason: t.exposeString('reviewReason', { nullable: true, description: 'Why it was rejected (or a remark on acceptance); null when none.' }),
    reviewedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was reviewed; null before.', resolve: (row) => row.reviewedAt }),
    reviewedByKind: t.field({
      type: ActorKindEnum,
      nullable: true,
      description: 'Who reviewed it: AGENT or SERVICE (a back-office); null before.',
      resolve: (row) => row.reviewedByKind,
    }),
    reviewedBy: t.field({ type: Agent, nullable: true, authScopes: STAFF, description: 'The agent who reviewed it; null otherwise. Staff only.', resolve: (row) => row.reviewedByAgentId }),
    message: t.field({
      type: Message,
      nullable: true,
      description: 'The message of its case it was sent with; null when none.',
      resolve: (row, _args, context) =>
        row.messageId
          ? rowsByIdLoader(context, 'documentMessages', (ids) => readableMessagesByIds(context.db, context.viewer, ids, context.now)).load(row.messageId)
          : null,
    }),
    interaction: t.field({
      type: Interaction,
      nullable: true,
      authScopes: STAFF,
      description: 'The contact of its case it came with (a letter, a counter visit); null when none. Staff only.',
      resolve: (row, _args, context) =>
        row.interactionId
          ? rowsByIdLoader(context, 'documentInteractions', (ids) => readableInteractionsByIds(context.db, context.viewer, ids, context.now)).load(row.interactionId)
          : null,
    }),
    removedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was removed and its content deleted; null otherwise.', resolve: (row) => row.removedAt }),
    case: t.field({ type: Case, nullable: true, description: 'The case it is attached to; null before.', resolve: (row) => row.caseId }),
    downloadUrl: t.string({
      nullable: true,
      description: 'Where GET serves its content (with your bearer token), as a path on this server; null once removed.',
      resolve: (row) => (row.status === 'REMOVED' ? null : downloadPath(row.id)),
    }),
  }),
});

const DocumentChecklistItem = builder.objectRef<ChecklistItem>('DocumentChecklistItem').implement({
  description: 'One document the current step needs, and where it stands.',
  authScopes: STAFF_OR_CITIZEN,
  fields: (t) => ({
    requirement: t.field({ type: DocumentRequirement, description: 'What is asked.', resolve: (item) => item.requirement }),
    state: t.field({ type: RequirementStateEnum, description: 'MISSING → SUBMITTED → ACCEPTED (or REJECTED).', resolve: (item) => item.state }),
    stateLabel: vocabularyLabelField(t, 'DOCUMENT_REQUIREMENT_STATE', 'The state in words, in the asked language.', (item) => item.state),
    reason: t.string({ nullable: true, description: 'Why the service rejected it; null unless REJECTED.', resolve: (item) => item.reason }),
  }),
});

const DocumentConnection = builder.connectionObject(
  { type: Document, name: 'DocumentConnection', description: 'A page of documents.', authScopes: STAFF_OR_CITIZEN },
  { name: 'DocumentEdge', description: 'A document and its cursor.', authScopes: STAFF_OR_CITIZEN },
);

builder.objectFields(Case, (t) => ({
  documents: t.connection(
    {
      type: Document,
      authScopes: STAFF_OR_CITIZEN,
      description: 'The case’s documents, first attached first, removed ones included (without content); a citizen sees the CITIZEN_VISIBLE ones.',
      resolve: async (row, args, context) => toConnection(await listCaseDocuments(context.db, context.viewer, row.id, args, context.limits.maxPageSize, context.now)),
    },
    DocumentConnection,
  ),
  documentChecklist: t.field({
    type: [DocumentChecklistItem],
    ...listSize(REFERENCE_LIST_BOUNDS.stepRequirements),
    authScopes: STAFF_OR_CITIZEN,
    description: `The documents the procedure’s current step needs (at most ${REFERENCE_LIST_BOUNDS.stepRequirements}), each with where it stands; empty when the case follows no procedure or the step needs none. The step moves on once all are ACCEPTED.`,
    resolve: (row, _args, context) =>
      // Keyed by case and step: the checklist is the current step's.
      batchLoader(context, 'documentChecklists', (keys) =>
        checklistsByCases(
          context.db,
          keys.map((key) => {
            const [id, stepId] = key.split('/');
            return { id: id!, procedureStepId: stepId || null };
          }),
        ),
      ).load(`${row.id}/${row.procedureStepId ?? ''}`),
  }),
}));

builder.objectFields(ProcedureStep, (t) => ({
  documentRequirements: t.field({
    type: [DocumentRequirement],
    ...listSize(REFERENCE_LIST_BOUNDS.stepRequirements),
    description: `The documents the step needs before the case moves past it (at most ${REFERENCE_LIST_BOUNDS.stepRequirements}); empty when none. Public.`,
    resolve: (step, _args, context) => batchLoader(context, 'stepRequirements', (stepIds) => requirementsByStepIds(context.db, stepIds)).load(step.id),
  }),
}));

builder.objectType(RequiredDocumentsMissingError, {
  name: 'RequiredDocumentsMissingError',
  description: 'The step needs documents that are not accepted yet: the procedure did not move. The owning service may move it anyway with documentsOverrideReason.',
  interfaces: [ErrorInterface],
  authScopes: STAFF,
  fields: (t) => ({
    requirements: t.field({
      type: [DocumentRequirement],
      ...listSize(REFERENCE_LIST_BOUNDS.stepRequirements),
      description: `The requirements not accepted yet (at most ${REFERENCE_LIST_BOUNDS.stepRequirements}).`,
      resolve: async (error, _args, context) => {
        const found = await requirementsByIds(context.db, error.requirementIds);
        return error.requirementIds.map((id) => found.find((requirement) => requirement.id === id)!);
      },
    }),
  }),
});
