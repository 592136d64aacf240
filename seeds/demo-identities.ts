// Stable demo identities: README lists them so that anyone can mint a token for them.

export const DEMO_CITIZENS = {
  marie: { id: '00000000-0000-4000-8000-000000000001', givenName: 'Marie', familyName: 'Dupont', language: 'fr' },
  hans: { id: '00000000-0000-4000-8000-000000000002', givenName: 'Hans', familyName: 'Schmitz', language: 'de' },
} as const;

export const FIRST_LINE_SERVICE = 'SG-1718';

export interface DemoAgent {
  login: string;
  givenName: string;
  familyName: string;
  role: 'FIRST_LINE_AGENT' | 'BACK_OFFICE_AGENT' | 'SUPERVISOR' | 'ADMIN';
  serviceCode: string;
  languages: ('fr' | 'de' | 'nl' | 'en')[];
}

export const DEMO_AGENTS: DemoAgent[] = [
  { login: 'demo.first', givenName: 'Sophie', familyName: 'Lambert', role: 'FIRST_LINE_AGENT', serviceCode: FIRST_LINE_SERVICE, languages: ['fr', 'en'] },
  { login: 'demo.energy', givenName: 'Julien', familyName: 'Renard', role: 'BACK_OFFICE_AGENT', serviceCode: 'TLPE-ENERGY', languages: ['fr'] },
  { login: 'demo.housing', givenName: 'Nathalie', familyName: 'Dubois', role: 'BACK_OFFICE_AGENT', serviceCode: 'TLPE-HOUSING', languages: ['fr', 'nl'] },
  { login: 'demo.expert', givenName: 'Olivier', familyName: 'Mertens', role: 'BACK_OFFICE_AGENT', serviceCode: 'TLPE-ENERGY-EXPERT', languages: ['fr', 'en'] },
  { login: 'demo.supervisor', givenName: 'Isabelle', familyName: 'Collard', role: 'SUPERVISOR', serviceCode: FIRST_LINE_SERVICE, languages: ['fr', 'de'] },
  { login: 'demo.admin', givenName: 'Marc', familyName: 'Lejeune', role: 'ADMIN', serviceCode: FIRST_LINE_SERVICE, languages: ['fr', 'en'] },
  // The rest of the first-line team (12 agents answered the 1718 in 2022), one of them for the 1719.
  { login: 'agent.kessler', givenName: 'Anna', familyName: 'Kessler', role: 'FIRST_LINE_AGENT', serviceCode: FIRST_LINE_SERVICE, languages: ['de', 'fr'] },
  { login: 'agent.leclercq', givenName: 'Thomas', familyName: 'Leclercq', role: 'FIRST_LINE_AGENT', serviceCode: FIRST_LINE_SERVICE, languages: ['fr'] },
  { login: 'agent.martin', givenName: 'Camille', familyName: 'Martin', role: 'FIRST_LINE_AGENT', serviceCode: FIRST_LINE_SERVICE, languages: ['fr', 'nl'] },
  { login: 'agent.petit', givenName: 'Laurent', familyName: 'Petit', role: 'FIRST_LINE_AGENT', serviceCode: FIRST_LINE_SERVICE, languages: ['fr'] },
  { login: 'agent.gilson', givenName: 'Valérie', familyName: 'Gilson', role: 'FIRST_LINE_AGENT', serviceCode: FIRST_LINE_SERVICE, languages: ['fr', 'en'] },
  { login: 'agent.wauters', givenName: 'Kevin', familyName: 'Wauters', role: 'FIRST_LINE_AGENT', serviceCode: FIRST_LINE_SERVICE, languages: ['fr', 'nl'] },
  { login: 'agent.simon', givenName: 'Aurélie', familyName: 'Simon', role: 'FIRST_LINE_AGENT', serviceCode: FIRST_LINE_SERVICE, languages: ['fr'] },
  { login: 'agent.jacques', givenName: 'Benoît', familyName: 'Jacques', role: 'FIRST_LINE_AGENT', serviceCode: FIRST_LINE_SERVICE, languages: ['fr'] },
  { login: 'agent.noel', givenName: 'Sarah', familyName: 'Noël', role: 'FIRST_LINE_AGENT', serviceCode: FIRST_LINE_SERVICE, languages: ['fr', 'en'] },
  { login: 'agent.cornet', givenName: 'Damien', familyName: 'Cornet', role: 'FIRST_LINE_AGENT', serviceCode: FIRST_LINE_SERVICE, languages: ['fr'] },
  // Back offices of the other main services.
  { login: 'agent.env', givenName: 'Pauline', familyName: 'Henrard', role: 'BACK_OFFICE_AGENT', serviceCode: 'ARNE-ENVIRONMENT', languages: ['fr', 'de'] },
  { login: 'agent.dnf', givenName: 'Michel', familyName: 'Fontaine', role: 'BACK_OFFICE_AGENT', serviceCode: 'ARNE-DNF', languages: ['fr'] },
  { login: 'agent.opw', givenName: 'Céline', familyName: 'Dethier', role: 'BACK_OFFICE_AGENT', serviceCode: 'ARNE-OPW', languages: ['fr'] },
  { login: 'agent.roads', givenName: 'Philippe', familyName: 'Delvaux', role: 'BACK_OFFICE_AGENT', serviceCode: 'MI-ROADS', languages: ['fr'] },
  { login: 'agent.tax', givenName: 'Stéphanie', familyName: 'Hubert', role: 'BACK_OFFICE_AGENT', serviceCode: 'FIN-TAX', languages: ['fr', 'de'] },
  { login: 'agent.social', givenName: 'Nicolas', familyName: 'Piette', role: 'BACK_OFFICE_AGENT', serviceCode: 'IAS-SOCIAL', languages: ['fr'] },
  { login: 'agent.planning', givenName: 'Émilie', familyName: 'Lambotte', role: 'BACK_OFFICE_AGENT', serviceCode: 'TLPE-PLANNING', languages: ['fr'] },
];

/** Main business services: each has a service account whose JWT subject is the service code. */
export const DEMO_SERVICE_ACCOUNTS = [
  'TLPE-ENERGY',
  'TLPE-HOUSING',
  'TLPE-PLANNING',
  'ARNE-ENVIRONMENT',
  'ARNE-DNF',
  'ARNE-OPW',
  'MI-ROADS',
  'FIN-TAX',
  'IAS-SOCIAL',
  'EER-EMPLOYMENT',
] as const;
