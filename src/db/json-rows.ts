import type { Column } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';

// Rows read as JSON built by Postgres (json_build_object), for reads that fetch a list and its
// relations in one statement: JavaScript then parses one value per row instead of mapping each
// column through Drizzle.

/**
 * The SQL text of the columns as a JSON object keyed by their TypeScript names, for `table` (a
 * table or an alias). Kept as text and used as one raw chunk: Drizzle renders an SQL of many
 * chunks anew on every request.
 */
export function jsonObjectOf(table: string, columns: Record<string, Column>): string {
  const pairs = Object.entries(columns).map(([key, column]) => {
    if (!/^\w+$/.test(key) || !/^\w+$/.test(table)) throw new Error(`Not a plain name: ${table}.${key}`);
    return `'${key}', "${table}"."${column.keyAsName ? toSnakeCase(column.name) : column.name}"`;
  });
  return `json_build_object(${pairs.join(', ')})`;
}

/** jsonObjectOf for the table of a left join: null when it found no row (its id is null). */
export function jsonObjectOrNullOf(table: string, columns: Record<string, Column>): string {
  return `case when "${table}"."id" is null then null else ${jsonObjectOf(table, columns)} end`;
}

/**
 * A row from the JSON of jsonObjectOf, each column decoded as a select would (timestamps become
 * Dates). Columns the JSON leaves out stay absent.
 */
export function rowFromJson<Row>(columns: Record<string, Column>, json: Record<string, unknown>): Row {
  const row: Record<string, unknown> = {};
  for (const key in json) {
    const value = json[key];
    row[key] = value === null ? null : columns[key]!.mapFromDriverValue(value);
  }
  return row as Row;
}
