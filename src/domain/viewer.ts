import type { AgentRole, Language, Line } from './vocabulary.js';

/** Who is asking: resolved once per request from the token and the database. */
export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'citizen'; citizenId: string; preferredLanguage: Language }
  | { kind: 'agent'; agentId: string; login: string; role: AgentRole; serviceId: string; line: Line }
  | { kind: 'service'; accountId: string; subject: string; serviceId: string; line: Line };

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

export const TOKEN_ROLES = ['citizen', 'agent', 'service'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];
