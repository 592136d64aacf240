import type { Labels, Language } from './vocabulary.js';

/** The label in the asked language, falling back to French (always present). */
export function pickLabel(labels: Labels, language: Language): string {
  return labels[language] || labels.fr;
}
