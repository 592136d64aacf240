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

/** What a viewer's rights depend on: who they are, and for staff their role, service and line. */
function rightsOf(viewer: Viewer): readonly unknown[] {
  switch (viewer.kind) {
    case 'anonymous':
      return [viewer.kind];
    case 'citizen':
      return [viewer.kind, viewer.citizenId];
    case 'agent':
      return [viewer.kind, viewer.agentId, viewer.role, viewer.serviceId, viewer.line];
    case 'service':
      return [viewer.kind, viewer.accountId, viewer.serviceId, viewer.line];
  }
}

/** Whether two resolutions of one token give the same rights (a changed language does not matter). */
export function sameRights(a: Viewer, b: Viewer): boolean {
  const left = rightsOf(a);
  const right = rightsOf(b);
  return left.length === right.length && left.every((value, index) => value === right[index]);
}
