import { builder } from './builder.js';

// Enums shared by several areas. Values match the domain vocabularies one to one.

export const LineEnum = builder.enumType('Line', {
  description: 'The tier that works on a contact.',
  values: {
    FIRST: { description: 'The 1718/1719 contact centre: answers, orients, helps start procedures.' },
    SECOND: { description: 'A business service that handles citizen files.' },
    THIRD: { description: 'An expert unit consulted by a business service.' },
  } as const,
});

export const ServiceKindEnum = builder.enumType('ServiceKind', {
  description: 'Whether a service belongs to the administration or is another authority.',
  values: {
    INTERNAL: { description: 'A service of the regional administration; cases can be handed to it.' },
    EXTERNAL: { description: 'Another authority or call centre, used only to orient or redirect citizens.' },
  } as const,
});

export const AuthorityLevelEnum = builder.enumType('AuthorityLevel', {
  description: 'The level of an external authority.',
  values: {
    FEDERAL: { description: 'Federal state (SPF/FOD).' },
    COMMUNITY: { description: 'A community (Fédération Wallonie-Bruxelles, Ostbelgien).' },
    REGIONAL: { description: 'A regional body outside the administration (OIP, agency).' },
    PROVINCIAL: { description: 'A province.' },
    LOCAL: { description: 'A municipality or a CPAS.' },
    OPERATOR: { description: 'A network or transport operator.' },
    PRIVATE: { description: 'A private party with a public task (e.g. bailiffs).' },
  } as const,
});

export const AgentRoleEnum = builder.enumType('AgentRole', {
  description: 'What an agent may do.',
  values: {
    FIRST_LINE_AGENT: { description: 'Answers contacts at the first line.' },
    BACK_OFFICE_AGENT: { description: 'Works on the cases of a business service.' },
    SUPERVISOR: { description: 'Oversees a team; reads statistics.' },
    ADMIN: { description: 'Administers reference data and accounts.' },
  } as const,
});

export const PublicationFormatEnum = builder.enumType('PublicationFormat', {
  description: 'How a publication is distributed.',
  values: {
    PRINT: { description: 'Printed only; ordered and sent by post.' },
    PDF: { description: 'Downloadable only.' },
    PRINT_AND_PDF: { description: 'Printed and downloadable.' },
  } as const,
});
