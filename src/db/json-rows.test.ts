import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jsonObjectOf, jsonObjectOrNullOf, RENDERED_TEXTS_LIMIT, renderedTextCount, rowFromJson } from './json-rows.js';
import { interactions } from './tables/index.js';

const columns = getTableColumns(interactions);

describe('rows read as JSON', () => {
  it('does name each column by its TypeScript key and its snake_case column, only the ones asked', () => {
    expect(jsonObjectOf('interactions', columns, ['summary', 'occurredAt', 'summary'])).toBe(
      `json_build_object('occurredAt', "interactions"."occurred_at", 'summary', "interactions"."summary")`,
    );
    expect(jsonObjectOrNullOf('latest', columns, ['id'])).toBe(`case when "latest"."id" is null then null else json_build_object('id', "latest"."id") end`);
  });

  it('does keep at most RENDERED_TEXTS_LIMIT texts, however many sets of columns requests ask for', () => {
    const keys = Object.keys(columns);
    // Every subset of the interaction's columns, under three aliases: more sets than the limit.
    let sets = 0;
    for (const alias of ['a', 'b', 'c']) {
      for (let subset = 1; subset < 2 ** keys.length; subset += 1) {
        const names = keys.filter((_, index) => subset & (1 << index));
        expect(jsonObjectOf(alias, columns, names)).toContain(`'${names[0]}', "${alias}".`);
        sets += 1;
      }
    }
    expect(sets).toBeGreaterThan(RENDERED_TEXTS_LIMIT);
    expect(renderedTextCount()).toBeLessThanOrEqual(RENDERED_TEXTS_LIMIT);
  });

  it('does refuse a name that is no column of the table', () => {
    expect(() => jsonObjectOf('interactions', columns, ['summary', 'nope'])).toThrow(/no column nope/);
  });

  it('does decode timestamps into Dates as a select would, and leave absent columns absent', () => {
    const row = rowFromJson<Record<string, unknown>>(columns, { id: 'x', summary: 'Appel', occurredAt: '2026-10-01T10:00:00.123+02:00', createdAt: null });
    expect(row.occurredAt).toEqual(new Date('2026-10-01T08:00:00.123Z'));
    expect(row.summary).toBe('Appel');
    expect(row.createdAt).toBeNull();
    expect('channel' in row).toBe(false);
  });
});
