import { boolean, check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import {
  AGENT_ROLES,
  AUTHORITY_LEVELS,
  type AgentRole,
  type AuthorityLevel,
  type Labels,
  LANGUAGES,
  type Language,
  LINES,
  type Line,
  SERVICE_KINDS,
  type ServiceKind,
} from '../../domain/vocabulary.js';
import { allOneOf, createdAt, isOneOf, updatedAt } from './columns.js';

export const departments = pgTable('departments', {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  labels: jsonb().$type<Labels>().notNull(),
  createdAt: createdAt(),
});

/** An organisational unit: the 1718 itself, a business service, an expert unit, or an external authority. */
export const services = pgTable(
  'services',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    labels: jsonb().$type<Labels>().notNull(),
    departmentId: uuid().references(() => departments.id, { onDelete: 'restrict' }),
    line: text().$type<Line>().notNull(),
    kind: text().$type<ServiceKind>().notNull(),
    authorityLevel: text().$type<AuthorityLevel>(),
    phone: text(),
    email: text(),
    website: text(),
    address: text(),
    openingHours: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('services_line_check', isOneOf(table.line, LINES)),
    check('services_kind_check', isOneOf(table.kind, SERVICE_KINDS)),
    check('services_authority_level_check', isOneOf(table.authorityLevel, AUTHORITY_LEVELS)),
    index('services_department_idx').on(table.departmentId),
    index('services_line_kind_idx').on(table.line, table.kind),
  ],
);

export const agents = pgTable(
  'agents',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The JWT subject of an agent. */
    login: text().notNull().unique(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    email: text(),
    role: text().$type<AgentRole>().notNull(),
    serviceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    languages: text().array().$type<Language[]>().notNull().default(['fr']),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('agents_role_check', isOneOf(table.role, AGENT_ROLES)),
    check('agents_languages_check', allOneOf(table.languages, LANGUAGES)),
    index('agents_service_login_idx').on(table.serviceId, table.login),
  ],
);

/** A back-office application acting for one service; its JWT subject is `subject`. */
export const serviceAccounts = pgTable(
  'service_accounts',
  {
    id: uuid().primaryKey().defaultRandom(),
    subject: text().notNull().unique(),
    name: text().notNull(),
    serviceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (table) => [index('service_accounts_service_idx').on(table.serviceId)],
);

/** Espaces Wallonie: the regional counters where citizens are received in person. */
export const counters = pgTable('counters', {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  labels: jsonb().$type<Labels>().notNull(),
  city: text().notNull(),
  postalCode: text().notNull(),
  address: text().notNull(),
  phone: text(),
  openingHours: text().notNull(),
  createdAt: createdAt(),
});
