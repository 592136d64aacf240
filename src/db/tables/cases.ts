import { check, customType, index, integer, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import {
  CASE_STATUSES,
  CHANNELS,
  CONFIDENTIALITY_LEVELS,
  type CaseStatus,
  type Channel,
  type Confidentiality,
  LANGUAGES,
  LINES,
  type Language,
  type Line,
  PRIORITIES,
  type Priority,
  RESOLUTIONS,
  type Resolution,
} from '../../domain/vocabulary.js';
import { procedureSteps, procedures, themes } from './catalogue.js';
import { citizens } from './citizens.js';
import { createdAt, isOneOf, updatedAt } from './columns.js';
import { agents, services } from './organisation.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The single-window case: every contact of every channel lands on one of these. */
export const cases = pgTable(
  'cases',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human reference read out to citizens, e.g. 1718-2026-000123. */
    reference: text().notNull().unique(),
    /** Hash of the tracking code given to the citizen for portal tracking without login. */
    trackingCodeHash: text(),
    citizenId: uuid().references(() => citizens.id, { onDelete: 'restrict' }),
    themeId: uuid()
      .notNull()
      .references(() => themes.id, { onDelete: 'restrict' }),
    subject: text().notNull(),
    description: text(),
    status: text().$type<CaseStatus>().notNull().default('NEW'),
    resolution: text().$type<Resolution>(),
    priority: text().$type<Priority>().notNull().default('NORMAL'),
    /** Priority as a number (LOW 1 … URGENT 4), so that ordering by priority can use an index. */
    priorityRank: smallint()
      .notNull()
      .generatedAlwaysAs(sql`case priority when 'LOW' then 1 when 'NORMAL' then 2 when 'HIGH' then 3 else 4 end`),
    originChannel: text().$type<Channel>().notNull(),
    language: text().$type<Language>().notNull().default('fr'),
    currentLine: text().$type<Line>().notNull().default('FIRST'),
    serviceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    /** The citizen's single referent, kept across handoffs. */
    referentAgentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    assigneeAgentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    procedureId: uuid().references(() => procedures.id, { onDelete: 'restrict' }),
    procedureStepId: uuid().references(() => procedureSteps.id, { onDelete: 'restrict' }),
    confidentiality: text().$type<Confidentiality>().notNull().default('NORMAL'),
    /** When the case should be resolved (RESOLUTION policy, pushed by the time waited for the citizen). */
    dueAt: timestamp({ withTimezone: true, precision: 3 }),
    /** When the resolution deadline becomes at risk (the policy's share of its budget). */
    atRiskAt: timestamp({ withTimezone: true, precision: 3 }),
    /** When the first answer is due (FIRST_RESPONSE policy); null when no policy applies. */
    firstResponseDueAt: timestamp({ withTimezone: true, precision: 3 }),
    /** Set while the case waits for the citizen: the SLA clock stands still since then. */
    waitingSince: timestamp({ withTimezone: true, precision: 3 }),
    resolvedAt: timestamp({ withTimezone: true, precision: 3 }),
    /** Business time from opening to resolvedAt (opening hours, holidays), for resolution-time statistics. */
    resolutionBusinessSeconds: integer(),
    closedAt: timestamp({ withTimezone: true, precision: 3 }),
    /**
     * Accent-free French and German words of the reference, subject, description and the
     * interaction summaries; refreshed by the services whenever one of those changes.
     */
    searchVector: tsvector(),
    /** Optimistic concurrency: every write checks and increments it. */
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('cases_status_check', isOneOf(table.status, CASE_STATUSES)),
    check('cases_resolution_check', isOneOf(table.resolution, RESOLUTIONS)),
    check('cases_priority_check', isOneOf(table.priority, PRIORITIES)),
    check('cases_origin_channel_check', isOneOf(table.originChannel, CHANNELS)),
    check('cases_language_check', isOneOf(table.language, LANGUAGES)),
    check('cases_current_line_check', isOneOf(table.currentLine, LINES)),
    check('cases_confidentiality_check', isOneOf(table.confidentiality, CONFIDENTIALITY_LEVELS)),
    check(
      'cases_resolution_status_check',
      sql`(${table.resolution} is not null) = (${table.status} in ('RESOLVED', 'CLOSED'))`,
    ),
    check('cases_step_needs_procedure_check', sql`${table.procedureStepId} is null or ${table.procedureId} is not null`),
    check('cases_version_check', sql`${table.version} >= 1`),
    // The inbox and queues: cases(filter:, orderBy:) filters by these and orders by time.
    index('cases_service_status_updated_idx').on(table.serviceId, table.status, table.updatedAt),
    index('cases_status_updated_idx').on(table.status, table.updatedAt),
    index('cases_assignee_status_idx').on(table.assigneeAgentId, table.status),
    index('cases_referent_idx').on(table.referentAgentId),
    index('cases_citizen_created_idx').on(table.citizenId, table.createdAt),
    index('cases_theme_created_idx').on(table.themeId, table.createdAt),
    index('cases_procedure_idx').on(table.procedureId),
    // Keyset pagination: every order the API offers, with the id as tie-breaker.
    index('cases_created_at_id_idx').on(table.createdAt, table.id),
    index('cases_updated_at_id_idx').on(table.updatedAt, table.id),
    // Cases without a due date come last in due-date order, ascending or descending.
    index('cases_due_id_idx').on(sql`coalesce(${table.dueAt}, 'infinity'::timestamptz)`, table.id),
    index('cases_due_desc_id_idx').on(sql`coalesce(${table.dueAt}, '-infinity'::timestamptz)`, table.id),
    index('cases_priority_rank_id_idx').on(table.priorityRank, table.id),
    // A service's open cases by due date (the back-office inbox): most of a service's cases are
    // resolved, so the open ones get their own entries, in inbox order.
    index('cases_service_open_due_idx')
      .on(table.serviceId, sql`coalesce(${table.dueAt}, 'infinity'::timestamptz)`, table.id)
      .where(sql`${table.status} in ('NEW', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN', 'HANDED_OFF')`),
    index('cases_origin_channel_idx').on(table.originChannel),
    index('cases_current_line_status_idx').on(table.currentLine, table.status),
    index('cases_search_idx').using('gin', table.searchVector),
    // slaState and overdue filters: open cases by their at-risk and due instants.
    index('cases_at_risk_at_idx').on(table.atRiskAt),
    // Statistics: cases resolved in a period.
    index('cases_resolved_at_idx').on(table.resolvedAt),
  ],
);

/** References of a case in business back-office applications (housing premiums, permits, …). */
export const caseExternalReferences = pgTable(
  'case_external_references',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    system: text().notNull(),
    externalId: text().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    unique('case_external_references_system_id_unique').on(table.system, table.externalId),
    index('case_external_references_case_idx').on(table.caseId),
  ],
);

/** Last number handed out per year for case references; incremented under a row lock. */
export const caseReferenceCounters = pgTable(
  'case_reference_counters',
  {
    year: integer().primaryKey(),
    lastNumber: integer().notNull().default(0),
  },
  (table) => [check('case_reference_counters_number_check', sql`${table.lastNumber} >= 0`)],
);

/**
 * The words of the case search documents, against which a search's misspelt words are corrected
 * (migrations/0014): every lexeme of 4 to 40 letters without a digit that `cases.search_vector`
 * holds or held, French and German stems included. Kept by a trigger on `cases`; an erasure
 * removes the words no case holds any more. No unique index: concurrent writers of a new word
 * never wait for each other, and a rare duplicate changes no correction.
 */
export const caseSearchWords = pgTable(
  'case_search_words',
  {
    word: text().notNull(),
  },
  (table) => [
    index('case_search_words_word_idx').on(table.word),
    index('case_search_words_trgm_idx').using('gin', sql`${table.word} gin_trgm_ops`),
  ],
);
