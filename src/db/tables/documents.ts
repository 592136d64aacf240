import { bigint, check, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import {
  ACTOR_KINDS,
  type ActorKind,
  DOCUMENT_CONFIDENTIALITIES,
  DOCUMENT_KINDS,
  DOCUMENT_REVIEWS,
  DOCUMENT_STATUSES,
  type DocumentConfidentiality,
  type DocumentKind,
  type DocumentReview,
  type DocumentStatus,
  UPLOADER_KINDS,
  type UploaderKind,
} from '../../domain/vocabulary.js';
import { cases } from './cases.js';
import { procedureStepRequirements } from './catalogue.js';
import { citizens } from './citizens.js';
import { isOneOf } from './columns.js';
import { messages } from './exchanges.js';
import { interactions } from './interactions.js';
import { agents, services } from './organisation.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite hands back a Uint8Array, postgres.js a Buffer: one type for the rest of the code.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

/**
 * A file a citizen, an agent or a service account uploaded (issue 20). Its bytes are in
 * `document_contents` (services/documents/storage.ts). Size and SHA-256 are known once the
 * upload has finished: null only while UPLOADING.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    status: text().$type<DocumentStatus>().notNull(),
    /** As the uploader named it (a path is cut to its last part). */
    fileName: text().notNull(),
    /** Sniffed from the bytes, never taken from the client. */
    contentType: text().notNull(),
    size: bigint({ mode: 'number' }),
    /** Lowercase hex. */
    sha256: text(),
    uploadedByKind: text().$type<UploaderKind>().notNull(),
    uploadedByAgentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    uploadedByCitizenId: uuid().references(() => citizens.id, { onDelete: 'set null' }),
    uploadedByServiceId: uuid().references(() => services.id, { onDelete: 'set null' }),
    uploadedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    /** Until when an unattached upload is kept (uploaded_at + 24 h); null once attached. */
    expiresAt: timestamp({ withTimezone: true, precision: 3 }),
    // Set by attachDocument (ATTACHED and REMOVED documents have them all).
    caseId: uuid().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text().$type<DocumentKind>(),
    confidentiality: text().$type<DocumentConfidentiality>(),
    attachedAt: timestamp({ withTimezone: true, precision: 3 }),
    /** The step requirement it answers, the message it came with or the interaction it was received in. */
    requirementId: uuid().references(() => procedureStepRequirements.id, { onDelete: 'set null' }),
    messageId: uuid().references(() => messages.id, { onDelete: 'set null' }),
    interactionId: uuid().references(() => interactions.id, { onDelete: 'set null' }),
    review: text().$type<DocumentReview>(),
    /** Why it was rejected (or a remark on acceptance); erased with the citizen's data. */
    reviewReason: text(),
    reviewedAt: timestamp({ withTimezone: true, precision: 3 }),
    reviewedByKind: text().$type<ActorKind>(),
    reviewedByAgentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    /** When its bytes were deleted (removeDocument, or the citizen's erasure). */
    removedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (table) => [
    check('documents_status_check', isOneOf(table.status, DOCUMENT_STATUSES)),
    check('documents_uploaded_by_kind_check', isOneOf(table.uploadedByKind, UPLOADER_KINDS)),
    check('documents_complete_check', sql`${table.status} = 'UPLOADING' or (${table.size} is not null and ${table.sha256} is not null)`),
    check('documents_size_check', sql`${table.size} >= 0`),
    check('documents_sha256_check', sql`${table.sha256} ~ '^[0-9a-f]{64}$'`),
    check('documents_kind_check', isOneOf(table.kind, DOCUMENT_KINDS)),
    check('documents_confidentiality_check', isOneOf(table.confidentiality, DOCUMENT_CONFIDENTIALITIES)),
    check('documents_review_check', isOneOf(table.review, DOCUMENT_REVIEWS)),
    check('documents_reviewed_by_kind_check', isOneOf(table.reviewedByKind, ACTOR_KINDS)),
    check(
      'documents_attached_check',
      sql`${table.status} in ('UPLOADING', 'PENDING') or (${table.caseId} is not null and ${table.kind} is not null and ${table.confidentiality} is not null and ${table.review} is not null and ${table.attachedAt} is not null)`,
    ),
    check('documents_removed_check', sql`(${table.status} = 'REMOVED') = (${table.removedAt} is not null)`),
    check('documents_expiry_check', sql`${table.status} not in ('UPLOADING', 'PENDING') or ${table.expiresAt} is not null`),
    // The clean-up's look-up: unattached uploads by expiry.
    index('documents_unattached_expires_idx')
      .on(table.expiresAt)
      .where(sql`${table.status} in ('UPLOADING', 'PENDING')`),
    index('documents_uploaded_by_citizen_idx').on(table.uploadedByCitizenId),
    index('documents_case_idx').on(table.caseId, table.attachedAt),
  ],
);

/** A document's bytes in chunks of a few hundred KB, read back in `chunk_index` order. */
export const documentContents = pgTable(
  'document_contents',
  {
    documentId: uuid()
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    chunkIndex: integer().notNull(),
    bytes: bytea().notNull(),
  },
  (table) => [primaryKey({ columns: [table.documentId, table.chunkIndex] }), check('document_contents_chunk_index_check', sql`${table.chunkIndex} >= 0`)],
);
