import { check, date, integer, jsonb, pgTable, text, time } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { CLOSURE_DAY_KINDS, type ClosureDayKind, type Labels } from '../../domain/vocabulary.js';
import { createdAt, isOneOf } from './columns.js';

/** Opening hours per ISO weekday (1 = Monday); a weekday without a row is closed. */
export const businessHours = pgTable(
  'business_hours',
  {
    weekday: integer().primaryKey(),
    opensAt: time().notNull(),
    closesAt: time().notNull(),
  },
  (table) => [
    check('business_hours_weekday_check', sql`${table.weekday} between 1 and 7`),
    check('business_hours_range_check', sql`${table.opensAt} < ${table.closesAt}`),
  ],
);

/** Days the contact centre is closed: public holidays, regional days, configured closures. */
export const closureDays = pgTable(
  'closure_days',
  {
    day: date({ mode: 'string' }).primaryKey(),
    kind: text().$type<ClosureDayKind>().notNull(),
    labels: jsonb().$type<Labels>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [check('closure_days_kind_check', isOneOf(table.kind, CLOSURE_DAY_KINDS))],
);
