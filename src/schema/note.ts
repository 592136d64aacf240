import type { NoteRow } from '../services/case-reads.js';
import { Agent } from './agent.js';
import { builder } from './builder.js';

export const Note = builder.objectRef<NoteRow>('Note').implement({
  description: 'An internal note on a case. Staff only: never shown to the citizen.',
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.globalID({ description: 'Global id of the note.', resolve: (note) => ({ type: 'Note', id: note.id }) }),
    body: t.exposeString('body', { description: 'The text, as written.' }),
    author: t.field({ type: Agent, nullable: true, description: 'Who wrote it; null for a service account.', resolve: (note) => note.authorAgentId }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was written.', resolve: (note) => note.createdAt }),
  }),
});
