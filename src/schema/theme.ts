import { childThemesByParentIds, findThemeByCode, listThemes, type ThemeRow } from '../services/reference-data.js';
import { builder } from './builder.js';
import { labelField, optionalLabelField } from './language.js';
import { Service } from './service.js';
import { REFERENCE_LIST_BOUNDS } from '../domain/reference-bounds.js';
import { listSize } from './cost.js';

export const Theme = builder.loadableNode('Theme', {
  description:
    'A subject of citizen questions in a hierarchy (e.g. ENERGY > ENERGY.PREMIUMS), with where contacts on it go. Public reference data.',
  authScopes: { public: true },
  id: { resolve: (row) => row.id },
  load: (ids: string[], context) => context.referenceCache.themesByIds(ids),
  sort: (row: ThemeRow) => row.id,
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable dotted code, e.g. ENERGY.PREMIUMS.' }),
    label: labelField(t, 'Name of the theme.', (row) => row.labels),
    position: t.exposeInt('position', { description: 'Display order among the siblings.' }),
    defaultService: t.field({
      type: Service,
      nullable: true,
      description: 'The second-line service that receives handoffs on this theme by default.',
      resolve: (row) => row.defaultServiceId,
    }),
    firstLineExcluded: t.exposeBoolean('firstLineExcluded', {
      description: 'True when the first line must not handle these contacts (e.g. personal tax files): they are redirected.',
    }),
    redirectService: t.field({
      type: Service,
      nullable: true,
      description: 'Where contacts on this theme are redirected (external call centre, emergency line); null when none.',
      resolve: (row) => row.redirectServiceId,
    }),
    redirectMessage: optionalLabelField(t, 'What the caller hears or reads when redirected; null when there is no redirect.', (row) => row.redirectMessage),
  }),
});

// The hierarchy refers to Theme itself, so it is added once the type exists.
builder.objectFields(Theme, (t) => ({
  parent: t.field({ type: Theme, nullable: true, description: 'The broader theme; null for a top-level theme.', resolve: (row) => row.parentId }),
  children: t.loadableList({
    type: Theme,
    description: `Narrower themes, in display order (reference data: at most ${REFERENCE_LIST_BOUNDS.themeChildren}).`,
    ...listSize(REFERENCE_LIST_BOUNDS.themeChildren, { hierarchySize: REFERENCE_LIST_BOUNDS.themes }),
    load: (parentIds: string[], context) => childThemesByParentIds(context.db, parentIds),
    resolve: (row) => row.id,
  }),
}));

builder.queryFields((t) => ({
  themes: t.field({
    type: [Theme],
    description: `Themes ordered by code: all of them, only the top level (topLevelOnly), or the children of one theme (reference data: at most ${REFERENCE_LIST_BOUNDS.themes}). Public.`,
    ...listSize(REFERENCE_LIST_BOUNDS.themes),
    authScopes: { public: true },
    args: {
      topLevelOnly: t.arg.boolean({ required: false, description: 'Only themes without a parent.' }),
      parentCode: t.arg.string({ required: false, description: 'Only the direct children of this theme.' }),
    },
    resolve: (_root, args, context) =>
      listThemes(context.db, { parentCode: args.topLevelOnly ? null : (args.parentCode ?? undefined) }),
  }),
  theme: t.field({
    type: Theme,
    nullable: true,
    description: 'One theme by code; null when no theme has it. Public.',
    authScopes: { public: true },
    args: { code: t.arg.string({ required: true, description: 'The theme code, e.g. ENERGY.PREMIUMS.' }) },
    resolve: (_root, args, context) => findThemeByCode(context.db, args.code),
  }),
}));
