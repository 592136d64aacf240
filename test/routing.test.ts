import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const ROUTE = gql`
  query ($input: RouteContactInput!, $language: Language) {
    routeContact(input: $input) {
      __typename
      ... on RouteToFirstLine { service { code } }
      ... on RouteToService { service { code label } }
      ... on ExternalRedirect { service { code phone } message(language: $language) }
    }
  }
`;

type Route = { __typename: string; service: { code: string; phone?: string | null }; message?: string | null };

async function route(input: Record<string, unknown>, language?: string): Promise<Route> {
  const { data, errors } = await execute<{ routeContact: Route }>(server.client(), ROUTE, { input, language });
  expect(errors).toBeUndefined();
  return data!.routeContact;
}

describe('routeContact', () => {
  it('redirects a personal tax question in German to the SPW Finances tax call centre with the German message', async () => {
    const redirect = await route({ channel: 'PHONE', language: 'DE', themeCode: 'TAXATION.PERSONAL_FILE' }, 'DE');
    expect(redirect.__typename).toBe('ExternalRedirect');
    expect(redirect.service.code).toBe('EXT-TAX-CALLCENTRE');
    expect(redirect.message).toMatch(/Steuer/);
    const french = await route({ channel: 'EMAIL', themeCode: 'TAXATION.PERSONAL_FILE' }, 'FR');
    expect(french.message).not.toBe(redirect.message);
  });

  it('transfers the voice-menu choice 2 to SOS Environnement-Nature, on 1718 and on 1719', async () => {
    for (const language of ['FR', 'DE']) {
      const transfer = await route({ channel: 'PHONE', language, ivrPath: ['2'] });
      expect(transfer).toMatchObject({ __typename: 'RouteToService', service: { code: 'EXT-SOS-ENVIRONMENT' } });
    }
  });

  it('plays the tax message for the voice-menu choice 3, and sends everything else to the first line', async () => {
    expect(await route({ channel: 'PHONE', ivrPath: ['3'] })).toMatchObject({ __typename: 'ExternalRedirect', service: { code: 'EXT-TAX-CALLCENTRE' } });
    expect(await route({ channel: 'PHONE', ivrPath: ['0'] })).toEqual({ __typename: 'RouteToFirstLine', service: { code: 'SG-1718' } });
    expect(await route({ channel: 'EMAIL', themeCode: 'ENERGY.PREMIUMS' })).toEqual({ __typename: 'RouteToFirstLine', service: { code: 'SG-1718' } });
  });

  it('refuses an unknown theme or menu key with BAD_USER_INPUT', async () => {
    for (const input of [{ channel: 'PHONE', themeCode: 'NOPE' }, { channel: 'PHONE', ivrPath: ['7'] }]) {
      const { errors } = await execute(server.client(), ROUTE, { input });
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('makes registerContact redirect a call that chose the tax message, opening no case', async () => {
    const token = await tokenFor({ role: 'agent', sub: 'demo.first' });
    const { data } = await execute<{ registerContact: { __typename: string; service?: { code: string } } }>(
      server.client(token),
      gql`mutation ($input: RegisterContactInput!) { registerContact(input: $input) { __typename ... on RedirectRequired { service { code } } } }`,
      { input: { channel: 'PHONE', themeCode: 'TAXATION.PERSONAL_FILE', subject: 'Mon avertissement-extrait de rôle', phone: { line: '1718', ivrPath: ['3'] } } },
    );
    expect(data?.registerContact).toEqual({ __typename: 'RedirectRequired', service: { code: 'EXT-TAX-CALLCENTRE' } });
  });
});
