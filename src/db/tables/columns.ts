import { type AnyPgColumn, customType, timestamp } from 'drizzle-orm/pg-core';
import { type SQL, sql } from 'drizzle-orm';

/** `column IN ('A', 'B', …)` for a check constraint built from a domain vocabulary tuple. */
export function isOneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  const list = values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ');
  return sql`${column} in (${sql.raw(list)})`;
}

/** Every element of a text[] column belongs to the vocabulary. */
export function allOneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  const list = values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ');
  return sql`${column} <@ array[${sql.raw(list)}]::text[]`;
}

export const createdAt = () => timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow();
export const updatedAt = () => timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow();

/** Postgres' 64-bit transaction id; compared with pg_snapshot_xmin to hand out only committed events. */
export const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });
