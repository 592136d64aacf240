import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { DOCUMENT_KINDS, type DocumentKind, type Labels, PUBLICATION_FORMATS, type PublicationFormat } from '../../domain/vocabulary.js';
import type { ProcedureForm } from '../../domain/procedure-form.js';
import { createdAt, isOneOf, updatedAt } from './columns.js';
import { services } from './organisation.js';

/** The hierarchical taxonomy of questions, with routing flags. */
export const themes = pgTable(
  'themes',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    parentId: uuid().references((): AnyPgColumn => themes.id, { onDelete: 'restrict' }),
    labels: jsonb().$type<Labels>().notNull(),
    defaultServiceId: uuid().references(() => services.id, { onDelete: 'set null' }),
    /** Contacts on this theme are not handled by the first line (e.g. personal tax files). */
    firstLineExcluded: boolean().notNull().default(false),
    redirectServiceId: uuid().references(() => services.id, { onDelete: 'set null' }),
    redirectMessage: jsonb().$type<Labels>(),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('themes_labels_fr_check', sql`${table.labels} ? 'fr'`),
    check(
      'themes_excluded_has_redirect_check',
      sql`not ${table.firstLineExcluded} or ${table.redirectServiceId} is not null`,
    ),
    index('themes_parent_position_idx').on(table.parentId, table.position),
  ],
);

export const procedures = pgTable(
  'procedures',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    labels: jsonb().$type<Labels>().notNull(),
    description: jsonb().$type<Labels>(),
    themeId: uuid()
      .notNull()
      .references(() => themes.id, { onDelete: 'restrict' }),
    ownerServiceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    expectedDurationDays: integer().notNull(),
    url: text(),
    allowsSkippingSteps: boolean().notNull().default(false),
    /** What the online form asks (fields, their types, which are required); null: any answers object. */
    form: jsonb().$type<ProcedureForm>(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('procedures_labels_fr_check', sql`${table.labels} ? 'fr'`),
    check('procedures_duration_check', sql`${table.expectedDurationDays} > 0`),
    index('procedures_theme_idx').on(table.themeId),
    index('procedures_owner_service_idx').on(table.ownerServiceId),
  ],
);

export const procedureSteps = pgTable(
  'procedure_steps',
  {
    id: uuid().primaryKey().defaultRandom(),
    procedureId: uuid()
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    code: text().notNull(),
    labels: jsonb().$type<Labels>().notNull(),
    expectedDays: integer(),
  },
  (table) => [
    unique('procedure_steps_code_unique').on(table.procedureId, table.code),
    unique('procedure_steps_position_unique').on(table.procedureId, table.position),
    check('procedure_steps_position_check', sql`${table.position} >= 1`),
  ],
);

export const publications = pgTable(
  'publications',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    labels: jsonb().$type<Labels>().notNull(),
    description: jsonb().$type<Labels>(),
    themeId: uuid().references(() => themes.id, { onDelete: 'set null' }),
    publisherServiceId: uuid().references(() => services.id, { onDelete: 'set null' }),
    format: text().$type<PublicationFormat>().notNull(),
    free: boolean().notNull().default(true),
    available: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (table) => [
    check('publications_format_check', isOneOf(table.format, PUBLICATION_FORMATS)),
    index('publications_theme_idx').on(table.themeId),
  ],
);

/**
 * A document a procedure step needs before the case may move past it (issue 20): one of
 * DOCUMENT_KINDS, named in every language. Case.documentChecklist shows them for the current step.
 */
export const procedureStepRequirements = pgTable(
  'procedure_step_requirements',
  {
    id: uuid().primaryKey().defaultRandom(),
    stepId: uuid()
      .notNull()
      .references(() => procedureSteps.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    position: integer().notNull(),
    kind: text().$type<DocumentKind>().notNull(),
    labels: jsonb().$type<Labels>().notNull(),
  },
  (table) => [
    unique('procedure_step_requirements_code_unique').on(table.stepId, table.code),
    check('procedure_step_requirements_kind_check', isOneOf(table.kind, DOCUMENT_KINDS)),
    check('procedure_step_requirements_labels_fr_check', sql`${table.labels} ? 'fr'`),
  ],
);
