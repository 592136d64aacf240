import { Column } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';

// Rows read as JSON built by Postgres (json_build_object), for reads that fetch a list and its
// relations in one statement: JavaScript then parses one value per row instead of mapping each
// column through Drizzle, and reads only the columns the request needs.

/**
 * Texts rendered so far, by table and set of names. The sets follow the fields a request asks, so
 * a client could ask ever-new combinations: the oldest text is dropped beyond this many.
 */
export const RENDERED_TEXTS_LIMIT = 1_000;
const rendered = new Map<string, string>();

/** How many texts are kept now (for tests). */
export const renderedTextCount = () => rendered.size;

/**
 * The SQL text of a JSON object of the named columns (all of them when `names` is undefined),
 * keyed by their TypeScript names, for `table` (a table or an alias). Rendered once per table and
 * set of names and used as one raw chunk: Drizzle renders an SQL of many chunks anew on every
 * request.
 */
export function jsonObjectOf(table: string, columns: Record<string, Column>, names?: readonly string[]): string {
  const keys = names ? [...new Set(names)].sort() : Object.keys(columns);
  const cacheKey = `${table}|${keys.join(',')}`;
  let text = rendered.get(cacheKey);
  if (text === undefined) {
    const pairs = keys.map((key) => {
      const column = columns[key];
      if (!column) throw new Error(`${table} has no column ${key}`);
      if (!/^\w+$/.test(key) || !/^\w+$/.test(table)) throw new Error(`Not a plain name: ${table}.${key}`);
      return `'${key}', "${table}"."${column.keyAsName ? toSnakeCase(column.name) : column.name}"`;
    });
    text = `json_build_object(${pairs.join(', ')})`;
    // Oldest first out: the map keeps insertion order.
    if (rendered.size >= RENDERED_TEXTS_LIMIT) rendered.delete(rendered.keys().next().value!);
    rendered.set(cacheKey, text);
  }
  return text;
}

/** jsonObjectOf for the table of a left join: null when it found no row (its id is null). */
export function jsonObjectOrNullOf(table: string, columns: Record<string, Column>, names?: readonly string[]): string {
  return `case when "${table}"."id" is null then null else ${jsonObjectOf(table, columns, names)} end`;
}

const decodedKeysOf = new WeakMap<Record<string, Column>, string[]>();

/** The keys whose columns decode their values (timestamps, arrays…): the others are taken as parsed. */
function decodedKeys(columns: Record<string, Column>): string[] {
  let keys = decodedKeysOf.get(columns);
  if (!keys) {
    const identity = Column.prototype.mapFromDriverValue;
    keys = Object.keys(columns).filter((key) => columns[key]!.mapFromDriverValue !== identity);
    decodedKeysOf.set(columns, keys);
  }
  return keys;
}

/**
 * A row from the JSON of jsonObjectOf, each column decoded as a select would (timestamps become
 * Dates), in place: the parsed object is the row. Columns the JSON leaves out stay absent.
 */
export function rowFromJson<Row>(columns: Record<string, Column>, json: Record<string, unknown>): Row {
  for (const key of decodedKeys(columns)) {
    const value = json[key];
    if (value !== null && value !== undefined) json[key] = columns[key]!.mapFromDriverValue(value);
  }
  return json as Row;
}
