import { pickLabel } from '../domain/labels.js';
import type { Labels } from '../domain/vocabulary.js';
import { type Vocabulary, vocabularyLabelsByKeys } from '../services/vocabulary.js';
import { builder, type Types } from './builder.js';
import { batchLoader } from './loaders.js';

export const LanguageEnum = builder.enumType('Language', {
  description: 'A language of the service: French, German (1719 line), Dutch, English.',
  values: {
    FR: { value: 'fr', description: 'French; every label exists in French, the fallback language.' },
    DE: { value: 'de', description: 'German, for the German-speaking municipalities.' },
    NL: { value: 'nl', description: 'Dutch.' },
    EN: { value: 'en', description: 'English.' },
  } as const,
});

/**
 * A `(language: Language): String` field over a labels column. Without the argument the
 * viewer's preferred language is used (French for staff and anonymous callers); a missing
 * translation falls back to French.
 */
export function labelField<Parent>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>,
  description: string,
  getLabels: (parent: Parent) => Labels,
) {
  return t.string({
    description,
    args: { language: t.arg({ type: LanguageEnum, required: false, description: 'Defaults to the viewer’s language, else French.' }) },
    resolve: (parent, args, context) => pickLabel(getLabels(parent), args.language ?? context.defaultLanguage),
  });
}

/** Same as labelField for an optional labels column: null when the column is empty. */
export function optionalLabelField<Parent>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>,
  description: string,
  getLabels: (parent: Parent) => Labels | null,
) {
  return t.string({
    description,
    nullable: true,
    args: { language: t.arg({ type: LanguageEnum, required: false, description: 'Defaults to the viewer’s language, else French.' }) },
    resolve: (parent, args, context) => {
      const labels = getLabels(parent);
      return labels ? pickLabel(labels, args.language ?? context.defaultLanguage) : null;
    },
  });
}

/**
 * A `(language: Language): String` label of a vocabulary value (status, channel, …), read from
 * the vocabulary_labels table, all of one request in one statement.
 */
export function vocabularyLabelField<Parent>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>,
  vocabulary: Vocabulary,
  description: string,
  getCode: (parent: Parent) => string,
) {
  return t.string({
    description,
    args: { language: t.arg({ type: LanguageEnum, required: false, description: 'Defaults to the viewer’s language, else French.' }) },
    resolve: async (parent, args, context) => {
      const labels = await batchLoader(context, 'vocabularyLabels', (keys) => vocabularyLabelsByKeys(context.db, keys)).load(`${vocabulary}:${getCode(parent)}`);
      return pickLabel(labels, args.language ?? context.defaultLanguage);
    },
  });
}
