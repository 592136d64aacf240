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

builder.queryType({ description: 'Entry points for reading. Each field states who may read it.' });

export const schema: GraphQLSchema = builder.toSchema({ sortSchema: true });

/** The SDL committed in schema/schema.graphql. */
export function printSdl(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export type { Context } from './context.js';
