import { readFile } from 'node:fs/promises';
import { getNamedType, getNullableType, isListType, isNonNullType, isObjectType, type GraphQLField } from 'graphql';
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

  describe('lists and connections (ARCHITECTURE.md, "Lists and connections")', () => {
    const objectTypes = Object.values(schema.getTypeMap()).filter(isObjectType).filter((type) => !type.name.startsWith('__'));
    const fields = objectTypes.flatMap((type) => Object.values(type.getFields()).map((field) => ({ type, field })));
    const isConnection = (field: GraphQLField<unknown, unknown>) => getNamedType(field.type).name.endsWith('Connection');

    it('gives every connection type a total, a page info and edges', () => {
      const connections = objectTypes.filter((type) => type.name.endsWith('Connection'));
      expect(connections.length).toBeGreaterThan(10);
      const lacking = connections.flatMap((type) => {
        const own = type.getFields();
        return [
          String(own.totalCount?.type) === 'Int!' ? [] : [`${type.name}.totalCount`],
          String(own.pageInfo?.type) === 'PageInfo!' ? [] : [`${type.name}.pageInfo`],
          own.edges && isNonNullType(own.edges.type) && isListType(getNullableType(own.edges.type)) ? [] : [`${type.name}.edges`],
        ].flat();
      });
      expect(lacking).toEqual([]);
    });

    it('pages every connection with first and after, and no list with them', () => {
      const wrong = fields.flatMap(({ type, field }) => {
        const names = field.args.map((arg) => arg.name);
        const paged = names.includes('first') && names.includes('after');
        if (isConnection(field)) return paged ? [] : [`${type.name}.${field.name} lacks first/after`];
        const listed = isListType(getNullableType(field.type));
        return listed && (names.includes('first') || names.includes('after')) ? [`${type.name}.${field.name} is a list with first/after`] : [];
      });
      expect(wrong).toEqual([]);
    });

    // Lists whose bound comes from their parent or from reference data, not from an argument
    // or a declared listSize: each with why it stays a list.
    const BOUNDED_BY_NATURE: Record<string, string> = {
      'Case.handoffs': 'one open handoff at a time; a handful over a case’s life; read with the case by the planner',
      'Case.procedureProgress': 'the steps of its procedure (reference data)',
      'Procedure.form': 'the few fields of one form (reference data)',
      'Citizen.contactPoints': 'a person’s few phone numbers and addresses',
      'KnowledgeArticle.procedures': 'the links of the shown version',
      'KnowledgeArticle.services': 'the links of the shown version',
      'KnowledgeArticle.themes': 'the links of the shown version',
      'KnowledgeArticleVersion.procedures': 'the links of a version',
      'KnowledgeArticleVersion.services': 'the links of a version',
      'KnowledgeArticleVersion.themes': 'the links of a version',
      'OrderPublicationsSuccess.orders': 'the items of one order input',
      'TrackedCase.timeline': 'its first 50 citizen-visible events',
      'ValidationError.problems': 'the problems of one input',
      'WebhookDelivery.attempts': 'its latest 50 tries',
      'CaseStatistics.rows': 'bounded by the listSize of caseStatistics (range × groupings)',
      'ContactStatistics.rows': 'bounded by the listSize of contactStatistics (range × groupings)',
      'Staffing.rows': 'bounded by the listSize of staffing (range × services)',
    };

    it('bounds every list of objects: by a count argument, a declared listSize, or by nature', () => {
      const unbounded = fields.flatMap(({ type, field }) => {
        const name = `${type.name}.${field.name}`;
        if (type.name.endsWith('Connection') || name === 'Query.nodes' || name in BOUNDED_BY_NATURE) return [];
        if (!isListType(getNullableType(field.type)) || !isObjectType(getNamedType(field.type))) return [];
        const counted = field.args.some((arg) => arg.name === 'count') && /\d/.test(field.args.find((arg) => arg.name === 'count')!.description ?? '');
        // A declared bound is also stated to readers, as a number in the description.
        const declared = typeof (field.extensions as { listSize?: unknown }).listSize === 'function' && /\d/.test(field.description ?? '');
        return counted || declared ? [] : [name];
      });
      expect(unbounded).toEqual([]);
    });
  });
});
