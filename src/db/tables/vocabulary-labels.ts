import { jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { Labels } from '../../domain/vocabulary.js';

/** Labels of the closed vocabularies (statuses, channels, event types, …) in each language: data, not code. */
export const vocabularyLabels = pgTable(
  'vocabulary_labels',
  {
    vocabulary: text().notNull(),
    code: text().notNull(),
    labels: jsonb().$type<Labels>().notNull(),
  },
  (table) => [primaryKey({ name: 'vocabulary_labels_pk', columns: [table.vocabulary, table.code] })],
);
