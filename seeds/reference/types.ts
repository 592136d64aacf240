// Shapes of the reference data files in this folder. Every record is keyed by a stable `code`
// so that seeding is idempotent (upsert by code) and other records refer to it by code.
import type { ProcedureForm } from '../../src/domain/procedure-form.js';
import type { DocumentKind } from '../../src/domain/vocabulary.js';

export type SeedLanguage = 'fr' | 'de' | 'nl' | 'en';

/** French is required; the other languages fall back to French when missing. */
export type SeedLabels = { fr: string; de?: string; nl?: string; en?: string };

/** All four languages, for labels shown to every citizen (themes, steps). */
export type FullLabels = { fr: string; de: string; nl: string; en: string };

export interface DepartmentSeed {
  code: string;
  labels: SeedLabels;
}

export interface ServiceSeed {
  code: string;
  labels: SeedLabels;
  /** Department code for SPW services; absent for external authorities. */
  departmentCode?: string;
  line: 'FIRST' | 'SECOND' | 'THIRD';
  kind: 'INTERNAL' | 'EXTERNAL';
  /** For EXTERNAL services: the authority level (federal, community, regional, provincial, local, operator, private). */
  authorityLevel?: 'FEDERAL' | 'COMMUNITY' | 'REGIONAL' | 'PROVINCIAL' | 'LOCAL' | 'OPERATOR' | 'PRIVATE';
  phone?: string;
  email?: string;
  website?: string;
  address?: string;
  openingHours?: string;
}

export interface ThemeSeed {
  code: string;
  parentCode?: string;
  labels: FullLabels;
  /** Second-line service that receives handoffs on this theme by default. */
  defaultServiceCode?: string;
  /** True when the first line must not handle the contact (personal tax files). */
  firstLineExcluded?: boolean;
  /** Where an excluded contact is redirected, and the message the caller hears or reads. */
  redirectServiceCode?: string;
  redirectMessage?: FullLabels;
  position: number;
}

export interface ProcedureStepSeed {
  code: string;
  labels: FullLabels;
  /** Business days this step usually takes. */
  expectedDays?: number;
}

export interface ProcedureSeed {
  code: string;
  labels: SeedLabels;
  description?: SeedLabels;
  themeCode: string;
  ownerServiceCode: string;
  /** Business days from submission to decision, as published or plausible. */
  expectedDurationDays: number;
  url?: string;
  /** True when the back office may move to any later step (not only the next one). */
  allowsSkippingSteps?: boolean;
  /** What the online form asks; without one, startProcedure takes any answers object. */
  form?: ProcedureForm;
  steps: ProcedureStepSeed[];
}

/** A document a procedure step needs before the case may move past that step. */
export interface RequiredDocumentSeed {
  /** UPPER_SNAKE, unique within its step. */
  code: string;
  kind: DocumentKind;
  labels: FullLabels;
}

/** The documents one step of a procedure requires, in the order the citizen's checklist shows them. */
export interface DocumentRequirementSeed {
  procedureCode: string;
  stepCode: string;
  documents: RequiredDocumentSeed[];
}

export interface PublicationSeed {
  code: string;
  labels: SeedLabels;
  description?: SeedLabels;
  themeCode?: string;
  publisherServiceCode?: string;
  format: 'PRINT' | 'PDF' | 'PRINT_AND_PDF';
  free: boolean;
  available: boolean;
}

export interface CounterSeed {
  code: string;
  labels: SeedLabels;
  city: string;
  postalCode: string;
  address: string;
  phone?: string;
  openingHours: string;
}

export interface ClosureDaySeed {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  labels: FullLabels;
  kind: 'PUBLIC_HOLIDAY' | 'REGIONAL_HOLIDAY' | 'SERVICE_CLOSURE';
}

export interface IvrOptionSeed {
  line: '1718' | '1719';
  key: string;
  labels: SeedLabels;
  action: 'FIRST_LINE' | 'TRANSFER' | 'RECORDED_MESSAGE';
  targetServiceCode?: string;
  themeCode?: string;
  message?: SeedLabels;
}

export interface SlaPolicySeed {
  kind: 'FIRST_RESPONSE' | 'HANDOFF_ACCEPTANCE' | 'RESOLUTION';
  channel?: 'PHONE' | 'EMAIL' | 'CHAT' | 'COUNTER' | 'ONLINE_PROCEDURE' | 'LETTER';
  themeCode?: string;
  line?: 'FIRST' | 'SECOND' | 'THIRD';
  procedureCode?: string;
  businessMinutes: number;
  atRiskPercent?: number;
}

export interface PostalCodePlaceSeed {
  postalCode: string;
  city: string;
  latitude: number;
  longitude: number;
}

export interface OpeningWindowSeed {
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[];
  opensAt: string;
  closesAt: string;
}

export interface BookableResourceSeed {
  code: string;
  kind: 'COUNTER' | 'PERMANENCE';
  labels: FullLabels;
  counterCode: string;
  serviceCode: string;
  desks: number;
  hours: OpeningWindowSeed[];
  /** Theme codes and the length of one appointment for each, in minutes. */
  themes: { code: string; minutes: number }[];
  closureDays?: { day: string; reason: string }[];
}
