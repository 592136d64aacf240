import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * `column = any($1)`: the values travel as one array parameter, so the statement's text is the
 * same whatever their number. Statements are prepared once per connection (client.ts); an
 * `in ($1, …, $n)` list would make one more statement for every new length.
 */
export function anyOf(column: AnyPgColumn, values: readonly unknown[]): SQL {
  return sql`${column} = any(${sql.param([...values])}::${sql.raw(column.getSQLType())}[])`;
}
