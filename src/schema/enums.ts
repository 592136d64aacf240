import { builder } from './builder.js';

// Enums shared by several areas. Values match the domain vocabularies one to one.

/** A GraphQL enum of a domain vocabulary, each value with its description. */
export function vocabularyEnum<Value extends string>(name: string, description: string, values: readonly Value[], describe: Record<Value, string>) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(values.map((value) => [value, { description: describe[value] }])) as Record<Value, { description: string }>,
  });
}

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

export const CaseStatusEnum = builder.enumType('CaseStatus', {
  description: 'Where a case stands in its lifecycle.',
  values: {
    NEW: { description: 'Opened, nobody has worked on it yet.' },
    IN_PROGRESS: { description: 'Being worked on.' },
    WAITING_FOR_CITIZEN: { description: 'Waiting for an answer or documents from the citizen (the SLA clock pauses).' },
    HANDED_OFF: { description: 'Waiting for a service of the next line to answer a handoff (REQUESTED); once it accepts, that line works the case (IN_PROGRESS, WAITING_FOR_CITIZEN, RESOLVED).' },
    RESOLVED: { description: 'Answered or otherwise settled; may still be reopened.' },
    CLOSED: { description: 'Final: resolved and closed.' },
    CANCELLED: { description: 'Final: dropped without a resolution (duplicate, withdrawn).' },
  } as const,
});

export const ResolutionEnum = builder.enumType('Resolution', {
  description: 'How a case was settled.',
  values: {
    ANSWERED: { description: 'The question was answered.' },
    ORIENTED_TO_SERVICE: { description: 'The citizen was given the coordinates of the competent service.' },
    PROCEDURE_STARTED: { description: 'A procedure was started with the citizen.' },
    ORDER_REGISTERED: { description: 'A publication order was recorded.' },
    APPOINTMENT_BOOKED: { description: 'An appointment was booked.' },
    HANDLED_BY_BACK_OFFICE: { description: 'A business service handled the file.' },
  } as const,
});

export const PriorityEnum = builder.enumType('Priority', {
  description: 'How urgent a case is.',
  values: {
    LOW: { description: 'Can wait.' },
    NORMAL: { description: 'The default.' },
    HIGH: { description: 'Before normal cases.' },
    URGENT: { description: 'Now: social emergency, imminent deadline.' },
  } as const,
});

export const ChannelEnum = builder.enumType('Channel', {
  description: 'The channel of a contact.',
  values: {
    PHONE: { description: 'A call to 1718 (French) or 1719 (German).' },
    EMAIL: { description: 'An e-mail.' },
    CHAT: { description: 'A chat session.' },
    COUNTER: { description: 'A visit to an Espace Wallonie counter.' },
    ONLINE_PROCEDURE: { description: 'A submission of an online procedure.' },
    LETTER: { description: 'A letter by post.' },
  } as const,
});

export const ConfidentialityEnum = builder.enumType('Confidentiality', {
  description: 'Who may read a case.',
  values: {
    NORMAL: { description: 'Every agent whose role and service allow it.' },
    CONFIDENTIAL: { description: 'Not the first line: only its service, services it is handed to, supervisors and admins.' },
  } as const,
});

export const DirectionEnum = builder.enumType('Direction', {
  description: 'Who started an interaction.',
  values: {
    INBOUND: { description: 'The citizen contacted the administration.' },
    OUTBOUND: { description: 'The administration contacted the citizen.' },
  } as const,
});

export const SlaStateEnum = builder.enumType('SlaState', {
  description: 'Where a deadline stands.',
  values: {
    ON_TRACK: { description: 'Within the part of the budget before the at-risk threshold.' },
    AT_RISK: { description: 'Past the policy’s at-risk share of the budget, not yet due.' },
    BREACHED: { description: 'Past due (or resolved after it).' },
  } as const,
});
