import { randomUUID } from 'node:crypto';
import { gql } from 'graphql-request';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../src/db/client.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// The knowledge base through the public API: search in French and German with typos, what
// citizens and anonymous visitors may see, editing with versions and optimistic concurrency,
// suggestions, use on cases and the figures that follow.

let server: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const login of ['demo.first', 'demo.energy', 'demo.housing', 'demo.admin']) tokens[login] = await tokenFor({ role: 'agent', sub: login });
  tokens.marie = await tokenFor({ role: 'citizen', sub: '00000000-0000-4000-8000-000000000001' });
  tokens.energyAccount = await tokenFor({ role: 'service', sub: 'TLPE-ENERGY' });
});
afterAll(() => server?.close());

interface Hit {
  title: string;
  language: string;
  isFallback: boolean;
  snippet: string;
  matchedBy: string;
  article: { id: string; status: string; audience: string };
}

const SEARCH = gql`
  query ($query: String!, $language: Language, $themeCode: String, $first: Int, $after: String) {
    searchKnowledge(query: $query, language: $language, themeCode: $themeCode, first: $first, after: $after) {
      edges { cursor node { title language isFallback snippet matchedBy article { id status audience } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

async function search(variables: Record<string, unknown>, token?: string): Promise<Hit[]> {
  const { data, errors } = await execute<{ searchKnowledge: { edges: { node: Hit }[] } }>(server.client(token), SEARCH, variables);
  expect(errors).toBeUndefined();
  return data!.searchKnowledge.edges.map((edge) => edge.node);
}

const CREATE = gql`
  mutation ($input: CreateKnowledgeArticleInput!) {
    createKnowledgeArticle(input: $input) {
      __typename
      ... on CreateKnowledgeArticleSuccess { article { id version status } }
      ... on ValidationError { problems { path message } }
    }
  }
`;
const UPDATE = gql`
  mutation ($input: UpdateKnowledgeArticleInput!) {
    updateKnowledgeArticle(input: $input) {
      __typename
      ... on UpdateKnowledgeArticleSuccess { article { id version } }
      ... on ConflictError { currentVersion }
      ... on ValidationError { problems { path message } }
    }
  }
`;
const PUBLISH = gql`
  mutation ($input: KnowledgeArticleCommandInput!) {
    publishKnowledgeArticle(input: $input) {
      __typename
      ... on PublishKnowledgeArticleSuccess { article { id version status currentVersion { number } } }
      ... on ConflictError { currentVersion }
      ... on InvalidTransitionError { from to allowed }
    }
  }
`;

interface Created {
  id: string;
  version: number;
}

/** Writes a card as demo.energy (TLPE-ENERGY) and publishes it unless told otherwise. */
async function writeCard(input: Record<string, unknown>, publish = true, token = tokens['demo.energy']): Promise<Created> {
  const created = await execute<{ createKnowledgeArticle: { __typename: string; article: Created } }>(server.client(token), CREATE, {
    input: { audience: 'PUBLIC', themeCodes: ['ENERGY.PREMIUMS'], ...input },
  });
  expect(created.errors).toBeUndefined();
  expect(created.data!.createKnowledgeArticle.__typename).toBe('CreateKnowledgeArticleSuccess');
  const card = created.data!.createKnowledgeArticle.article;
  if (!publish) return card;
  const published = await execute<{ publishKnowledgeArticle: { __typename: string; article: Created } }>(server.client(token), PUBLISH, { input: { id: card.id, version: card.version } });
  expect(published.data!.publishKnowledgeArticle.__typename).toBe('PublishKnowledgeArticleSuccess');
  return published.data!.publishKnowledgeArticle.article;
}

const uniqueWord = () => `zorglub${randomUUID().replace(/[^a-f]/g, '').slice(0, 8)}`;

describe('searchKnowledge', () => {
  it('finds the roof-insulation premium first in French and in German, and still finds it with a typo', async () => {
    const french = await search({ query: 'prime isolation toiture', language: 'FR' });
    expect(french[0]).toMatchObject({ title: 'Prime pour l’isolation de la toiture', language: 'FR', isFallback: false, matchedBy: 'FULL_TEXT' });
    expect(french[0]!.snippet).toMatch(/<mark>[^<]+<\/mark>/);

    const german = await search({ query: 'Dämmung Dach Prämie', language: 'DE' });
    expect(german[0]).toMatchObject({ title: 'Prämie für die Dämmung des Daches', language: 'DE', isFallback: false });
    expect(german[0]!.article.id).toBe(french[0]!.article.id);
    // Accents folded: "Dammung" finds "Dämmung", and the extract marks the word as written.
    const unaccented = await search({ query: 'Dammung Dach', language: 'DE' });
    expect(unaccented[0]!.article.id).toBe(french[0]!.article.id);
    expect(unaccented[0]!.snippet).toContain('<mark>Dämmung</mark>');

    const typo = await search({ query: 'isolaton', language: 'FR', first: 50 });
    expect(typo.map((hit) => hit.article.id)).toContain(french[0]!.article.id);
    expect(typo.every((hit) => hit.matchedBy === 'SPELLING_CORRECTED')).toBe(true);
    // The extract marks the corrected word as the card writes it.
    const corrected = await search({ query: 'Dämung Dach', language: 'DE' });
    expect(corrected[0]!.article.id).toBe(french[0]!.article.id);
    expect(corrected[0]!.snippet).toContain('<mark>Dämmung</mark>');
  });

  // Ten published cards: the two main words of their title, each with one typo (a letter left
  // out, two letters swapped, an accent missing), in French and in German.
  const TYPOS: { fr: [title: string, query: string]; de: [title: string, query: string] }[] = [
    { fr: ['Prime pour l’isolation de la toiture', 'isolaton toitrue'], de: ['Prämie für die Dämmung des Daches', 'Dämung Dahces'] },
    { fr: ['Audit logement : la première étape des Primes Habitation', 'premiere etpae'], de: ['Wohnungsaudit: der erste Schritt zu den Wohnungsprämien', 'Wohnungsaudt Schirtt'] },
    { fr: ['Conseils gratuits en énergie : les Guichets Énergie Wallonie', 'conseils gratuts'], de: ['Kostenlose Energieberatung: die Energieschalter der Wallonie', 'Energieberatng Wallnoie'] },
    { fr: ['Rénopack et Rénoprêt : prêts à 0 % pour rénover son logement', 'Renopakc Renopret'], de: ['Rénopack und Rénoprêt: zinslose Darlehen für die Renovierung', 'Renopack zinlsose'] },
    { fr: ['Accesspack : prêt hypothécaire social pour acheter un logement', 'Acesspack hypothecaire'], de: ['Accesspack: sozialer Hypothekarkredit für den Wohnungserwerb', 'Accesspack Hypothekarkedit'] },
    { fr: ['Autorisation de transport exceptionnel', 'autorisaton exceptionel'], de: ['Genehmigung für Sondertransporte', 'Genehmigugn Sondertransprote'] },
    { fr: ['Signaler un problème sur une route régionale', 'probleme reginale'], de: ['Ein Problem auf einer Regionalstraße melden', 'Porblem Regionalstrase'] },
    { fr: ['Limitations de vitesse et signalisation : qui décide ?', 'limitatoins signalisaton'], de: ['Geschwindigkeitsbegrenzungen und Verkehrszeichen: Wer ist zuständig?', 'Geschwindigkeitsbegrenzugen Verkehrszeichne'] },
    { fr: ['Permis de chasse, vignette annuelle et examen de chasse', 'vigentte chase'], de: ['Jagdschein, Jahresvignette und Jagdprüfung', 'Jagdschien Jagdprufung'] },
    { fr: ['Prime de naissance et allocations familiales', 'naisance familales'], de: ['Geburtsprämie und Familienleistungen', 'Geburtspramie Familienleistugnen'] },
  ];

  it('finds each of ten cards first when both main words of its title carry a typo, in French and in German', async () => {
    for (const { fr, de } of TYPOS) {
      const [french] = await search({ query: fr[1], language: 'FR' });
      expect(french, fr[1]).toMatchObject({ title: fr[0], language: 'FR', matchedBy: 'SPELLING_CORRECTED' });
      const [german] = await search({ query: de[1], language: 'DE' });
      expect(german, de[1]).toMatchObject({ title: de[0], language: 'DE', matchedBy: 'SPELLING_CORRECTED' });
      expect(german!.article.id, de[1]).toBe(french!.article.id);
    }
  });

  it('leaves a search whose words the cards contain exactly as it was, and keeps its syntax when correcting', async () => {
    const { db } = server.database.handle;
    for (const [language, query] of [
      ['fr', 'prime isolation toiture'],
      ['fr', 'primes -chauffage "isolation des murs"'],
      ['de', 'Dämmung Dach Prämie'],
      ['de', 'Dammung Dach'],
    ] as const) {
      const [row] = await selectRows<{ corrected: string; asked: string }>(
        db,
        sql`select knowledge_search_query(${language}, ${query})::text as corrected, websearch_to_tsquery(knowledge_search_configuration(${language}), ${query})::text as asked`,
      );
      expect(row!.corrected, query).toBe(row!.asked);
      const hits = await search({ query, language: language.toUpperCase() });
      expect(hits.length, query).toBeGreaterThan(0);
      expect(hits.every((hit) => hit.matchedBy === 'FULL_TEXT'), query).toBe(true);
    }
    // "-word" still excludes, also a corrected word: the walls' insulation, not the roof's.
    const walls = (await search({ query: 'isolaton -toitrue', language: 'FR', first: 50 })).map((hit) => hit.title);
    expect(walls).toContain('Prime pour l’isolation des murs');
    expect(walls).not.toContain('Prime pour l’isolation de la toiture');
  });

  it('finds nothing for words that look like no word of the cards, also beside real words', async () => {
    for (const query of ['zzqx blorf', 'qwxyz vbnmq plokij', 'toiture grzlbnk', 'isolaton xqvrtz']) {
      expect(await search({ query, language: 'FR' }), query).toEqual([]);
      expect(await search({ query, language: 'DE' }), query).toEqual([]);
    }
  });

  it('answers the longest searches allowed, with typos in every word', async () => {
    const repeated = `${'isolaton toitrue '.repeat(11)}isolaton`;
    expect(repeated.length).toBeGreaterThan(190);
    expect((await search({ query: repeated, language: 'FR' }))[0]?.title).toBe('Prime pour l’isolation de la toiture');
    // 28 different words that no card holds: at most 8 are looked up, and nothing is found.
    const words = Array.from({ length: 28 }, (_, index) => `qz${String.fromCharCode(97 + (index % 26))}${'wxyv'[index % 4]}lk`);
    const many = words.join(' ').slice(0, 200);
    expect(many.length).toBeGreaterThan(190);
    expect(await search({ query: many, language: 'DE' })).toEqual([]);
  });

  it('ranks, pages with cursors and filters by theme', async () => {
    const all = await search({ query: 'prime', language: 'FR', first: 100 });
    expect(all.length).toBeGreaterThan(3);
    const pages: Hit[] = [];
    let after: string | undefined;
    for (;;) {
      const { data } = await execute<{ searchKnowledge: { edges: { node: Hit }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(server.client(), SEARCH, {
        query: 'prime',
        language: 'FR',
        first: 2,
        after,
      });
      pages.push(...data!.searchKnowledge.edges.map((edge) => edge.node));
      if (!data!.searchKnowledge.pageInfo.hasNextPage) break;
      after = data!.searchKnowledge.pageInfo.endCursor;
    }
    expect(pages.map((hit) => hit.article.id)).toEqual(all.map((hit) => hit.article.id));
    const everyTheme = await search({ query: 'prime', language: 'FR', first: 100 }, tokens['demo.first']);
    const housing = await search({ query: 'prime', language: 'FR', themeCode: 'HOUSING', first: 100 }, tokens['demo.first']);
    const housingIds = new Set(housing.map((hit) => hit.article.id));
    expect(housing.length).toBeGreaterThan(0);
    expect(housing.length).toBeLessThan(everyTheme.length);
    const { data } = await execute<{ nodes: { id: string; themes: { code: string }[] }[] }>(
      server.client(tokens['demo.first']),
      gql`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on KnowledgeArticle { id themes { code } } } }`,
      { ids: [...housingIds] },
    );
    for (const card of data!.nodes) expect(card.themes.some((theme) => theme.code === 'HOUSING' || theme.code.startsWith('HOUSING.'))).toBe(true);
  });

  it('falls back to the French text when a card has none in the asked language, and says so', async () => {
    const word = uniqueWord();
    const card = await writeCard({ texts: [{ language: 'FR', title: `Réponse ${word}`, body: `Seulement en français : ${word}.` }] });
    const [hit] = await search({ query: word, language: 'NL' });
    expect(hit).toMatchObject({ language: 'FR', isFallback: true, title: `Réponse ${word}` });
    const { data } = await execute<{ node: { content: { language: string; isFallback: boolean } } }>(
      server.client(),
      gql`query ($id: ID!) { node(id: $id) { ... on KnowledgeArticle { content(language: DE) { language isFallback } } } }`,
      { id: card.id },
    );
    expect(data!.node.content).toEqual({ language: 'FR', isFallback: true });
  });

  it('never shows a citizen or an anonymous visitor an INTERNAL or unpublished card', async () => {
    const word = uniqueWord();
    await writeCard({ audience: 'INTERNAL', texts: [{ language: 'FR', title: `Interne ${word}`, body: `Procédure interne ${word}.` }] });
    await writeCard({ audience: 'PUBLIC', texts: [{ language: 'FR', title: `Brouillon ${word}`, body: `Pas encore publié ${word}.` }] }, false);
    const archived = await writeCard({ audience: 'PUBLIC', texts: [{ language: 'FR', title: `Archivé ${word}`, body: `Plus en vigueur ${word}.` }] });
    const archive = await execute<{ archiveKnowledgeArticle: { __typename: string } }>(
      server.client(tokens['demo.energy']),
      gql`mutation ($input: KnowledgeArticleCommandInput!) { archiveKnowledgeArticle(input: $input) { __typename } }`,
      { input: { id: archived.id, version: archived.version } },
    );
    expect(archive.data!.archiveKnowledgeArticle.__typename).toBe('ArchiveKnowledgeArticleSuccess');
    // A published PUBLIC card with the same words: a search broken for a role finds nothing, not it.
    await writeCard({ audience: 'PUBLIC', texts: [{ language: 'FR', title: `Public ${word}`, body: `En vigueur ${word}.` }] });

    expect((await search({ query: word }, tokens['demo.first'])).map((hit) => hit.title).sort()).toEqual([`Interne ${word}`, `Public ${word}`]);
    expect((await search({ query: word }, tokens.marie)).map((hit) => hit.title)).toEqual([`Public ${word}`]);
    expect((await search({ query: word })).map((hit) => hit.title)).toEqual([`Public ${word}`]);
    expect((await search({ query: word }, tokens.energyAccount)).map((hit) => hit.title)).toEqual([`Public ${word}`]);

    // The whole seeded base, as the portal lists it: published PUBLIC cards only.
    const LIST = gql`query { knowledgeArticles(first: 100) { edges { node { id status audience draft { number } } } } }`;
    const everyone = await execute<{ knowledgeArticles: { edges: { node: { status: string; audience: string } }[] } }>(
      server.client(),
      gql`query { knowledgeArticles(first: 100) { edges { node { id status audience } } } }`,
    );
    expect(everyone.data!.knowledgeArticles.edges.length).toBeGreaterThan(20);
    for (const { node } of everyone.data!.knowledgeArticles.edges) expect(node).toMatchObject({ status: 'PUBLISHED', audience: 'PUBLIC' });
    const citizen = await execute(server.client(tokens.marie), LIST);
    expect(citizen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const agent = await execute<{ knowledgeArticles: { edges: { node: { status: string; audience: string } }[] } }>(server.client(tokens['demo.first']), LIST);
    const statuses = new Set(agent.data!.knowledgeArticles.edges.map((edge) => `${edge.node.status} ${edge.node.audience}`));
    expect(statuses).toContain('PUBLISHED INTERNAL');
    expect(statuses).toContain('DRAFT PUBLIC');
  });

  it('counts the searches that found nothing as missing answers', async () => {
    for (const query of ['zzqx Quittungsdrucker', '  ZZQX   quittungsdrucker ?']) expect(await search({ query, language: 'DE' }, tokens.marie)).toEqual([]);
    // Anonymous requests write nothing.
    expect(await search({ query: 'zzqx anonym', language: 'DE' })).toEqual([]);
    const { data, errors } = await execute<{ missingKnowledgeAnswers: { edges: { node: { query: string; language: string; searches: number } }[] } }>(
      server.client(tokens['demo.energy']),
      gql`query { missingKnowledgeAnswers(language: DE, first: 100) { edges { node { query language searches lastSearchedAt } } } }`,
    );
    expect(errors).toBeUndefined();
    const missing = data!.missingKnowledgeAnswers.edges.map((edge) => edge.node);
    expect(missing).toContainEqual({ query: 'zzqx quittungsdrucker', language: 'DE', searches: 2, lastSearchedAt: expect.any(String) });
    expect(missing.map((answer) => answer.query)).not.toContain('zzqx anonym');
    const refused = await execute(server.client(tokens.marie), gql`query { missingKnowledgeAnswers { edges { node { query } } } }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an empty or overlong search with BAD_USER_INPUT', async () => {
    for (const query of [' ', 'x'.repeat(201)]) {
      const { errors } = await execute(server.client(), SEARCH, { query });
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('editing a card', () => {
  const READ = gql`
    query ($id: ID!, $number: Int!) {
      node(id: $id) {
        ... on KnowledgeArticle {
          version status content(language: FR) { title body }
          currentVersion { number publishedAt publishedBy { login } }
          draft { number }
          versionByNumber(number: $number) { number isDraft content(language: FR) { title } }
          versions(first: 10) { edges { node { number content(language: FR) { title } } } }
        }
      }
    }
  `;

  it('does give the title of the version shown on the card and of each version, in the asked language or French', async () => {
    const word = uniqueWord();
    const draftOnly = await writeCard({ texts: [{ language: 'FR', title: `Brouillon ${word}`, body: 'Texte.' }] }, false);
    const card = await writeCard({ texts: [{ language: 'FR', title: `Première ${word}`, body: 'Texte.' }, { language: 'DE', title: `Erste ${word}`, body: 'Text.' }] });
    const edited = await execute<{ updateKnowledgeArticle: { __typename: string } }>(server.client(tokens['demo.energy']), UPDATE, {
      input: { id: card.id, version: card.version, texts: [{ language: 'FR', title: `Seconde ${word}`, body: 'Texte revu.' }] },
    });
    expect(edited.data!.updateKnowledgeArticle.__typename).toBe('UpdateKnowledgeArticleSuccess');
    const TITLES = gql`
      query ($ids: [ID!]!) {
        nodes(ids: $ids) {
          ... on KnowledgeArticle {
            fr: title(language: FR) de: title(language: DE) en: title(language: EN) shown: content(language: DE) { title }
            draft { title(language: FR) } currentVersion { title(language: DE) } versionByNumber(number: 1) { title }
          }
        }
      }
    `;
    const { data, errors } = await execute<{ nodes: Record<string, unknown>[] }>(server.client(tokens['demo.first']), TITLES, { ids: [card.id, draftOnly.id] });
    expect(errors).toBeUndefined();
    // The card shows version 1 (in force) until the draft is published; the draft has French only.
    expect(data!.nodes[0]).toEqual({
      fr: `Première ${word}`,
      de: `Erste ${word}`,
      en: `Première ${word}`,
      shown: { title: `Erste ${word}` },
      draft: { title: `Seconde ${word}` },
      currentVersion: { title: `Erste ${word}` },
      versionByNumber: { title: `Première ${word}` },
    });
    // A card never published shows its draft.
    expect(data!.nodes[1]).toMatchObject({ fr: `Brouillon ${word}`, de: `Brouillon ${word}`, currentVersion: null });
  });

  it('refuses a stale version with ConflictError, publishes a new version and keeps the previous one readable', async () => {
    const word = uniqueWord();
    const card = await writeCard({ texts: [{ language: 'FR', title: `Première ${word}`, body: 'Texte initial.' }] });
    const agent = server.client(tokens['demo.energy']);

    const edited = await execute<{ updateKnowledgeArticle: { __typename: string; article: Created } }>(agent, UPDATE, {
      input: { id: card.id, version: card.version, texts: [{ language: 'FR', title: `Seconde ${word}`, body: 'Texte revu.' }, { language: 'DE', title: `Zweite ${word}`, body: 'Überarbeitet.' }] },
    });
    expect(edited.data!.updateKnowledgeArticle.__typename).toBe('UpdateKnowledgeArticleSuccess');
    const stale = await execute<{ updateKnowledgeArticle: { __typename: string; currentVersion: number } }>(agent, UPDATE, {
      input: { id: card.id, version: card.version, texts: [{ language: 'FR', title: 'Perdue', body: 'Perdue.' }] },
    });
    expect(stale.data!.updateKnowledgeArticle).toEqual({ __typename: 'ConflictError', currentVersion: edited.data!.updateKnowledgeArticle.article.version });

    // Before publication the portal still shows version 1; the draft is version 2.
    const before = await execute<{ node: { content: { title: string }; draft: { number: number } | null } }>(server.client(tokens['demo.first']), READ, { id: card.id, number: 1 });
    expect(before.data!.node).toMatchObject({ content: { title: `Première ${word}` }, draft: { number: 2 } });
    expect((await search({ query: word }))[0]!.title).toBe(`Première ${word}`);

    const published = await execute<{ publishKnowledgeArticle: { __typename: string; article: { version: number; currentVersion: { number: number } } } }>(agent, PUBLISH, {
      input: { id: card.id, version: edited.data!.updateKnowledgeArticle.article.version },
    });
    expect(published.data!.publishKnowledgeArticle).toMatchObject({ __typename: 'PublishKnowledgeArticleSuccess', article: { currentVersion: { number: 2 } } });
    const again = await execute<{ publishKnowledgeArticle: { __typename: string; allowed: string[] } }>(agent, PUBLISH, {
      input: { id: card.id, version: published.data!.publishKnowledgeArticle.article.version },
    });
    expect(again.data!.publishKnowledgeArticle).toMatchObject({ __typename: 'InvalidTransitionError', allowed: ['ARCHIVED'] });

    const after = await execute<{
      node: {
        content: { title: string };
        currentVersion: { number: number; publishedBy: { login: string } };
        draft: null;
        versionByNumber: { number: number; isDraft: boolean; content: { title: string } };
        versions: { edges: { node: { number: number; content: { title: string } } }[] };
      };
    }>(server.client(tokens['demo.first']), READ, { id: card.id, number: 1 });
    expect(after.data!.node).toMatchObject({
      content: { title: `Seconde ${word}` },
      currentVersion: { number: 2, publishedBy: { login: 'demo.energy' } },
      draft: null,
      versionByNumber: { number: 1, isDraft: false, content: { title: `Première ${word}` } },
    });
    expect(after.data!.node.versions.edges.map((edge) => edge.node)).toEqual([
      { number: 2, content: { title: `Seconde ${word}` } },
      { number: 1, content: { title: `Première ${word}` } },
    ]);
    expect((await search({ query: word, language: 'DE' }))[0]).toMatchObject({ title: `Zweite ${word}`, isFallback: false });
  });

  it('lets only the owner service and admins edit; other agents suggest, and the owner service works its queue', async () => {
    const word = uniqueWord();
    const card = await writeCard({ texts: [{ language: 'FR', title: `Carte ${word}`, body: 'Texte.' }] });
    const refused = await execute(server.client(tokens['demo.housing']), UPDATE, { input: { id: card.id, version: card.version, reviewDueOn: '2030-01-01' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byAdmin = await execute<{ updateKnowledgeArticle: { __typename: string } }>(server.client(tokens['demo.admin']), UPDATE, {
      input: { id: card.id, version: card.version, reviewDueOn: '2030-01-01' },
    });
    expect(byAdmin.data!.updateKnowledgeArticle.__typename).toBe('UpdateKnowledgeArticleSuccess');

    const suggested = await execute<{ suggestKnowledgeChange: { __typename: string; suggestion: { id: string; status: string } } }>(
      server.client(tokens['demo.first']),
      gql`mutation ($input: SuggestKnowledgeChangeInput!) { suggestKnowledgeChange(input: $input) { __typename ... on SuggestKnowledgeChangeSuccess { suggestion { id status } } } }`,
      { input: { articleId: card.id, kind: 'ERROR', comment: 'Le montant a changé en février.' } },
    );
    expect(suggested.data!.suggestKnowledgeChange).toMatchObject({ __typename: 'SuggestKnowledgeChangeSuccess', suggestion: { status: 'OPEN' } });
    const QUEUE = gql`query { knowledgeSuggestions(first: 100) { edges { node { id kind comment author { login } article { id } } } } }`;
    const queue = await execute<{ knowledgeSuggestions: { edges: { node: { id: string; kind: string; author: { login: string } } }[] } }>(server.client(tokens['demo.energy']), QUEUE);
    expect(queue.data!.knowledgeSuggestions.edges.map((edge) => edge.node)).toContainEqual(
      expect.objectContaining({ id: suggested.data!.suggestKnowledgeChange.suggestion.id, kind: 'ERROR', author: { login: 'demo.first' } }),
    );
    const housingQueue = await execute<{ knowledgeSuggestions: { edges: { node: { id: string } }[] } }>(server.client(tokens['demo.housing']), QUEUE);
    expect(housingQueue.data!.knowledgeSuggestions.edges.map((edge) => edge.node.id)).not.toContain(suggested.data!.suggestKnowledgeChange.suggestion.id);

    const RESOLVE = gql`mutation ($input: ResolveKnowledgeSuggestionInput!) { resolveKnowledgeSuggestion(input: $input) { __typename ... on ResolveKnowledgeSuggestionSuccess { suggestion { status resolvedBy { login } } } } }`;
    const input = { id: suggested.data!.suggestKnowledgeChange.suggestion.id, outcome: 'APPLIED', comment: 'Corrigé.' };
    expect((await execute(server.client(tokens['demo.housing']), RESOLVE, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const resolved = await execute<{ resolveKnowledgeSuggestion: unknown }>(server.client(tokens['demo.energy']), RESOLVE, { input });
    expect(resolved.data!.resolveKnowledgeSuggestion).toEqual({ __typename: 'ResolveKnowledgeSuggestionSuccess', suggestion: { status: 'APPLIED', resolvedBy: { login: 'demo.energy' } } });
    const twice = await execute<{ resolveKnowledgeSuggestion: { __typename: string } }>(server.client(tokens['demo.energy']), RESOLVE, { input });
    expect(twice.data!.resolveKnowledgeSuggestion.__typename).toBe('ConflictError');
  });

  it('answers bad input with ValidationError naming the fields, and writes nothing', async () => {
    const { data } = await execute<{ createKnowledgeArticle: { __typename: string; problems: { path: string[] }[] } }>(server.client(tokens['demo.energy']), CREATE, {
      input: { audience: 'PUBLIC', themeCodes: ['NO.SUCH.THEME'], reviewDueOn: '1999-12-31', texts: [{ language: 'DE', title: '', body: 'Text' }] },
    });
    expect(data!.createKnowledgeArticle.__typename).toBe('ValidationError');
    expect(data!.createKnowledgeArticle.problems.map((problem) => problem.path.join('.')).sort()).toEqual(
      ['input.reviewDueOn', 'input.texts', 'input.texts.0.title', 'input.themeCodes.0'].sort(),
    );
    const card = await writeCard({ texts: [{ language: 'FR', title: 'Inchangée', body: 'Texte.' }] });
    const empty = await execute<{ updateKnowledgeArticle: { __typename: string; problems: { path: string[] }[] } }>(server.client(tokens['demo.energy']), UPDATE, {
      input: { id: card.id, version: card.version, removeLanguages: ['FR'] },
    });
    expect(empty.data!.updateKnowledgeArticle).toEqual({ __typename: 'ValidationError', problems: [{ path: ['input', 'removeLanguages'], message: 'The French text cannot be removed.' }] });
    const nothing = await execute<{ updateKnowledgeArticle: { __typename: string } }>(server.client(tokens['demo.energy']), UPDATE, { input: { id: card.id, version: card.version } });
    expect(nothing.data!.updateKnowledgeArticle.__typename).toBe('ValidationError');
    const { data: after } = await execute<{ node: { version: number } }>(server.client(tokens['demo.energy']), gql`query ($id: ID!) { node(id: $id) { ... on KnowledgeArticle { version } } }`, { id: card.id });
    expect(after!.node.version).toBe(card.version);
  });
});

describe('stale cards', () => {
  it('lists a service’s cards past their review date, earliest first, and only those', async () => {
    const { data: services } = await execute<{ service: { id: string } }>(server.client(), gql`{ service(code: "TLPE-HOUSING") { id } }`);
    const LIST = gql`
      query ($filter: KnowledgeArticleFilter) {
        knowledgeArticles(filter: $filter, first: 100) { edges { node { stale reviewDueOn ownerService { code } content(language: FR) { title } } } }
      }
    `;
    type Card = { stale: boolean; reviewDueOn: string; ownerService: { code: string } };
    const stale = await execute<{ knowledgeArticles: { edges: { node: Card }[] } }>(server.client(tokens['demo.energy']), LIST, {
      filter: { ownerServiceId: services!.service.id, stale: true },
    });
    const cards = stale.data!.knowledgeArticles.edges.map((edge) => edge.node);
    expect(cards.length).toBeGreaterThanOrEqual(2);
    for (const card of cards) expect(card).toMatchObject({ stale: true, ownerService: { code: 'TLPE-HOUSING' } });
    expect(cards.map((card) => card.reviewDueOn)).toEqual(cards.map((card) => card.reviewDueOn).sort());
    const fresh = await execute<{ knowledgeArticles: { edges: { node: Card }[] } }>(server.client(tokens['demo.energy']), LIST, {
      filter: { ownerServiceId: services!.service.id, stale: false },
    });
    expect(fresh.data!.knowledgeArticles.edges.length).toBeGreaterThan(0);
    for (const { node } of fresh.data!.knowledgeArticles.edges) expect(node.stale).toBe(false);
  });
});

describe('the card list', () => {
  it('filters by audience and by theme (with its sub-themes), from the version shown', async () => {
    const LIST = gql`
      query ($filter: KnowledgeArticleFilter) { knowledgeArticles(filter: $filter, first: 100) { edges { node { audience themes { code } } } } }
    `;
    type Card = { audience: string; themes: { code: string }[] };
    const internal = await execute<{ knowledgeArticles: { edges: { node: Card }[] } }>(server.client(tokens['demo.first']), LIST, { filter: { audience: 'INTERNAL' } });
    expect(internal.data!.knowledgeArticles.edges.length).toBeGreaterThanOrEqual(12);
    for (const { node } of internal.data!.knowledgeArticles.edges) expect(node.audience).toBe('INTERNAL');
    const taxation = await execute<{ knowledgeArticles: { edges: { node: Card }[] } }>(server.client(tokens['demo.first']), LIST, { filter: { themeCode: 'TAXATION' } });
    expect(taxation.data!.knowledgeArticles.edges.length).toBeGreaterThan(0);
    for (const { node } of taxation.data!.knowledgeArticles.edges) expect(node.themes.some((theme) => theme.code.split('.')[0] === 'TAXATION')).toBe(true);
  });

  it('answers ids that are not UUIDs like unknown ones, not with an internal error', async () => {
    const garbage = (typename: string) => btoa(`${typename}:not-a-uuid`);
    const { data, errors } = await execute<{ node: unknown; knowledgeArticles: { edges: unknown[] }; knowledgeSuggestions: { edges: unknown[] } }>(
      server.client(tokens['demo.first']),
      gql`
        query ($card: ID!, $service: ID!) {
          node(id: $card) { id }
          knowledgeArticles(filter: { ownerServiceId: $service }) { edges { cursor } }
          knowledgeSuggestions(serviceId: $service) { edges { cursor } }
        }
      `,
      { card: garbage('KnowledgeArticle'), service: garbage('Service') },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ node: null, knowledgeArticles: { edges: [] }, knowledgeSuggestions: { edges: [] } });
  });
});

describe('cards on cases', () => {
  it('counts a card attached to a call later resolved at first contact in the card’s figures', async () => {
    const card = await writeCard({ texts: [{ language: 'FR', title: `Utilisée ${uniqueWord()}`, body: 'Réponse.' }] });
    const registered = await execute<{ registerContact: { __typename: string; case: { id: string; version: number; knowledgeArticles: { id: string }[] } } }>(
      server.client(tokens['demo.first']),
      gql`mutation ($input: RegisterContactInput!) { registerContact(input: $input) { __typename ... on RegisterContactSuccess { case { id version knowledgeArticles { id } } } } }`,
      {
        input: {
          channel: 'PHONE',
          externalId: `kb-${randomUUID()}`,
          themeCode: 'ENERGY.PREMIUMS',
          subject: 'Question sur la prime',
          summary: 'Réponse donnée depuis la carte',
          phone: { line: '1718' },
          knowledgeArticleIds: [card.id],
        },
      },
    );
    expect(registered.data!.registerContact.__typename).toBe('RegisterContactSuccess');
    expect(registered.data!.registerContact.case.knowledgeArticles).toEqual([{ id: card.id }]);

    const USAGE = gql`query ($id: ID!) { node(id: $id) { ... on KnowledgeArticle { usage { uses cases casesResolvedAtFirstContact lastUsedAt } } } }`;
    type Usage = { uses: number; cases: number; casesResolvedAtFirstContact: number; lastUsedAt: string };
    const usageNow = async () => (await execute<{ node: { usage: Usage } }>(server.client(tokens['demo.energy']), USAGE, { id: card.id })).data!.node.usage;
    expect(await usageNow()).toMatchObject({ uses: 1, cases: 1, casesResolvedAtFirstContact: 0, lastUsedAt: expect.any(String) });

    // Resolved afterwards by the first line, without handoff or other contact: a first-contact resolution.
    const { id, version } = registered.data!.registerContact.case;
    const resolved = await execute<{ transitionCase: { __typename: string } }>(
      server.client(tokens['demo.first']),
      gql`mutation ($input: TransitionCaseInput!) { transitionCase(input: $input) { __typename } }`,
      { input: { id, version, to: 'RESOLVED', resolution: 'ANSWERED' } },
    );
    expect(resolved.data!.transitionCase.__typename).toBe('TransitionCaseSuccess');
    expect(await usageNow()).toMatchObject({ uses: 1, cases: 1, casesResolvedAtFirstContact: 1 });

    // Linked to the case itself (not to a contact): one more use, however many times it is linked;
    // an unpublished card is refused and nothing is written.
    const LINK = gql`mutation ($input: LinkKnowledgeArticleInput!) { linkKnowledgeArticle(input: $input) { __typename ... on ValidationError { problems { path } } } }`;
    const caseId = registered.data!.registerContact.case.id;
    for (let time = 0; time < 2; time += 1) {
      const linked = await execute<{ linkKnowledgeArticle: { __typename: string } }>(server.client(tokens['demo.first']), LINK, { input: { caseId, articleId: card.id } });
      expect(linked.data!.linkKnowledgeArticle.__typename).toBe('LinkKnowledgeArticleSuccess');
    }
    const draft = await writeCard({ texts: [{ language: 'FR', title: 'Brouillon', body: 'Brouillon.' }] }, false);
    const refused = await execute<{ linkKnowledgeArticle: { __typename: string } }>(server.client(tokens['demo.first']), LINK, { input: { caseId, articleId: draft.id } });
    expect(refused.data!.linkKnowledgeArticle.__typename).toBe('ValidationError');
    expect((await usageNow()).uses).toBe(2);
  });

  it('refuses an unpublished card on registerContact and records no contact', async () => {
    const draft = await writeCard({ texts: [{ language: 'FR', title: 'Pas publiée', body: 'Brouillon.' }] }, false);
    const externalId = `kb-${randomUUID()}`;
    const input = { channel: 'PHONE', externalId, themeCode: 'ENERGY.PREMIUMS', subject: 'Refusé', phone: { line: '1718' }, knowledgeArticleIds: [draft.id] };
    const MUTATION = gql`mutation ($input: RegisterContactInput!) { registerContact(input: $input) { __typename ... on ValidationError { problems { path } } } }`;
    const { data } = await execute<{ registerContact: { __typename: string; problems: { path: string[] }[] } }>(server.client(tokens['demo.first']), MUTATION, { input });
    expect(data!.registerContact).toEqual({ __typename: 'ValidationError', problems: [{ path: ['input', 'knowledgeArticleIds', '0'] }] });
    const { knowledgeArticleIds: _ignored, ...withoutCard } = input;
    const retried = await execute<{ registerContact: { __typename: string } }>(server.client(tokens['demo.first']), MUTATION, { input: withoutCard });
    expect(retried.data!.registerContact.__typename).toBe('RegisterContactSuccess');
  });

  it('suggests the cards of the case’s theme and subject, and only to agents', async () => {
    const { data } = await execute<{ cases: { edges: { node: { id: string; theme: { code: string }; suggestedArticles: { id: string; themes: { code: string }[] }[] } }[] } }>(
      server.client(tokens['demo.energy']),
      gql`query { cases(first: 20, filter: { themeCode: "ENERGY" }) { edges { node { id theme { code } suggestedArticles(count: 3) { id themes { code } } } } } }`,
    );
    const withSuggestions = data!.cases.edges.filter((edge) => edge.node.suggestedArticles.length > 0);
    expect(withSuggestions.length).toBeGreaterThan(0);
    for (const { node } of withSuggestions) expect(node.suggestedArticles.length).toBeLessThanOrEqual(3);
    const first = withSuggestions[0]!.node;
    expect(first.suggestedArticles[0]!.themes.map((theme) => theme.code.split('.')[0])).toContain(first.theme.code.split('.')[0]);
    const citizen = await execute(
      server.client(tokens.marie),
      gql`query { myCases(first: 1) { edges { node { suggestedArticles { id } } } } }`,
    );
    expect(citizen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
