import type { ObjectRef } from '@pothos/core';
import { ConflictError, InvalidTransitionError, NotFoundError, ValidationError } from '../domain/errors.js';
import { brusselsDay, chooseLanguage, isStale } from '../domain/knowledge.js';
import {
  archiveKnowledgeArticle,
  createKnowledgeArticle,
  linkKnowledgeArticle,
  publishKnowledgeArticle,
  resolveKnowledgeSuggestion,
  suggestKnowledgeChange,
  updateKnowledgeArticle,
} from '../services/knowledge.js';
import {
  articlesByIds,
  draftsByArticleIds,
  type KnowledgeArticleRow,
  type KnowledgeHit,
  type KnowledgeMissingAnswerRow,
  type KnowledgeSuggestionRow,
  type KnowledgeTextRow,
  type KnowledgeUsage,
  type KnowledgeVersionRow,
  listKnowledgeArticles,
  listKnowledgeSuggestions,
  listMissingAnswers,
  listPublishedVersions,
  searchKnowledge,
  shownVersionsByArticleIds,
  suggestedArticleIdsByCaseIds,
  textsByVersionKeys,
  usageByArticleIds,
  MAX_USED_ARTICLES,
  usedArticleIdsByCaseIds,
  versionKey,
  versionsByKeys,
} from '../services/knowledge-reads.js';
import type { Language } from '../domain/vocabulary.js';
import { Agent } from './agent.js';
import { builder, type Types } from './builder.js';
import { Case } from './case.js';
import type { Context } from './context.js';
import { Interaction } from './interaction.js';
import { LanguageEnum } from './language.js';
import { batchLoader } from './loaders.js';
import { listSize } from './cost.js';
import { toConnection } from './pagination.js';
import { Procedure } from './procedure.js';
import { Service } from './service.js';
import { Theme } from './theme.js';

// The knowledge base: answer cards the first line answers from, owned and published by the
// services of their field; PUBLIC cards also make the portal's FAQ. Agents read everything;
// everyone else (citizens, service accounts, anonymous visitors) reads published PUBLIC cards
// in the version in force (services/knowledge-reads.ts applies the rule in SQL).

const AGENT = { agent: true } as const;
const PUBLIC = { public: true } as const;
const MAX_SUGGESTED = 10;

const KnowledgeAudienceEnum = builder.enumType('KnowledgeAudience', {
  description: 'Who reads a card.',
  values: {
    INTERNAL: { description: 'Agents only.' },
    PUBLIC: { description: 'Agents, and everyone on the portal’s FAQ once published.' },
  } as const,
});

const KnowledgeArticleStatusEnum = builder.enumType('KnowledgeArticleStatus', {
  description: 'Where a card stands: DRAFT → PUBLISHED → ARCHIVED (an archived card may be published again).',
  values: {
    DRAFT: { description: 'Never published yet: agents only.' },
    PUBLISHED: { description: 'In force: found by search, shown on cases (and on the FAQ when PUBLIC).' },
    ARCHIVED: { description: 'Out of search and the FAQ; its versions stay readable by agents.' },
  } as const,
});

const KnowledgeSuggestionKindEnum = builder.enumType('KnowledgeSuggestionKind', {
  description: 'What an agent asks of the owner service.',
  values: { CHANGE: { description: 'A change or an addition to the card.' }, ERROR: { description: 'Something wrong or out of date in the card.' } } as const,
});

const KnowledgeSuggestionStatusEnum = builder.enumType('KnowledgeSuggestionStatus', {
  description: 'Where a suggestion stands in the owner service’s queue.',
  values: {
    OPEN: { description: 'Waiting for the owner service.' },
    APPLIED: { description: 'The owner service changed the card accordingly.' },
    DISMISSED: { description: 'The owner service did not follow it.' },
  } as const,
});

const KnowledgeSuggestionOutcomeEnum = builder.enumType('KnowledgeSuggestionOutcome', {
  description: 'How the owner service closes a suggestion.',
  values: { APPLIED: { description: 'The card was changed accordingly.' }, DISMISSED: { description: 'Not followed.' } } as const,
});

const KnowledgeArticleOrderEnum = builder.enumType('KnowledgeArticleOrder', {
  description: 'Orders of the card list.',
  values: {
    REVIEW_DUE_ON: { description: 'Review date, earliest first: the stale cards come first.' },
    UPDATED_AT: { description: 'Last change, newest first.' },
  } as const,
});

const KnowledgeMatchEnum = builder.enumType('KnowledgeMatch', {
  description: 'How a search hit was found.',
  values: {
    FULL_TEXT: { description: 'The card contains every word (in some form) of the search.' },
    SPELLING_CORRECTED: {
      description:
        'The card contains every word of the search, some only in a close spelling: a word that no card contains was taken for a typo of the closest words of the cards (one letter left out, added, replaced or two swapped; two in words of 8 letters or more).',
    },
    TITLE_SIMILARITY: { description: 'No card contains every word, even with typos corrected; the title looks like the search.' },
  } as const,
});

/** A version's text in the language chosen for the reader. */
interface ShownText {
  text: KnowledgeTextRow;
  isFallback: boolean;
}

const KnowledgeContent = builder.objectRef<ShownText>('KnowledgeContent').implement({
  description: 'What a card says in one language.',
  authScopes: PUBLIC,
  fields: (t) => ({
    language: t.field({ type: LanguageEnum, description: 'The language of this text.', resolve: (shown) => shown.text.language }),
    isFallback: t.boolean({ description: 'True when the card has no text in the asked language and this is the French one.', resolve: (shown) => shown.isFallback }),
    title: t.string({ description: 'The title.', resolve: (shown) => shown.text.title }),
    body: t.string({ description: 'The answer, in Markdown.', resolve: (shown) => shown.text.body }),
  }),
});

function textsLoader(context: Context) {
  return batchLoader(context, 'knowledgeTexts', (keys) => textsByVersionKeys(context.db, keys));
}

async function contentOf(context: Context, version: KnowledgeVersionRow, asked: Language | null | undefined): Promise<ShownText> {
  const texts = await textsLoader(context).load(versionKey(version.articleId, version.number));
  const { language, isFallback } = chooseLanguage(
    texts.map((text) => text.language),
    asked ?? context.defaultLanguage,
  );
  return { text: texts.find((text) => text.language === language)!, isFallback };
}

const KnowledgeArticleVersion = builder.objectRef<KnowledgeVersionRow>('KnowledgeArticleVersion').implement({
  description: 'One version of a card: a published one (kept for ever) or the draft being edited.',
  authScopes: PUBLIC,
  fields: (t) => ({
    number: t.exposeInt('number', { description: 'Its number, counting from 1.' }),
    isDraft: t.boolean({ description: 'True for the draft: not published yet.', resolve: (version) => version.publishedAt === null }),
    publishedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was published; null for the draft.', resolve: (version) => version.publishedAt }),
    publishedBy: t.field({ type: Agent, nullable: true, authScopes: AGENT, description: 'Who published it; null for the draft. Agents only. Anyone else gets null and an error (FORBIDDEN, or UNAUTHENTICATED without a token).', resolve: (version) => version.publishedByAgentId }),
    editedBy: t.field({ type: Agent, nullable: true, authScopes: AGENT, description: 'Who last changed it; null when unknown. Agents only. Anyone else gets null and an error (FORBIDDEN, or UNAUTHENTICATED without a token).', resolve: (version) => version.editedByAgentId }),
    editedAt: t.field({ type: 'DateTime', description: 'When it was last changed.', resolve: (version) => version.editedAt }),
    audience: t.expose('audience', { type: KnowledgeAudienceEnum, description: 'Who reads it.' }),
    themes: t.field({ type: [Theme], description: 'The themes it answers on.', resolve: (version) => version.themeIds }),
    procedures: t.field({ type: [Procedure], description: 'The procedures it explains.', resolve: (version) => version.procedureIds }),
    services: t.field({ type: [Service], description: 'The services whose coordinates it gives.', resolve: (version) => version.serviceIds }),
    languages: t.field({
      type: [LanguageEnum],
      description: 'The languages it is written in (French always).',
      resolve: async (version, _args, context) => (await textsLoader(context).load(versionKey(version.articleId, version.number))).map((text) => text.language),
    }),
    title: t.string({
      description: 'Its title in a language, French when it has no text in that language: a shortcut for content(language:) { title }.',
      args: { language: t.arg({ type: LanguageEnum, required: false, description: 'Defaults to the viewer’s language, else French.' }) },
      resolve: async (version, args, context) => (await contentOf(context, version, args.language)).text.title,
    }),
    content: t.field({
      type: KnowledgeContent,
      description: 'What it says in a language; French (isFallback) when it has no text in that language.',
      args: { language: t.arg({ type: LanguageEnum, required: false, description: 'Defaults to the viewer’s language, else French.' }) },
      resolve: (version, args, context) => contentOf(context, version, args.language),
    }),
  }),
});

const KnowledgeUsageRef = builder.objectRef<KnowledgeUsage>('KnowledgeUsage').implement({
  description: 'How a card is used by agents on cases.',
  authScopes: AGENT,
  fields: (t) => ({
    uses: t.exposeInt('uses', { description: 'Times it was attached to a case or one of its interactions.' }),
    cases: t.exposeInt('cases', { description: 'Cases it was used on.' }),
    casesResolvedAtFirstContact: t.exposeInt('casesResolvedAtFirstContact', {
      description: 'Of those, the cases resolved at first contact (by the first line, without handoff, at their only interaction).',
    }),
    lastUsedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was last used; null if never.', resolve: (usage) => usage.lastUsedAt }),
  }),
});

// Declared before the card, which lists its suggestions; implemented after it.
const KnowledgeSuggestion = builder.objectRef<KnowledgeSuggestionRow>('KnowledgeSuggestion');

const versionLoader = (context: Context) => batchLoader(context, 'knowledgeVersions', (keys) => versionsByKeys(context.db, keys));
const draftLoader = (context: Context) => batchLoader(context, 'knowledgeDrafts', (ids) => draftsByArticleIds(context.db, ids));

/** The version shown of a card: the one in force, or the draft of a card never published. */
async function shownVersion(context: Context, article: KnowledgeArticleRow): Promise<KnowledgeVersionRow> {
  return (await batchLoader(context, 'knowledgeShownVersions', (ids) => shownVersionsByArticleIds(context.db, ids)).load(article.id))!;
}

export const KnowledgeArticle = builder.loadableNode('KnowledgeArticle', {
  description:
    'An answer card of the knowledge base. Agents read every card; citizens, service accounts and anonymous visitors read published PUBLIC cards only, as in force. The content fields show the version in force (the draft for a card never published).',
  authScopes: PUBLIC,
  id: { resolve: (row) => row.id },
  load: (ids: string[], context) => articlesByIds(context.db, context.viewer, ids),
  sort: (row: KnowledgeArticleRow) => row.id,
  fields: (t) => ({
    status: t.expose('status', { type: KnowledgeArticleStatusEnum, description: 'Where it stands.' }),
    version: t.exposeInt('version', { description: 'Changes with every edit, publication or archiving: give it back to the next command (optimistic concurrency).' }),
    ownerService: t.field({ type: Service, description: 'The service that owns the answer and publishes it.', resolve: (article) => article.ownerServiceId }),
    reviewDueOn: t.field({ type: 'Date', description: 'The owner service checks the card by then.', resolve: (article) => article.reviewDueOn }),
    stale: t.boolean({ description: 'True once the review date has passed (Brussels time).', resolve: (article, _args, context) => isStale(article.reviewDueOn, brusselsDay(context.now)) }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was written.', resolve: (article) => article.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When it last changed.', resolve: (article) => article.updatedAt }),
    audience: t.field({ type: KnowledgeAudienceEnum, description: 'Who reads it.', resolve: async (article, _args, context) => (await shownVersion(context, article)).audience }),
    themes: t.field({ type: [Theme], description: 'The themes it answers on.', resolve: async (article, _args, context) => (await shownVersion(context, article)).themeIds }),
    procedures: t.field({ type: [Procedure], description: 'The procedures it explains.', resolve: async (article, _args, context) => (await shownVersion(context, article)).procedureIds }),
    services: t.field({ type: [Service], description: 'The services whose coordinates it gives.', resolve: async (article, _args, context) => (await shownVersion(context, article)).serviceIds }),
    title: t.string({
      description:
        'The title of the version shown (in force, or the draft of a card never published) in a language, French when it has no text in that language: a shortcut for content(language:) { title }.',
      args: { language: t.arg({ type: LanguageEnum, required: false, description: 'Defaults to the viewer’s language, else French.' }) },
      resolve: async (article, args, context) => (await contentOf(context, await shownVersion(context, article), args.language)).text.title,
    }),
    content: t.field({
      type: KnowledgeContent,
      description: 'What it says in a language; French (isFallback) when it has no text in that language.',
      args: { language: t.arg({ type: LanguageEnum, required: false, description: 'Defaults to the viewer’s language, else French.' }) },
      resolve: async (article, args, context) => contentOf(context, await shownVersion(context, article), args.language),
    }),
    currentVersion: t.field({
      type: KnowledgeArticleVersion,
      nullable: true,
      description: 'The version in force; null for a card never published.',
      resolve: async (article, _args, context) => (article.publishedVersion === null ? null : (await versionLoader(context).load(versionKey(article.id, article.publishedVersion)))!),
    }),
    draft: t.field({
      type: KnowledgeArticleVersion,
      nullable: true,
      authScopes: AGENT,
      description: 'The unpublished changes; null when there are none. Agents only. Anyone else gets null and an error (FORBIDDEN, or UNAUTHENTICATED without a token).',
      resolve: async (article, _args, context) => (await draftLoader(context).load(article.id)) ?? null,
    }),
    versionByNumber: t.field({
      type: KnowledgeArticleVersion,
      nullable: true,
      authScopes: AGENT,
      description: 'Any version by number, old ones included; null when it has no such version. Agents only. Anyone else gets null and an error (FORBIDDEN, or UNAUTHENTICATED without a token).',
      args: { number: t.arg.int({ required: true, description: 'The version number.' }) },
      resolve: async (article, args, context) => (await versionLoader(context).load(versionKey(article.id, args.number))) ?? null,
    }),
    versions: t.connection(
      {
        type: KnowledgeArticleVersion,
        authScopes: AGENT,
        nullable: true,
        description: 'Every published version, newest first, with who published it and when. Agents only. Anyone else gets null and an error (FORBIDDEN, or UNAUTHENTICATED without a token).',
        resolve: async (article, args, context) => toConnection(await listPublishedVersions(context.db, article.id, args, context.limits.maxPageSize)),
      },
      { name: 'KnowledgeArticleVersionConnection', description: 'A page of versions.', authScopes: AGENT },
      { name: 'KnowledgeArticleVersionEdge', description: 'A version and its cursor.', authScopes: AGENT },
    ),
    usage: t.field({
      type: KnowledgeUsageRef,
      authScopes: AGENT,
      nullable: true,
      description: 'How agents use it on cases. Agents only. Anyone else gets null and an error (FORBIDDEN, or UNAUTHENTICATED without a token).',
      resolve: (article, _args, context) => batchLoader(context, 'knowledgeUsage', (ids) => usageByArticleIds(context.db, ids)).load(article.id),
    }),
    suggestions: t.connection(
      {
        type: KnowledgeSuggestion,
        authScopes: AGENT,
        nullable: true,
        description: 'Changes proposed and errors reported on it, oldest first. Agents only. Anyone else gets null and an error (FORBIDDEN, or UNAUTHENTICATED without a token).',
        args: { status: t.arg({ type: KnowledgeSuggestionStatusEnum, required: false, description: 'Only suggestions in this state.' }) },
        resolve: async (article, args, context) =>
          toConnection(await listKnowledgeSuggestions(context.db, { articleId: article.id, status: args.status ?? undefined }, args, context.limits.maxPageSize)),
      },
      { name: 'KnowledgeArticleSuggestionConnection', description: 'A page of suggestions.', authScopes: AGENT },
      { name: 'KnowledgeArticleSuggestionEdge', description: 'A suggestion and its cursor.', authScopes: AGENT },
    ),
  }),
});

KnowledgeSuggestion.implement({
  description: 'A change proposed, or an error reported, by an agent on a card: the owner service’s queue.',
  authScopes: AGENT,
  fields: (t) => ({
    id: t.globalID({ description: 'Global id, for resolveKnowledgeSuggestion.', resolve: (suggestion) => ({ type: 'KnowledgeSuggestion', id: suggestion.id }) }),
    article: t.field({ type: KnowledgeArticle, description: 'The card.', resolve: (suggestion) => suggestion.articleId }),
    kind: t.expose('kind', { type: KnowledgeSuggestionKindEnum, description: 'A change or an error.' }),
    comment: t.exposeString('comment', { description: 'What the agent wrote.' }),
    status: t.expose('status', { type: KnowledgeSuggestionStatusEnum, description: 'Where it stands.' }),
    author: t.field({ type: Agent, nullable: true, description: 'Who wrote it.', resolve: (suggestion) => suggestion.authorAgentId }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was written.', resolve: (suggestion) => suggestion.createdAt }),
    resolvedBy: t.field({ type: Agent, nullable: true, description: 'Who closed it; null while OPEN.', resolve: (suggestion) => suggestion.resolvedByAgentId }),
    resolvedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was closed; null while OPEN.', resolve: (suggestion) => suggestion.resolvedAt }),
    resolutionComment: t.exposeString('resolutionComment', { nullable: true, description: 'The owner service’s answer, when it gave one.' }),
  }),
});

const KnowledgeSearchHit = builder.objectRef<KnowledgeHit>('KnowledgeSearchHit').implement({
  description: 'A card found by a search, in the language shown.',
  authScopes: PUBLIC,
  fields: (t) => ({
    article: t.field({ type: KnowledgeArticle, description: 'The card.', resolve: (hit) => hit.article }),
    language: t.field({ type: LanguageEnum, description: 'The language of the text searched and shown.', resolve: (hit) => hit.language }),
    isFallback: t.exposeBoolean('isFallback', { description: 'True when the card has no text in the asked language: the French text was searched and is shown.' }),
    title: t.exposeString('title', { description: 'The title in that language.' }),
    snippet: t.exposeString('snippet', {
      description:
        'Extracts of the answer around the words found, each between <mark> and </mark> (the beginning of the answer for a TITLE_SIMILARITY hit). The rest is the Markdown as written: escape it before showing it as HTML, then turn the markers into highlights.',
    }),
    rank: t.exposeFloat('rank', { description: 'Relevance, higher first: comparable within one search only.' }),
    matchedBy: t.expose('matchedBy', { type: KnowledgeMatchEnum, description: 'How it was found.' }),
  }),
});

const KnowledgeMissingAnswer = builder.objectRef<KnowledgeMissingAnswerRow>('KnowledgeMissingAnswer').implement({
  description: 'A search that found nothing: an answer the knowledge base lacks.',
  authScopes: AGENT,
  fields: (t) => ({
    query: t.exposeString('query', { description: 'The search, in lower case with single spaces.' }),
    language: t.field({ type: LanguageEnum, description: 'The language searched in.', resolve: (row) => row.language }),
    searches: t.exposeInt('searches', { description: 'How many times it was searched without result.' }),
    firstSearchedAt: t.field({ type: 'DateTime', description: 'The first time.', resolve: (row) => row.firstSearchedAt }),
    lastSearchedAt: t.field({ type: 'DateTime', description: 'The last time.', resolve: (row) => row.lastSearchedAt }),
  }),
});

const KnowledgeArticleFilter = builder.inputType('KnowledgeArticleFilter', {
  description: 'Which cards; all given criteria must match.',
  fields: (t) => ({
    ownerServiceId: t.globalID({ required: false, for: Service, description: 'The global id of a service: the cards it owns.' }),
    status: t.field({ type: KnowledgeArticleStatusEnum, required: false, description: 'Cards in this state.' }),
    audience: t.field({ type: KnowledgeAudienceEnum, required: false, description: 'Cards for this audience.' }),
    stale: t.boolean({ required: false, description: 'true: past their review date; false: not.' }),
    themeCode: t.string({ required: false, description: 'Cards on this theme or one of its sub-themes.' }),
  }),
});

builder.queryFields((t) => ({
  knowledgeArticles: t.connection(
    {
      type: KnowledgeArticle,
      description:
        'Cards, by review date (stale first) or last change. Agents see every card (e.g. filter: { ownerServiceId, stale: true } for a service’s stale cards); others the published PUBLIC cards: the portal’s FAQ.',
      authScopes: PUBLIC,
      args: {
        filter: t.arg({ type: KnowledgeArticleFilter, required: false, description: 'Which cards.' }),
        orderBy: t.arg({ type: KnowledgeArticleOrderEnum, required: false, description: 'REVIEW_DUE_ON when omitted.' }),
      },
      resolve: async (_root, args, context) =>
        toConnection(
          await listKnowledgeArticles(
            context.db,
            context.viewer,
            {
              ownerServiceId: args.filter?.ownerServiceId?.id,
              status: args.filter?.status ?? undefined,
              audience: args.filter?.audience ?? undefined,
              stale: args.filter?.stale ?? undefined,
              themeCode: args.filter?.themeCode ?? undefined,
            },
            args.orderBy ?? 'REVIEW_DUE_ON',
            args,
            context.limits.maxPageSize,
            context.now,
          ),
        ),
    },
    { name: 'KnowledgeArticleConnection', description: 'A page of cards.', authScopes: PUBLIC },
    { name: 'KnowledgeArticleEdge', description: 'A card and its cursor.', authScopes: PUBLIC },
  ),
  searchKnowledge: t.connection(
    {
      type: KnowledgeSearchHit,
      description:
        'Full-text search of the published cards in a language (stemming and accents folded; a card without that language is searched in French and says so), ranked, with highlighted extracts. A word that no card contains also finds its closest spellings in the cards (a typo: see KnowledgeMatch.SPELLING_CORRECTED); titles similar to the words when nothing contains them all even so. Agents search every published card; others the PUBLIC ones. A search by an agent or a citizen that finds nothing is counted in missingKnowledgeAnswers (numbers and e-mail addresses masked).',
      authScopes: PUBLIC,
      args: {
        query: t.arg.string({ required: true, description: 'The words, 1 to 200 characters; "quotes" for a phrase, -word to exclude.' }),
        language: t.arg({ type: LanguageEnum, required: false, description: 'Defaults to the viewer’s language, else French.' }),
        themeCode: t.arg.string({ required: false, description: 'Only cards on this theme or its sub-themes.' }),
      },
      resolve: async (_root, args, context) =>
        toConnection(
          await searchKnowledge(
            context.db,
            context.viewer,
            { query: args.query, language: args.language ?? context.defaultLanguage, themeCode: args.themeCode },
            args,
            context.limits.maxPageSize,
            context.now,
          ),
        ),
    },
    { name: 'KnowledgeSearchConnection', description: 'A page of search hits, best first.', authScopes: PUBLIC },
    { name: 'KnowledgeSearchEdge', description: 'A hit and its cursor.', authScopes: PUBLIC },
  ),
  knowledgeSuggestions: t.connection(
    {
      type: KnowledgeSuggestion,
      description: 'The queue of an owner service (yours when omitted): suggestions on its cards, oldest first, OPEN ones when no status is given. Agents only.',
      authScopes: AGENT,
      args: {
        serviceId: t.arg.globalID({ required: false, for: Service, description: 'The global id of the owner service; yours when omitted.' }),
        status: t.arg({ type: KnowledgeSuggestionStatusEnum, required: false, description: 'OPEN when omitted.' }),
      },
      resolve: async (_root, args, context) => {
        const ownerServiceId = args.serviceId?.id ?? (context.viewer.kind === 'agent' ? context.viewer.serviceId : undefined);
        return toConnection(await listKnowledgeSuggestions(context.db, { ownerServiceId, status: args.status ?? 'OPEN' }, args, context.limits.maxPageSize));
      },
    },
    { name: 'KnowledgeSuggestionConnection', description: 'A page of suggestions.', authScopes: AGENT },
    { name: 'KnowledgeSuggestionEdge', description: 'A suggestion and its cursor.', authScopes: AGENT },
  ),
  missingKnowledgeAnswers: t.connection(
    {
      type: KnowledgeMissingAnswer,
      description: 'Searches that found nothing, most frequent first: the answers to write. Agents only.',
      authScopes: AGENT,
      args: { language: t.arg({ type: LanguageEnum, required: false, description: 'Only searches in this language.' }) },
      resolve: async (_root, args, context) => toConnection(await listMissingAnswers(context.db, args.language ?? undefined, args, context.limits.maxPageSize)),
    },
    { name: 'KnowledgeMissingAnswerConnection', description: 'A page of missing answers.', authScopes: AGENT },
    { name: 'KnowledgeMissingAnswerEdge', description: 'A missing answer and its cursor.', authScopes: AGENT },
  ),
}));

builder.objectFields(Case, (t) => ({
  knowledgeArticles: t.field({
    type: [KnowledgeArticle],
    authScopes: AGENT,
    nullable: true,
    description: `The cards agents used on this case, most recently used first, at most the ${MAX_USED_ARTICLES} latest. Agents only. Anyone else gets null and an error (FORBIDDEN, or UNAUTHENTICATED without a token).`,
    ...listSize(MAX_USED_ARTICLES),
    resolve: (row, _args, context) => batchLoader(context, 'caseKnowledgeArticles', (ids) => usedArticleIdsByCaseIds(context.db, ids)).load(row.id),
  }),
  suggestedArticles: t.field({
    type: [KnowledgeArticle],
    authScopes: AGENT,
    nullable: true,
    description: `Published cards that may answer this case: on its procedure, its theme (or a related one), or sharing words with its subject; best first, at most ${MAX_SUGGESTED} (a list, not a connection: only the best few are worth showing). Agents only. Anyone else gets null and an error (FORBIDDEN, or UNAUTHENTICATED without a token).`,
    args: { count: t.arg.int({ required: false, defaultValue: 5, description: `How many, 1 to ${MAX_SUGGESTED}; 5 when omitted.` }) },
    resolve: (row, args, context) => {
      const count = args.count ?? 5;
      if (!Number.isInteger(count) || count < 1 || count > MAX_SUGGESTED) throw new ValidationError([{ path: ['count'], message: `Must be between 1 and ${MAX_SUGGESTED}.` }]);
      return batchLoader(context, `suggestedArticles:${count}`, (ids) => suggestedArticleIdsByCaseIds(context.db, ids, count)).load(row.id);
    },
  }),
}));

// Commands.

const KnowledgeTextInput = builder.inputType('KnowledgeTextInput', {
  description: 'A card’s text in one language.',
  fields: (t) => ({
    language: t.field({ type: LanguageEnum, required: true, description: 'Its language.' }),
    title: t.string({ required: true, description: 'The title, at most 200 characters.' }),
    body: t.string({ required: true, description: 'The answer in Markdown, at most 20,000 characters.' }),
  }),
});

const CreateKnowledgeArticleInput = builder.inputType('CreateKnowledgeArticleInput', {
  description: 'A new card, created as a DRAFT; publishKnowledgeArticle puts it in force.',
  fields: (t) => ({
    ownerServiceId: t.globalID({ required: false, for: Service, description: 'The global id of the owner service: yours when omitted (only admins write for another service).' }),
    audience: t.field({ type: KnowledgeAudienceEnum, required: true, description: 'Who reads it.' }),
    themeCodes: t.stringList({ required: true, description: 'Its themes: 1 to 20 codes.' }),
    procedureCodes: t.stringList({ required: false, description: 'The procedures it explains, at most 20 codes.' }),
    serviceCodes: t.stringList({ required: false, description: 'The services whose coordinates it gives, at most 20 codes.' }),
    reviewDueOn: t.field({ type: 'Date', required: false, description: 'When to check it again; a year from today when omitted.' }),
    texts: t.field({ type: [KnowledgeTextInput], required: true, description: 'Its texts, one per language, French required.' }),
  }),
});

const UpdateKnowledgeArticleInput = builder.inputType('UpdateKnowledgeArticleInput', {
  description: 'Changes to a card’s draft (started from the version in force when there is none) and to its review date. Omitted fields stay as they are.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: KnowledgeArticle, description: 'The global id of the card.' }),
    version: t.int({ required: true, description: 'The card’s version as you read it.' }),
    audience: t.field({ type: KnowledgeAudienceEnum, required: false, description: 'Who reads it.' }),
    themeCodes: t.stringList({ required: false, description: 'Replaces its themes: 1 to 20 codes.' }),
    procedureCodes: t.stringList({ required: false, description: 'Replaces its procedures.' }),
    serviceCodes: t.stringList({ required: false, description: 'Replaces its services.' }),
    reviewDueOn: t.field({ type: 'Date', required: false, description: 'When to check it again (not part of a version: applies at once).' }),
    texts: t.field({ type: [KnowledgeTextInput], required: false, description: 'Texts to set, one per language; the other languages stay.' }),
    removeLanguages: t.field({ type: [LanguageEnum], required: false, description: 'Languages to remove (never French).' }),
  }),
});

const KnowledgeCommandInput = builder.inputType('KnowledgeArticleCommandInput', {
  description: 'A card and its version as you read it.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: KnowledgeArticle, description: 'The global id of the card.' }),
    version: t.int({ required: true, description: 'The card’s version as you read it.' }),
  }),
});

const articleResult = (name: string, description: string) =>
  builder.objectRef<KnowledgeArticleRow>(name).implement({
    description,
    authScopes: AGENT,
    fields: (t) => ({ article: t.field({ type: KnowledgeArticle, description: 'The card as it is now.', resolve: (article) => article }) }),
  });

const ARTICLE_ERRORS = { types: [ValidationError, NotFoundError, ConflictError, InvalidTransitionError], directResult: true as const };

builder.mutationField('createKnowledgeArticle', (t) =>
  t.field({
    type: articleResult('CreateKnowledgeArticleSuccess', 'The card is written, as a DRAFT.'),
    description: 'Writes a new card (agents of the owner service, admins for any service).',
    authScopes: AGENT,
    errors: { types: [ValidationError], directResult: true },
    args: { input: t.arg({ type: CreateKnowledgeArticleInput, required: true, description: 'The card.' }) },
    resolve: (_root, { input }, context) => createKnowledgeArticle(context.db, context.viewer, { ...input, ownerServiceId: input.ownerServiceId?.id }, context.now),
  }),
);

builder.mutationField('updateKnowledgeArticle', (t) =>
  t.field({
    type: articleResult('UpdateKnowledgeArticleSuccess', 'The draft (and review date) changed.'),
    description: 'Edits a card’s draft: agents of the owner service and admins; a stale version is a ConflictError.',
    authScopes: AGENT,
    errors: ARTICLE_ERRORS,
    args: { input: t.arg({ type: UpdateKnowledgeArticleInput, required: true, description: 'The changes.' }) },
    resolve: (_root, { input }, context) => updateKnowledgeArticle(context.db, context.viewer, { ...input, id: input.id.id }, context.now),
  }),
);

builder.mutationField('publishKnowledgeArticle', (t) =>
  t.field({
    type: articleResult('PublishKnowledgeArticleSuccess', 'The card is in force; its previous versions stay readable.'),
    description: 'Publishes the draft as a new version (or brings an archived card back in force). Agents of the owner service and admins.',
    authScopes: AGENT,
    errors: ARTICLE_ERRORS,
    args: { input: t.arg({ type: KnowledgeCommandInput, required: true, description: 'The card.' }) },
    resolve: (_root, { input }, context) => publishKnowledgeArticle(context.db, context.viewer, { id: input.id.id, version: input.version }, context.now),
  }),
);

builder.mutationField('archiveKnowledgeArticle', (t) =>
  t.field({
    type: articleResult('ArchiveKnowledgeArticleSuccess', 'The card is out of search and the FAQ.'),
    description: 'Archives a card. Agents of the owner service and admins.',
    authScopes: AGENT,
    errors: ARTICLE_ERRORS,
    args: { input: t.arg({ type: KnowledgeCommandInput, required: true, description: 'The card.' }) },
    resolve: (_root, { input }, context) => archiveKnowledgeArticle(context.db, context.viewer, { id: input.id.id, version: input.version }, context.now),
  }),
);

const SuggestKnowledgeChangeInput = builder.inputType('SuggestKnowledgeChangeInput', {
  description: 'A change to propose or an error to report on a card.',
  fields: (t) => ({
    articleId: t.globalID({ required: true, for: KnowledgeArticle, description: 'The global id of the card.' }),
    comment: t.string({ required: true, description: 'What should change and why, 1 to 2,000 characters.' }),
    kind: t.field({ type: KnowledgeSuggestionKindEnum, required: false, description: 'CHANGE when omitted.' }),
  }),
});

builder.mutationField('suggestKnowledgeChange', (t) =>
  t.field({
    type: builder.objectRef<KnowledgeSuggestionRow>('SuggestKnowledgeChangeSuccess').implement({
      description: 'The suggestion is in the owner service’s queue.',
      authScopes: AGENT,
      fields: (f) => ({ suggestion: f.field({ type: KnowledgeSuggestion, description: 'The suggestion.', resolve: (row) => row }) }),
    }),
    description: 'Any agent proposes a change to a card or reports an error in it.',
    authScopes: AGENT,
    errors: { types: [ValidationError, NotFoundError], directResult: true },
    args: { input: t.arg({ type: SuggestKnowledgeChangeInput, required: true, description: 'The suggestion.' }) },
    resolve: (_root, { input }, context) => suggestKnowledgeChange(context.db, context.viewer, { ...input, articleId: input.articleId.id }, context.now),
  }),
);

const ResolveKnowledgeSuggestionInput = builder.inputType('ResolveKnowledgeSuggestionInput', {
  description: 'How the owner service closes a suggestion.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: KnowledgeSuggestion, description: 'The global id of the suggestion.' }),
    outcome: t.field({ type: KnowledgeSuggestionOutcomeEnum, required: true, description: 'Applied or dismissed.' }),
    comment: t.string({ required: false, description: 'An answer to its author, at most 2,000 characters.' }),
  }),
});

builder.mutationField('resolveKnowledgeSuggestion', (t) =>
  t.field({
    type: builder.objectRef<KnowledgeSuggestionRow>('ResolveKnowledgeSuggestionSuccess').implement({
      description: 'The suggestion is closed.',
      authScopes: AGENT,
      fields: (f) => ({ suggestion: f.field({ type: KnowledgeSuggestion, description: 'The suggestion.', resolve: (row) => row }) }),
    }),
    description: 'Closes a suggestion on one of your service’s cards (admins: any card).',
    authScopes: AGENT,
    errors: { types: [ValidationError, NotFoundError, ConflictError], directResult: true },
    args: { input: t.arg({ type: ResolveKnowledgeSuggestionInput, required: true, description: 'The outcome.' }) },
    resolve: (_root, { input }, context) => resolveKnowledgeSuggestion(context.db, context.viewer, { id: input.id.id, status: input.outcome, comment: input.comment }, context.now),
  }),
);

const LinkKnowledgeArticleInput = builder.inputType('LinkKnowledgeArticleInput', {
  description: 'A published card used on a case.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, for: Case, description: 'The global id of the case.' }),
    articleId: t.globalID({ required: true, for: KnowledgeArticle, description: 'The global id of the card, published.' }),
    // Every interaction's id reads "Interaction:…" whatever its concrete type; Pothos types `for`
    // as object refs only, but it reads no more than the name of what it is given.
    interactionId: t.globalID({ required: false, for: Interaction as unknown as ObjectRef<Types, unknown>, description: 'The global id of the interaction of the case it was used in, if any.' }),
  }),
});

builder.mutationField('linkKnowledgeArticle', (t) =>
  t.field({
    type: builder.objectRef<{ caseId: string; articleId: string }>('LinkKnowledgeArticleSuccess').implement({
      description: 'The card counts as used on the case (once per case and interaction).',
      authScopes: AGENT,
      fields: (f) => ({
        case: f.field({ type: Case, description: 'The case.', resolve: (link) => link.caseId }),
        article: f.field({ type: KnowledgeArticle, description: 'The card.', resolve: (link) => link.articleId }),
      }),
    }),
    description: 'Records that an agent answered from a card on a case it may read (or on one of its interactions).',
    authScopes: AGENT,
    errors: { types: [ValidationError, NotFoundError], directResult: true },
    args: { input: t.arg({ type: LinkKnowledgeArticleInput, required: true, description: 'The case and the card.' }) },
    resolve: (_root, { input }, context) =>
      linkKnowledgeArticle(
        context.db,
        context.viewer,
        {
          caseId: input.caseId.id,
          articleId: input.articleId.id,
          interactionId: input.interactionId?.id ?? null,
        },
        context.now,
      ),
  }),
);

