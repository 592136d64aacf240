import { inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { vocabularyLabels } from '../db/tables/index.js';
import type { Labels } from '../domain/vocabulary.js';

export const VOCABULARIES = ['CASE_STATUS', 'CHANNEL', 'RESOLUTION', 'CASE_EVENT_TYPE', 'STEP_STATE', 'APPOINTMENT_STATUS', 'DOCUMENT_KIND', 'DOCUMENT_REQUIREMENT_STATE'] as const;
export type Vocabulary = (typeof VOCABULARIES)[number];

/** Labels of `vocabulary:code` keys, in the order asked; a key without labels gives its code in French. */
export async function vocabularyLabelsByKeys(db: Executor, keys: readonly string[]): Promise<Labels[]> {
  const vocabularies = [...new Set(keys.map((key) => key.split(':')[0]!))];
  const rows = await db.select().from(vocabularyLabels).where(inArray(vocabularyLabels.vocabulary, vocabularies));
  const byKey = new Map(rows.map((row) => [`${row.vocabulary}:${row.code}`, row.labels]));
  return keys.map((key) => byKey.get(key) ?? { fr: key.split(':')[1] ?? key });
}
