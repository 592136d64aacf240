import { boolean, check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import {
  ASSISTANCE_NEEDS,
  type AssistanceNeed,
  CONTACT_POINT_KINDS,
  type ContactPointKind,
  LANGUAGES,
  type Language,
} from '../../domain/vocabulary.js';
import { allOneOf, createdAt, isOneOf, updatedAt } from './columns.js';

export const citizens = pgTable(
  'citizens',
  {
    id: uuid().primaryKey().defaultRandom(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    preferredLanguage: text().$type<Language>().notNull().default('fr'),
    /** National register number, AES-256-GCM encrypted with the configured key; never logged. */
    nationalNumberEncrypted: text(),
    /** Keyed hash (HMAC-SHA-256) of the national register number, for exact look-ups. */
    nationalNumberHash: text().unique('citizens_national_number_hash_unique'),
    assistanceNeeds: text().array().$type<AssistanceNeed[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('citizens_language_check', isOneOf(table.preferredLanguage, LANGUAGES)),
    check('citizens_assistance_needs_check', allOneOf(table.assistanceNeeds, ASSISTANCE_NEEDS)),
    check(
      'citizens_national_number_pair_check',
      sql`(${table.nationalNumberEncrypted} is null) = (${table.nationalNumberHash} is null)`,
    ),
    index('citizens_family_given_name_idx').on(sql`lower(${table.familyName})`, sql`lower(${table.givenName})`),
  ],
);

/** Email addresses, phone numbers and postal addresses by which a citizen is reached or recognised. */
export const contactPoints = pgTable(
  'contact_points',
  {
    id: uuid().primaryKey().defaultRandom(),
    citizenId: uuid()
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    kind: text().$type<ContactPointKind>().notNull(),
    value: text().notNull(),
    /** Lower-cased email, digits-only phone: what look-ups compare. */
    normalizedValue: text().notNull(),
    isPrimary: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [
    check('contact_points_kind_check', isOneOf(table.kind, CONTACT_POINT_KINDS)),
    index('contact_points_citizen_idx').on(table.citizenId),
    index('contact_points_lookup_idx').on(table.kind, table.normalizedValue),
  ],
);
