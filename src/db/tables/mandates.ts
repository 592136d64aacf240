import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import {
  MANDATE_GRANTOR_KINDS,
  MANDATE_RIGHTS,
  MANDATE_SCOPES,
  type MandateGrantorKind,
  type MandateRights,
  type MandateScope,
} from '../../domain/vocabulary.js';
import { cases } from './cases.js';
import { citizens } from './citizens.js';
import { createdAt, isOneOf } from './columns.js';
import { documents } from './documents.js';
import { agents } from './organisation.js';

/**
 * A citizen's permission for someone else to follow (READ) or also act on (ACT) their cases
 * (issue 21): a relative or a social worker who is a citizen of the portal, or, recorded by an
 * agent for a caller, a named contact of an organisation. Its status is computed from the dates
 * and the revocation (domain/mandates.ts), so that expiry needs no job.
 */
export const mandates = pgTable(
  'mandates',
  {
    id: uuid().primaryKey().defaultRandom(),
    representedCitizenId: uuid()
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    /** The representative when they are a citizen (who signs in on the portal). */
    representativeCitizenId: uuid().references(() => citizens.id, { onDelete: 'cascade' }),
    /** Otherwise their name and organisation, e.g. a social worker of a CPAS calling the 1718. */
    representativeName: text(),
    representativeOrganisation: text(),
    scope: text().$type<MandateScope>().notNull(),
    /** For the scope THEMES: theme codes (a theme covers its sub-themes). */
    themeCodes: text().array().notNull().default([]),
    /** For the scope ONE_CASE. */
    caseId: uuid().references(() => cases.id, { onDelete: 'cascade' }),
    rights: text().$type<MandateRights>().notNull(),
    validFrom: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    validUntil: timestamp({ withTimezone: true, precision: 3 }),
    grantedByKind: text().$type<MandateGrantorKind>().notNull(),
    grantedByAgentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    /** How an agent checked the proof (required when an agent records the mandate). */
    proofNote: text(),
    proofDocumentId: uuid().references(() => documents.id, { onDelete: 'set null' }),
    revokedAt: timestamp({ withTimezone: true, precision: 3 }),
    revokedByKind: text().$type<'CITIZEN' | 'AGENT'>(),
    createdAt: createdAt(),
  },
  (table) => [
    check('mandates_scope_check', isOneOf(table.scope, MANDATE_SCOPES)),
    check('mandates_rights_check', isOneOf(table.rights, MANDATE_RIGHTS)),
    check('mandates_granted_by_kind_check', isOneOf(table.grantedByKind, MANDATE_GRANTOR_KINDS)),
    check('mandates_revoked_by_kind_check', isOneOf(table.revokedByKind, MANDATE_GRANTOR_KINDS)),
    check('mandates_representative_check', sql`(${table.representativeCitizenId} is null) <> (${table.representativeName} is null)`),
    check('mandates_not_self_check', sql`${table.representativeCitizenId} is distinct from ${table.representedCitizenId}`),
    check('mandates_scope_details_check', sql`(${table.scope} = 'THEMES') = (cardinality(${table.themeCodes}) > 0) and (${table.scope} = 'ONE_CASE') = (${table.caseId} is not null)`),
    check('mandates_dates_check', sql`${table.validUntil} is null or ${table.validUntil} > ${table.validFrom}`),
    check('mandates_agent_proof_check', sql`${table.grantedByKind} <> 'AGENT' or ${table.proofNote} is not null`),
    check('mandates_revocation_check', sql`(${table.revokedAt} is null) = (${table.revokedByKind} is null)`),
    index('mandates_represented_idx').on(table.representedCitizenId),
    index('mandates_representative_idx').on(table.representativeCitizenId),
  ],
);
