import { describe, expect, it } from 'vitest';
import { allowedKnowledgeMoves, brusselsDay, checkReviewDate, checkTexts, chooseLanguage, isStale, mayEditKnowledge, normaliseSearchQuery, knowledgeMoveRefusal } from './knowledge.js';
import type { Viewer } from './viewer.js';

const agent = (role: 'FIRST_LINE_AGENT' | 'BACK_OFFICE_AGENT' | 'SUPERVISOR' | 'ADMIN', serviceId: string): Viewer => ({
  kind: 'agent',
  agentId: 'a',
  login: 'a',
  role,
  serviceId,
  line: 'SECOND',
});

describe('knowledge rules', () => {
  it('requires a French text, one text per language, and non-empty bounded titles and bodies', () => {
    expect(checkTexts([{ language: 'fr', title: 'Prime', body: 'Texte' }], ['input', 'texts'])).toEqual([]);
    expect(checkTexts([{ language: 'de', title: 'Prämie', body: 'Text' }], ['input', 'texts'])).toEqual([{ path: ['input', 'texts'], message: 'A French text (language fr) is required.' }]);
    const problems = checkTexts(
      [
        { language: 'fr', title: ' ', body: 'x'.repeat(20_001) },
        { language: 'fr', title: 'Deux', body: 'Deux' },
      ],
      ['texts'],
    );
    expect(problems.map((problem) => problem.path.join('.'))).toEqual(['texts.0.title', 'texts.0.body', 'texts.1.language']);
  });

  it('accepts review dates between 2000 and 2100 only', () => {
    expect(checkReviewDate('2027-02-28', ['d'])).toEqual([]);
    expect(checkReviewDate('2101-01-01', ['d'])).toHaveLength(1);
    expect(checkReviewDate('1999-12-31', ['d'])).toHaveLength(1);
  });

  it('lets agents of the owner service and admins edit, nobody else', () => {
    expect(mayEditKnowledge(agent('BACK_OFFICE_AGENT', 'energy'), 'energy')).toBe(true);
    expect(mayEditKnowledge(agent('ADMIN', 'first'), 'energy')).toBe(true);
    expect(mayEditKnowledge(agent('SUPERVISOR', 'first'), 'energy')).toBe(false);
    expect(mayEditKnowledge({ kind: 'service', accountId: 's', subject: 'TLPE-ENERGY', serviceId: 'energy', line: 'SECOND' }, 'energy')).toBe(false);
    expect(mayEditKnowledge({ kind: 'citizen', citizenId: 'c', preferredLanguage: 'fr' }, 'energy')).toBe(false);
  });

  it('calls a card stale from the day after its review date, in Brussels', () => {
    expect(isStale('2026-11-27', '2026-11-28')).toBe(true);
    expect(isStale('2026-11-28', '2026-11-28')).toBe(false);
    expect(brusselsDay(new Date('2026-11-27T23:30:00Z'))).toBe('2026-11-28');
    expect(brusselsDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it('serves the asked language when the card has it, else French and says so', () => {
    expect(chooseLanguage(['fr', 'de'], 'de')).toEqual({ language: 'de', isFallback: false });
    expect(chooseLanguage(['fr', 'de'], 'nl')).toEqual({ language: 'fr', isFallback: true });
    expect(chooseLanguage(['fr'], 'fr')).toEqual({ language: 'fr', isFallback: false });
  });

  it('publishes a draft or an archived card that had a version in force, and archives anything not archived yet', () => {
    expect(allowedKnowledgeMoves('DRAFT', true, false)).toEqual(['PUBLISHED', 'ARCHIVED']);
    expect(allowedKnowledgeMoves('PUBLISHED', true, true)).toEqual(['PUBLISHED', 'ARCHIVED']);
    expect(allowedKnowledgeMoves('PUBLISHED', false, true)).toEqual(['ARCHIVED']);
    expect(allowedKnowledgeMoves('ARCHIVED', false, true)).toEqual(['PUBLISHED']);
    expect(allowedKnowledgeMoves('ARCHIVED', true, false)).toEqual(['PUBLISHED']);
    expect(allowedKnowledgeMoves('ARCHIVED', false, false)).toEqual([]);
  });

  it('counts a search under one form whatever its case, spacing and surrounding punctuation', () => {
    expect(normaliseSearchQuery('  Prime   Toiture ? ')).toBe('prime toiture');
    expect(normaliseSearchQuery('« Dämmung »')).toBe('dämmung');
    expect(normaliseSearchQuery('x'.repeat(300))).toHaveLength(200);
  });

  it('keeps no number of 5 digits or more and no e-mail address in a counted search', () => {
    expect(normaliseSearchQuery('dossier 85.07.30-033.61 de marie.dupont@example.org')).toBe('dossier # de @');
    expect(normaliseSearchQuery('appel du 0471 23 45 67')).toBe('appel du #');
    expect(normaliseSearchQuery('prime 2025 à 4000 liège')).toBe('prime 2025 à 4000 liège');
    expect(normaliseSearchQuery('article 12 du code')).toBe('article 12 du code');
  });
});

describe('refused publishing moves in words', () => {
  it('says why and what may be done instead', () => {
    expect(knowledgeMoveRefusal('PUBLISHED', 'PUBLISHED', ['ARCHIVED'])).toBe('This card has no draft to publish: it can only be archived.');
    expect(knowledgeMoveRefusal('ARCHIVED', 'ARCHIVED', ['PUBLISHED'])).toBe('This card is already archived: it can only be published again.');
    expect(knowledgeMoveRefusal('ARCHIVED', 'PUBLISHED', [])).toBe('This card has no draft to publish.');
  });
});
