import { InvalidTransitionError, NotFoundError, ValidationError } from '../../domain/errors.js';
import type { DocumentConfidentiality, DocumentKind } from '../../domain/vocabulary.js';
import { attachDocument, type DocumentResult, removeDocument, reviewDocument } from '../../services/documents/attachments.js';
import type { CaseRow } from '../../services/case-reads.js';
import type { DocumentRow } from '../../services/documents/reads.js';
import type { ObjectRef } from '@pothos/core';
import { builder, type Types } from '../builder.js';
import { Interaction } from '../interaction.js';
import { Message } from '../portal.js';
import { Case } from '../case.js';
import { Document, DocumentConfidentialityEnum, DocumentKindEnum, DocumentRequirement, DocumentReviewEnum } from './document.js';

const STAFF = { staff: true } as const;
const STAFF_OR_CITIZEN = { $any: { staff: true, citizen: true } } as const;
const ERRORS = { types: [ValidationError, NotFoundError, InvalidTransitionError], directResult: true as const };

const DocumentPayload = (name: string, description: string, authScopes: typeof STAFF | typeof STAFF_OR_CITIZEN) =>
  builder.objectRef<{ document: DocumentRow; case: CaseRow | null }>(name).implement({
    description,
    authScopes,
    fields: (t) => ({
      document: t.field({ type: Document, description: 'The document after the change.', resolve: (result) => result.document }),
      case: t.field({ type: Case, nullable: true, description: 'Its case after the change; null for an upload that was never attached.', resolve: (result) => result.case }),
    }),
  });

const AttachDocumentInput = builder.inputType('AttachDocumentInput', {
  description: 'An upload of yours (POST /documents) and the case it belongs to.',
  fields: (t) => ({
    uploadId: t.globalID({ required: true, for: Document, description: 'The global id POST /documents answered as uploadId; attachable for 24 h.' }),
    caseId: t.globalID({ required: true, for: Case, description: 'The global id of the case (a citizen: one of their own).' }),
    kind: t.field({ type: DocumentKindEnum, required: true, description: 'What it is.' }),
    requirementId: t.globalID({ required: false, for: DocumentRequirement, description: 'The global id of the requirement of the procedure it answers (Case.documentChecklist); it is then CITIZEN_VISIBLE.' }),
    messageId: t.globalID({ required: false, for: Message, description: 'The global id of a message of the case it came with.' }),
    interactionId: t.globalID({ required: false, for: Interaction as unknown as ObjectRef<Types, unknown>, description: 'The global id of the interaction it was received in (a letter scanned at the counter, an e-mail attachment). Staff only.' }),
    confidentiality: t.field({
      type: DocumentConfidentialityEnum,
      required: false,
      description: 'CITIZEN_VISIBLE when omitted. A citizen’s documents are always CITIZEN_VISIBLE; staff may make theirs INTERNAL.',
    }),
  }),
});

builder.mutationField('attachDocument', (t) =>
  t.field({
    type: DocumentPayload('AttachDocumentSuccess', 'The document is on the case, pending review; a DOCUMENT_ATTACHED event is on its timeline.', STAFF_OR_CITIZEN),
    description: 'Attaches one of your uploads to a case you may read: a citizen to their own cases; staff to the cases they read. Someone else’s upload is not found.',
    authScopes: STAFF_OR_CITIZEN,
    errors: ERRORS,
    args: { input: t.arg({ type: AttachDocumentInput, required: true, description: 'The upload and where it goes.' }) },
    resolve: (_root, { input }, context): Promise<DocumentResult> =>
      attachDocument(
        context.db,
        context.viewer,
        {
          uploadId: input.uploadId.id,
          caseId: input.caseId.id,
          kind: input.kind as DocumentKind,
          requirementId: input.requirementId?.id,
          messageId: input.messageId?.id,
          interactionId: input.interactionId?.id,
          confidentiality: input.confidentiality as DocumentConfidentiality | null | undefined,
        },
        context.now,
      ),
  }),
);

const ReviewDocumentInput = builder.inputType('ReviewDocumentInput', {
  description: 'The verdict on an attached document.',
  fields: (t) => ({
    documentId: t.globalID({ required: true, for: Document, description: 'The global id of the document.' }),
    decision: t.field({ type: DocumentReviewEnum, required: true, description: 'ACCEPTED or REJECTED.' }),
    reason: t.string({ required: false, description: 'Why (required to reject, up to 1,000 characters); the citizen reads it.' }),
  }),
});

builder.mutationField('reviewDocument', (t) =>
  t.field({
    type: DocumentPayload('ReviewDocumentSuccess', 'The document is reviewed; a DOCUMENT_REVIEWED event is on the case.', STAFF),
    description: 'Accepts or rejects an attached document, once. The service that holds the case (or a supervisor) only.',
    authScopes: STAFF,
    errors: ERRORS,
    args: { input: t.arg({ type: ReviewDocumentInput, required: true, description: 'The document and the verdict.' }) },
    resolve: (_root, { input }, context) => {
      if (input.decision === 'PENDING') throw new ValidationError([{ path: ['input', 'decision'], message: 'ACCEPTED or REJECTED.' }]);
      return reviewDocument(context.db, context.viewer, { documentId: input.documentId.id, decision: input.decision, reason: input.reason }, context.now);
    },
  }),
);

const RemoveDocumentInput = builder.inputType('RemoveDocumentInput', {
  description: 'A document (or an upload not attached yet) to remove.',
  fields: (t) => ({
    documentId: t.globalID({ required: true, for: Document, description: 'The global id of the document or upload.' }),
  }),
});

builder.mutationField('removeDocument', (t) =>
  t.field({
    type: DocumentPayload('RemoveDocumentSuccess', 'The document’s content is deleted; on a case its description and a DOCUMENT_REMOVED event stay.', STAFF_OR_CITIZEN),
    description: 'Removes a document nobody accepted (an upload, or an attached one pending review or rejected), by its uploader or by staff who may read the case.',
    authScopes: STAFF_OR_CITIZEN,
    errors: ERRORS,
    args: { input: t.arg({ type: RemoveDocumentInput, required: true, description: 'The document to remove.' }) },
    resolve: (_root, { input }, context) => removeDocument(context.db, context.documentStore, context.viewer, input.documentId.id, context.now),
  }),
);
