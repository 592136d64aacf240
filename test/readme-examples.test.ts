import { readFileSync } from 'node:fs';
import { type DocumentNode, Kind, type OperationDefinitionNode, parse, print, validate } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { globalId } from '../src/domain/ids.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// Every ```graphql block of README.md runs as written, in the README's order, against the seeded
// demo data, with the identity the README gives it. Examples with variables get them from what
// the README says they are (an id returned by an earlier example, a service's id by its code).

const MARIE = '00000000-0000-4000-8000-000000000001';
const HANS = '00000000-0000-4000-8000-000000000002';

type Identity = { role: 'agent' | 'citizen' | 'service'; sub: string } | 'anonymous';

/**
 * Who runs an operation, as the README's text says: by the operation's name when it is listed
 * here (one root field run by several identities), else by its first root field.
 */
const IDENTITY_OF: Record<string, Identity> = {
  themes: 'anonymous',
  procedures: 'anonymous',
  routeContact: 'anonymous',
  viewer: { role: 'agent', sub: 'demo.first' },
  registerContact: { role: 'agent', sub: 'demo.first' },
  cases: { role: 'agent', sub: 'demo.first' },
  requestHandoff: { role: 'agent', sub: 'demo.first' },
  acceptHandoff: { role: 'agent', sub: 'demo.energy' },
  startProcedure: { role: 'citizen', sub: MARIE },
  caseEvents: { role: 'service', sub: 'TLPE-ENERGY' },
  createWebhook: { role: 'service', sub: 'TLPE-ENERGY' },
  contactStatistics: { role: 'agent', sub: 'demo.supervisor' },
  searchKnowledge: { role: 'agent', sub: 'demo.first' },
  SlotsNearCaller: { role: 'agent', sub: 'demo.first' },
  BookForCaller: { role: 'agent', sub: 'demo.first' },
  SlotsOfResource: { role: 'citizen', sub: MARIE },
  BookOnPortal: { role: 'citizen', sub: MARIE },
  myAppointments: { role: 'citizen', sub: MARIE },
  cancelAppointment: { role: 'citizen', sub: MARIE },
  MyChecklist: { role: 'citizen', sub: MARIE },
  AttachOnPortal: { role: 'citizen', sub: MARIE },
  GrantToHans: { role: 'citizen', sub: MARIE },
  CasesOfMarie: { role: 'citizen', sub: HANS },
  MessageForMarie: { role: 'citizen', sub: HANS },
  WhoReadMyFile: { role: 'citizen', sub: MARIE },
  RevokeHans: { role: 'citizen', sub: MARIE },
};

/** The operations of README.md's graphql blocks, one document each, in order. */
function readmeOperations(): { block: number; document: DocumentNode; operation: OperationDefinitionNode }[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
  return blocks.flatMap((text, index) => {
    const parsed = parse(text);
    return parsed.definitions
      .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
      .map((operation) => ({ block: index + 1, operation, document: { kind: Kind.DOCUMENT, definitions: [operation] } as DocumentNode }));
  });
}

const rootField = (operation: OperationDefinitionNode) => {
  const first = operation.selectionSet.selections[0];
  return first?.kind === Kind.FIELD ? first.name.value : '';
};

/** The key of IDENTITY_OF (and of the variables) of an operation: its name when listed, else its root field. */
const keyOf = (operation: OperationDefinitionNode) => (operation.name && operation.name.value in IDENTITY_OF ? operation.name.value : rootField(operation));

describe('README examples', () => {
  let server: TestServer;
  const operations = readmeOperations();
  /** What earlier examples returned, for the variables of later ones. */
  const state: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  const tokenOf = async (identity: Identity) => (identity === 'anonymous' ? undefined : tokenFor(identity));

  /** What the README's curl example does: POST /documents, as Marie. */
  async function uploadAsMarie(): Promise<string> {
    const response = await fetch(`${new URL(server.url).origin}/documents?fileName=facture.pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor({ role: 'citizen', sub: MARIE })}`, 'content-type': 'application/octet-stream' },
      body: new TextEncoder().encode('%PDF-1.4\n% facture\n%%EOF\n'),
    });
    return ((await response.json()) as { uploadId: string }).uploadId;
  }

  async function variablesOf(key: string): Promise<Record<string, unknown>> {
    const energy = async () => {
      state.energy ??= (await execute<{ service: { id: string } }>(server.client(), '{ service(code: "TLPE-ENERGY") { id } }')).data!.service.id;
      return state.energy;
    };
    const resource = async (code: string) => {
      const { data } = await execute<{ bookableResources: { id: string; code: string }[] }>(server.client(), '{ bookableResources { id code } }');
      return data!.bookableResources.find((candidate) => candidate.code === code)!.id;
    };
    switch (key) {
      case 'requestHandoff':
        return { caseId: state.caseId, toServiceId: await energy() };
      case 'acceptHandoff':
        return { id: state.handoffId };
      case 'caseEvents':
        return { after: null, serviceId: await energy() };
      case 'BookForCaller':
        return { resourceId: state.slotResourceId, start: state.slotStart, citizenId: state.citizenId };
      case 'SlotsOfResource':
        return { resourceId: await resource('EW-NAMUR.RECEPTION') };
      case 'BookOnPortal':
        return { resourceId: state.slotResourceId, start: state.slotStart };
      case 'cancelAppointment':
        return { appointmentId: state.appointmentId };
      case 'MyChecklist':
        return { caseId: state.procedureCaseId };
      case 'GrantToHans':
        return { hans: globalId('Citizen', HANS) };
      case 'CasesOfMarie':
        return { marie: globalId('Citizen', MARIE) };
      case 'MessageForMarie':
        return { caseId: state.procedureCaseId };
      case 'RevokeHans':
        return { mandateId: state.mandateId };
      case 'AttachOnPortal':
        return { uploadId: await uploadAsMarie(), caseId: state.procedureCaseId, requirementId: state.requirementId };
      default:
        return {};
    }
  }

  it('has graphql blocks, each operation valid against the schema and with a known identity', () => {
    expect(operations.length).toBeGreaterThanOrEqual(12);
    const problems: string[] = [];
    for (const { block, document, operation } of operations) {
      for (const error of validate(schema, document)) problems.push(`block ${block}: ${error.message}`);
      if (!(keyOf(operation) in IDENTITY_OF)) problems.push(`block ${block}: no identity for ${keyOf(operation)} in this test`);
    }
    expect(problems).toEqual([]);
  });

  it('runs every query and mutation as written, in order, without errors', { timeout: 60_000 }, async () => {
    const failures: string[] = [];
    for (const { block, document, operation } of operations) {
      if (operation.operation === 'subscription') continue;
      const name = rootField(operation);
      const token = await tokenOf(IDENTITY_OF[keyOf(operation)]!);
      const variables = await variablesOf(keyOf(operation));
      const { data, errors } = await execute<Record<string, Record<string, unknown>>>(server.client(token), print(document), variables);
      if (errors) failures.push(`block ${block} (${name}): ${JSON.stringify(errors)}`);
      const result = data?.[name] as Record<string, unknown> | undefined;
      // A typed error of a mutation is no failure of the request, but an example must succeed.
      if (operation.operation === 'mutation' && !String(result?.__typename ?? 'Success').endsWith('Success')) failures.push(`block ${block} (${name}): ${JSON.stringify(result)}`);
      if (name === 'registerContact') {
        state.caseId = ((result as { case: { id: string } }).case ?? {}).id!;
        state.citizenId = ((result as { case?: { citizen?: { id: string } } }).case?.citizen ?? {}).id!;
      }
      if (name === 'requestHandoff') state.handoffId = ((result as { handoff: { id: string } }).handoff ?? {}).id!;
      // A slot comes from the server's own clock: a bookAppointment books the first slot the
      // availableSlots example before it offered (its resource, else the resource it searched).
      if (name === 'availableSlots') {
        const [slot] = (data?.[name] ?? []) as unknown as { start: string; resource?: { id: string } }[];
        if (slot) Object.assign(state, { slotResourceId: slot.resource?.id ?? String(variables.resourceId), slotStart: slot.start });
        else failures.push(`block ${block} (${name}): no free slot to book`);
      }
      if (name === 'startProcedure') state.procedureCaseId = ((result as { case?: { id: string } }).case ?? {}).id!;
      if (keyOf(operation) === 'MyChecklist') state.requirementId = (result as { documentChecklist?: { requirement: { id: string } }[] } | undefined)?.documentChecklist?.[0]?.requirement.id ?? '';
      if (name === 'grantMandate') state.mandateId = ((result as { mandate?: { id: string } }).mandate ?? {}).id!;
      if (keyOf(operation) === 'MessageForMarie' && JSON.stringify(result).indexOf('Hans Schmitz for Marie Dupont') < 0) failures.push(`block ${block}: ${JSON.stringify(result)}`);
      if (keyOf(operation) === 'WhoReadMyFile' && JSON.stringify(data).indexOf('Hans Schmitz') < 0) failures.push(`block ${block}: no read by Hans in ${JSON.stringify(data)}`);
      if (name === 'bookAppointment') state.appointmentId = ((result as { appointment?: { id: string } }).appointment ?? {}).id!;
    }
    expect(failures).toEqual([]);
    expect(state.caseId).toBeDefined();
    expect(state.handoffId).toBeDefined();
    expect(state.citizenId).toBeDefined();
    expect(state.appointmentId).toBeDefined();
    expect(state.requirementId).toBeTruthy();
  });

  it('runs every subscription as written over graphql-ws, which starts without an error', async () => {
    const subscriptions = operations.filter(({ operation }) => operation.operation === 'subscription');
    expect(subscriptions.length).toBeGreaterThan(0);
    for (const { block, document, operation } of subscriptions) {
      const name = keyOf(operation);
      const token = await tokenOf(IDENTITY_OF[name]!);
      const client = createClient({
        url: server.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
        retryAttempts: 0,
      });
      const variables = await variablesOf(name);
      const outcome = await new Promise<string>((resolve) => {
        const dispose = client.subscribe(
          { query: print(document), variables },
          { next: (result) => result.errors && resolve(JSON.stringify(result.errors)), error: (error) => resolve(JSON.stringify(error)), complete: () => resolve('completed') },
        );
        setTimeout(() => {
          dispose();
          resolve('running');
        }, 500);
      });
      await client.dispose();
      expect(outcome, `block ${block} (${name})`).toBe('running');
    }
  });
});
