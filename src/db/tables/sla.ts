import { check, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { SLA_KINDS, type SlaKind } from '../../domain/sla.js';
import { CHANNELS, type Channel, LINES, type Line } from '../../domain/vocabulary.js';
import { procedures, themes } from './catalogue.js';
import { createdAt, isOneOf } from './columns.js';

/** Business-time budgets of deadlines; the most specific matching row applies (see domain/sla.ts). */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().$type<SlaKind>().notNull(),
    channel: text().$type<Channel>(),
    themeId: uuid().references(() => themes.id, { onDelete: 'cascade' }),
    line: text().$type<Line>(),
    procedureId: uuid().references(() => procedures.id, { onDelete: 'cascade' }),
    businessMinutes: integer().notNull(),
    atRiskPercent: integer().notNull().default(80),
    createdAt: createdAt(),
  },
  (table) => [
    check('sla_policies_kind_check', isOneOf(table.kind, SLA_KINDS)),
    check('sla_policies_channel_check', isOneOf(table.channel, CHANNELS)),
    check('sla_policies_line_check', isOneOf(table.line, LINES)),
    check('sla_policies_minutes_check', sql`${table.businessMinutes} > 0`),
    check('sla_policies_at_risk_check', sql`${table.atRiskPercent} between 1 and 100`),
    // One budget per combination of criteria (an absent criterion counts as a value).
    unique('sla_policies_criteria_unique').on(table.kind, table.channel, table.themeId, table.line, table.procedureId).nullsNotDistinct(),
  ],
);
