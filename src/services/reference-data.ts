import { and, asc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { anyOf } from '../db/lists.js';
import {
  counters,
  departments,
  procedureSteps,
  procedures,
  publications,
  services,
  themes,
} from '../db/tables/index.js';
import { wellFormedUuids } from '../domain/ids.js';
import type { Line, ServiceKind } from '../domain/vocabulary.js';

// Reference data is small (tens to hundreds of rows): lists are returned whole, and the
// per-request loaders below fetch by id in one statement per batch. Themes, services and
// departments by id are read from the server's cache instead (reference-cache.ts).

export type ThemeRow = typeof themes.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;
export type ProcedureRow = typeof procedures.$inferSelect;
export type ProcedureStepRow = typeof procedureSteps.$inferSelect;
export type PublicationRow = typeof publications.$inferSelect;
export type CounterRow = typeof counters.$inferSelect;

export const MAX_SEARCH_LENGTH = 100;

export function listThemes(db: Executor, filter: { parentCode?: string | null } = {}): Promise<ThemeRow[]> {
  const conditions: SQL[] = [];
  if (filter.parentCode === null) conditions.push(sql`${themes.parentId} is null`);
  if (filter.parentCode) {
    conditions.push(inArray(themes.parentId, db.select({ id: themes.id }).from(themes).where(eq(themes.code, filter.parentCode))));
  }
  return db.select().from(themes).where(and(...conditions)).orderBy(asc(themes.code));
}

export async function findThemeByCode(db: Executor, code: string): Promise<ThemeRow | undefined> {
  const [row] = await db.select().from(themes).where(eq(themes.code, code));
  return row;
}

export function listServices(db: Executor, filter: { line?: Line; kind?: ServiceKind } = {}): Promise<ServiceRow[]> {
  const conditions: SQL[] = [];
  if (filter.line) conditions.push(eq(services.line, filter.line));
  if (filter.kind) conditions.push(eq(services.kind, filter.kind));
  return db.select().from(services).where(and(...conditions)).orderBy(asc(services.code));
}

export async function findServiceByCode(db: Executor, code: string): Promise<ServiceRow | undefined> {
  const [row] = await db.select().from(services).where(eq(services.code, code));
  return row;
}

/** Procedures of a theme and its sub-themes, optionally matching a text in any language or the code. */
export function listProcedures(db: Executor, filter: { themeCode?: string; search?: string } = {}): Promise<ProcedureRow[]> {
  const conditions: SQL[] = [];
  if (filter.themeCode) {
    conditions.push(inArray(procedures.themeId, db.select({ id: themes.id }).from(themes).where(inThemeBranch(filter.themeCode))));
  }
  const search = filter.search?.trim();
  if (search) {
    const pattern = `%${escapeLike(search)}%`;
    conditions.push(sql`(${procedures.code} ilike ${pattern} or ${procedures.labels}::text ilike ${pattern})`);
  }
  return db.select().from(procedures).where(and(...conditions)).orderBy(asc(procedures.code));
}

export async function findProcedureByCode(db: Executor, code: string): Promise<ProcedureRow | undefined> {
  const [row] = await db.select().from(procedures).where(eq(procedures.code, code));
  return row;
}

export function listPublications(db: Executor): Promise<PublicationRow[]> {
  return db.select().from(publications).orderBy(asc(publications.code));
}

export function listCounters(db: Executor): Promise<CounterRow[]> {
  return db.select().from(counters).orderBy(asc(counters.code));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** On the themes table: the theme of this code or one of its sub-themes (codes nest with dots). */
export function inThemeBranch(code: string): SQL {
  return or(eq(themes.code, code), like(themes.code, `${escapeLike(code)}.%`))!;
}

// Batch loads for the per-request DataLoaders: one statement for all the ids of a batch.

export function proceduresByIds(db: Executor, ids: readonly string[]): Promise<ProcedureRow[]> {
  return db.select().from(procedures).where(anyOf(procedures.id, wellFormedUuids(ids)));
}

export function publicationsByIds(db: Executor, ids: readonly string[]): Promise<PublicationRow[]> {
  return db.select().from(publications).where(anyOf(publications.id, wellFormedUuids(ids)));
}

export function countersByIds(db: Executor, ids: readonly string[]): Promise<CounterRow[]> {
  return db.select().from(counters).where(anyOf(counters.id, wellFormedUuids(ids)));
}

/** Children of each theme, in display order, grouped by parent id. */
export async function childThemesByParentIds(db: Executor, parentIds: readonly string[]): Promise<ThemeRow[][]> {
  const rows = await db
    .select()
    .from(themes)
    .where(anyOf(themes.parentId, wellFormedUuids(parentIds)))
    .orderBy(asc(themes.position), asc(themes.code));
  return parentIds.map((parentId) => rows.filter((row) => row.parentId === parentId));
}

/** Ordered steps of each procedure, grouped by procedure id. */
export async function stepsByProcedureIds(db: Executor, procedureIds: readonly string[]): Promise<ProcedureStepRow[][]> {
  const rows = await db
    .select()
    .from(procedureSteps)
    .where(anyOf(procedureSteps.procedureId, wellFormedUuids(procedureIds)))
    .orderBy(asc(procedureSteps.position));
  return procedureIds.map((procedureId) => rows.filter((row) => row.procedureId === procedureId));
}

export function stepsByIds(db: Executor, ids: readonly string[]): Promise<ProcedureStepRow[]> {
  return db.select().from(procedureSteps).where(anyOf(procedureSteps.id, wellFormedUuids(ids)));
}
