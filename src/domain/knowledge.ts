// Rules of the knowledge base that need no database: what a card's content must be, who edits
// it, when it is stale, which language a reader gets, and how a search is remembered.
import { TIME_ZONE } from './business-calendar.js';
import type { FieldProblem } from './errors.js';
import type { Viewer } from './viewer.js';
import type { KnowledgeArticleStatus, Language } from './vocabulary.js';

export const MAX_TITLE = 200;
export const MAX_BODY = 20_000;
export const MAX_LINKS = 20;
export const MAX_COMMENT = 2_000;
export const MAX_SEARCH_QUERY = 200;

export interface KnowledgeTextInput {
  language: Language;
  title: string;
  body: string;
}

/**
 * Problems of the texts given for a version: one text per language, non-empty bounded titles and
 * bodies, and French among them when a new card is written (an edit keeps the French it has).
 */
export function checkTexts(texts: readonly KnowledgeTextInput[], path: string[], { requireFrench = true } = {}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<Language>();
  texts.forEach((text, index) => {
    const at = [...path, String(index)];
    if (seen.has(text.language)) problems.push({ path: [...at, 'language'], message: `Given twice: one text per language.` });
    seen.add(text.language);
    if (text.title.trim() === '') problems.push({ path: [...at, 'title'], message: 'Must not be empty.' });
    else if (text.title.length > MAX_TITLE) problems.push({ path: [...at, 'title'], message: `At most ${MAX_TITLE} characters.` });
    if (text.body.trim() === '') problems.push({ path: [...at, 'body'], message: 'Must not be empty.' });
    else if (text.body.length > MAX_BODY) problems.push({ path: [...at, 'body'], message: `At most ${MAX_BODY} characters.` });
  });
  if (requireFrench && !seen.has('fr')) problems.push({ path, message: 'A French text (language fr) is required.' });
  return problems;
}

/** Problems of a review date (a day, YYYY-MM-DD, as the Date scalar checks): between 2000 and 2100. */
export function checkReviewDate(value: string, path: string[]): FieldProblem[] {
  const year = Number(value.slice(0, 4));
  return year >= 2000 && year <= 2100 ? [] : [{ path, message: 'Must be between 2000 and 2100.' }];
}

/** Agents of the owner service, and admins, write a card; other agents suggest changes. */
export function mayEditKnowledge(viewer: Viewer, ownerServiceId: string): boolean {
  return viewer.kind === 'agent' && (viewer.role === 'ADMIN' || viewer.serviceId === ownerServiceId);
}

/** A card is stale once its review date has passed (Brussels days, compared as YYYY-MM-DD). */
export function isStale(reviewDueOn: string, today: string): boolean {
  return reviewDueOn < today;
}

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Brussels' calendar day of an instant, YYYY-MM-DD. */
export function brusselsDay(now: Date): string {
  return dayFormat.format(now);
}

/** The language a reader gets: the asked one when the version has it, else French (said so). */
export function chooseLanguage(available: readonly Language[], requested: Language): { language: Language; isFallback: boolean } {
  return available.includes(requested) ? { language: requested, isFallback: false } : { language: 'fr', isFallback: requested !== 'fr' };
}

/**
 * Where a card may go from its status. Publishing needs something to put in force: a draft (a
 * card's first publication, or changes to it), or, for an archived card, its last published
 * version. Archiving takes a card out of search and the FAQ; its versions stay readable.
 */
export function allowedKnowledgeMoves(status: KnowledgeArticleStatus, hasDraft: boolean, hasPublished: boolean): KnowledgeArticleStatus[] {
  const publishable = hasDraft || (status === 'ARCHIVED' && hasPublished);
  const moves: KnowledgeArticleStatus[] = publishable ? ['PUBLISHED'] : [];
  if (status !== 'ARCHIVED') moves.push('ARCHIVED');
  return moves;
}

/** Why a publishing move is refused, in words. */
export function knowledgeMoveRefusal(status: KnowledgeArticleStatus, to: KnowledgeArticleStatus, allowed: readonly KnowledgeArticleStatus[]): string {
  const instead = allowed.includes('PUBLISHED') ? ': it can only be published again.' : allowed.includes('ARCHIVED') ? ': it can only be archived.' : '.';
  if (to === 'ARCHIVED' && status === 'ARCHIVED') return `This card is already archived${instead}`;
  return `This card has no draft to publish${instead}`;
}

/**
 * The form a search is counted under in the missing answers: lower case, single spaces,
 * without surrounding punctuation, so that "Prime  Toiture?" and "prime toiture" are one entry.
 * Numbers of 5 digits or more and e-mail addresses (a national number, a file number typed in
 * the search box) are replaced by # and @: the list is read by agents of every service.
 */
export function normaliseSearchQuery(query: string): string {
  return query
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .replace(/\S+@\S+/g, '@')
    .replace(/\d[\d./ -]{2,}\d/g, (digits) => (digits.replace(/\D/g, '').length >= 5 ? '#' : digits))
    .slice(0, MAX_SEARCH_QUERY);
}
