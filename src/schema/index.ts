import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import './errors.js';
import './service.js';
import './theme.js';
import './procedure.js';
import './publication.js';
import './agent.js';
import './citizen.js';
import './viewer.js';
import './interaction.js';
import './case-event.js';
import './note.js';
import './handoff.js';
import './case.js';
import './contact.js';
import './handoff-commands.js';
import './routing.js';
import './portal.js';
import './tracking.js';
import './subscriptions.js';
import './webhooks.js';
import './statistics.js';
import './knowledge.js';
import './appointments/resource.js';
import './appointments/appointment.js';
import './appointments/commands.js';
import './appointments/statistics.js';
import './documents/document.js';
import './documents/commands.js';
import './mandates/mandate.js';
import './mandates/commands.js';
import './mandates/representation.js';

builder.queryType({ description: 'Entry points for reading. Each field states who may read it.' });
builder.mutationType({ description: 'Commands. Each takes one input and returns <Name>Success or a typed error; nothing is written when it fails.' });

export const schema: GraphQLSchema = builder.toSchema({ sortSchema: true });

/** The SDL committed in schema/schema.graphql. */
export function printSdl(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export type { Context } from './context.js';
