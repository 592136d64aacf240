import { readFile } from 'node:fs/promises';
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printSdl, schema } from '../src/schema/index.js';

describe('schema', () => {
  it('matches the committed schema/schema.graphql (run npm run schema:print when it does not)', async () => {
    const committed = await readFile(new URL('../schema/schema.graphql', import.meta.url), 'utf8');
    expect(printSdl()).toBe(committed);
  });

  it('gives every field of every object type an access rule, on the field or on its type', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'PageInfo') continue;
      const typeRule = (type.extensions?.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes;
      for (const field of Object.values(type.getFields())) {
        const fieldRule = (field.extensions?.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes;
        if (fieldRule === undefined && typeRule === undefined) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents every type, field and argument', () => {
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID', 'PageInfo'].includes(type.name)) continue;
      if (!type.description) undocumented.push(type.name);
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (!field.description) undocumented.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
