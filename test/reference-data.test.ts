import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const THEMES = gql`
  query Themes($language: Language) {
    themes(topLevelOnly: true) {
      id
      code
      label(language: $language)
      defaultService { code line kind }
      children { code }
    }
  }
`;

describe('reference data', () => {
  it.each([
    ['FR', 'Énergie'],
    ['DE', 'Energie'],
    ['NL', 'Energie'],
    ['EN', 'Energy'],
  ])('labels themes in %s', async (language, energyLabel) => {
    const { data, errors } = await server.client().rawRequest<{ themes: { code: string; label: string; children: unknown[] }[] }>(THEMES, { language });
    expect(errors).toBeUndefined();
    expect(data.themes.length).toBeGreaterThanOrEqual(12);
    expect(data.themes.find((theme) => theme.code === 'ENERGY')?.label).toBe(energyLabel);
    expect(data.themes.every((theme) => theme.label.length > 0)).toBe(true);
  });

  it('labels in French when no language is asked by an anonymous caller', async () => {
    const { data } = await server.client().rawRequest<{ themes: { code: string; label: string }[] }>(THEMES);
    expect(data.themes.find((theme) => theme.code === 'HOUSING')?.label).toMatch(/Logement/);
  });

  it('routes personal tax files away from the first line with a message in each language', async () => {
    const { data } = await server.client().rawRequest<{
      theme: { firstLineExcluded: boolean; redirectService: { code: string; kind: string }; fr: string; de: string };
    }>(gql`
      {
        theme(code: "TAXATION.PERSONAL_FILE") {
          firstLineExcluded
          redirectService { code kind }
          fr: redirectMessage(language: FR)
          de: redirectMessage(language: DE)
        }
      }
    `);
    expect(data.theme.firstLineExcluded).toBe(true);
    expect(data.theme.redirectService).toEqual({ code: 'EXT-TAX-CALLCENTRE', kind: 'EXTERNAL' });
    expect(data.theme.fr).not.toBe(data.theme.de);
  });

  it('filters procedures by theme, sub-themes included, and by text', async () => {
    const client = server.client();
    const all = await client.rawRequest<{ procedures: { code: string; theme: { code: string } }[] }>(gql`{ procedures { code theme { code } } }`);
    expect(all.data.procedures.length).toBeGreaterThanOrEqual(30);

    const energy = await client.rawRequest<{ procedures: { code: string; theme: { code: string }; steps: { position: number }[] }[] }>(
      gql`{ procedures(themeCode: "ENERGY") { code theme { code } steps { position } } }`,
    );
    expect(energy.data.procedures.length).toBeGreaterThan(0);
    for (const procedure of energy.data.procedures) {
      expect(procedure.theme.code === 'ENERGY' || procedure.theme.code.startsWith('ENERGY.')).toBe(true);
      expect(procedure.steps.map((step) => step.position)).toEqual(procedure.steps.map((_, index) => index + 1));
    }

    const fishing = await client.rawRequest<{ procedures: { code: string; label: string }[] }>(gql`{ procedures(search: "pêche") { code label(language: FR) } }`);
    expect(fishing.data.procedures.map((p) => p.code)).toContain('PERMIS-PECHE');
    expect(fishing.data.procedures.length).toBeLessThan(all.data.procedures.length);
    for (const procedure of fishing.data.procedures) expect(`${procedure.code} ${procedure.label}`.toLowerCase()).toContain('pêche');
  });

  it('refuses an overlong search with BAD_USER_INPUT', async () => {
    const { errors } = await server.client().rawRequest(gql`query($s: String) { procedures(search: $s) { code } }`, { s: 'x'.repeat(101) });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists services by line and kind, publications and counters', async () => {
    const { data } = await server.client().rawRequest<{
      external: { kind: string }[];
      third: { line: string }[];
      publications: { code: string; label: string; format: string }[];
      counters: { city: string }[];
    }>(gql`
      {
        external: services(kind: EXTERNAL) { kind }
        third: services(line: THIRD) { line }
        publications { code label(language: EN) format }
        counters { city }
      }
    `);
    expect(data.external.length).toBeGreaterThan(5);
    expect(data.external.every((service) => service.kind === 'EXTERNAL')).toBe(true);
    expect(data.third.length).toBeGreaterThan(0);
    expect(data.third.every((service) => service.line === 'THIRD')).toBe(true);
    expect(data.publications.length).toBeGreaterThanOrEqual(12);
    expect(data.counters.map((counter) => counter.city)).toContain('Liège');
  });

  it('resolves reference objects by global id through node(id:)', async () => {
    const client = server.client();
    const { data } = await client.rawRequest<{ themes: { id: string; code: string }[] }>(THEMES);
    const energy = data.themes.find((theme) => theme.code === 'ENERGY')!;
    const node = await client.rawRequest<{ node: { __typename: string; code: string } }>(
      gql`query($id: ID!) { node(id: $id) { __typename ... on Theme { code } } }`,
      { id: energy.id },
    );
    expect(node.data.node).toEqual({ __typename: 'Theme', code: 'ENERGY' });
    const missing = await client.rawRequest<{ node: unknown }>(gql`query($id: ID!) { node(id: $id) { id } }`, {
      id: Buffer.from('Theme:not-a-uuid').toString('base64'),
    });
    expect(missing.errors).toBeUndefined();
    expect(missing.data.node).toBeNull();
  });
});
