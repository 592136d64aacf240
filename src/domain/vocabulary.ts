// The closed vocabularies of the domain. Database check constraints, GraphQL enums and
// domain rules all derive from these tuples, so a value exists in one place only.

export const LANGUAGES = ['fr', 'de', 'nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CHANNELS = ['PHONE', 'EMAIL', 'CHAT', 'COUNTER', 'ONLINE_PROCEDURE', 'LETTER'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const CASE_STATUSES = [
  'NEW',
  'IN_PROGRESS',
  'WAITING_FOR_CITIZEN',
  'HANDED_OFF',
  'RESOLVED',
  'CLOSED',
  'CANCELLED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const RESOLUTIONS = [
  'ANSWERED',
  'ORIENTED_TO_SERVICE',
  'PROCEDURE_STARTED',
  'ORDER_REGISTERED',
  'APPOINTMENT_BOOKED',
  'HANDLED_BY_BACK_OFFICE',
] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CONFIDENTIALITY_LEVELS = ['NORMAL', 'CONFIDENTIAL'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

export const LINES = ['FIRST', 'SECOND', 'THIRD'] as const;
export type Line = (typeof LINES)[number];

export const SERVICE_KINDS = ['INTERNAL', 'EXTERNAL'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const AUTHORITY_LEVELS = [
  'FEDERAL',
  'COMMUNITY',
  'REGIONAL',
  'PROVINCIAL',
  'LOCAL',
  'OPERATOR',
  'PRIVATE',
] as const;
export type AuthorityLevel = (typeof AUTHORITY_LEVELS)[number];

export const AGENT_ROLES = ['FIRST_LINE_AGENT', 'BACK_OFFICE_AGENT', 'SUPERVISOR', 'ADMIN'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

export const HANDOFF_STATUSES = ['REQUESTED', 'ACCEPTED', 'COMPLETED', 'REJECTED', 'CANCELLED'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** Where an appointment at a counter or a permanence stands (issue 19; lifecycle in appointment-lifecycle.ts). */
export const APPOINTMENT_STATUSES = ['BOOKED', 'CHECKED_IN', 'DONE', 'CANCELLED', 'NO_SHOW'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** A counter's own reception desks, or a service's permanence held at a counter. */
export const BOOKABLE_RESOURCE_KINDS = ['COUNTER', 'PERMANENCE'] as const;
export type BookableResourceKind = (typeof BOOKABLE_RESOURCE_KINDS)[number];

/** How a COMPLETED handoff ended: given back to the referent's line, resolved by the receiving line, or escalated one line up. */
export const HANDOFF_COMPLETIONS = ['RETURNED', 'RESOLVED', 'ESCALATED'] as const;
export type HandoffCompletion = (typeof HANDOFF_COMPLETIONS)[number];

export const CASE_EVENT_TYPES = [
  'CASE_CREATED',
  'CASE_UPDATED',
  'STATUS_CHANGED',
  'INTERACTION_ADDED',
  'HANDOFF_REQUESTED',
  'HANDOFF_ACCEPTED',
  'HANDOFF_REJECTED',
  'HANDOFF_COMPLETED',
  'HANDOFF_CANCELLED',
  'CASE_ASSIGNED',
  'NOTE_ADDED',
  'PROCEDURE_STEP_CHANGED',
  'MESSAGE_SENT',
  'PUBLICATION_ORDERED',
  'APPOINTMENT_BOOKED',
  'APPOINTMENT_RESCHEDULED',
  'APPOINTMENT_CANCELLED',
  'APPOINTMENT_CHECKED_IN',
  'APPOINTMENT_DONE',
  'APPOINTMENT_NO_SHOW',
  'DOCUMENT_ATTACHED',
  'DOCUMENT_REVIEWED',
  'DOCUMENT_REMOVED',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** PENDING covers the first try and every retry; DEAD means the last try failed (redeliverWebhook starts again). */
export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'DEAD'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const EVENT_VISIBILITIES = ['CITIZEN', 'INTERNAL'] as const;
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];

export const ACTOR_KINDS = ['AGENT', 'CITIZEN', 'SERVICE', 'SYSTEM'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const ASSISTANCE_NEEDS = [
  'ELDERLY',
  'REDUCED_MOBILITY',
  'NO_INTERNET',
  'LANGUAGE',
  'VISUAL_IMPAIRMENT',
  'HEARING_IMPAIRMENT',
  'ISOLATED',
] as const;
export type AssistanceNeed = (typeof ASSISTANCE_NEEDS)[number];

export const CONTACT_POINT_KINDS = ['EMAIL', 'PHONE', 'POSTAL_ADDRESS'] as const;
export type ContactPointKind = (typeof CONTACT_POINT_KINDS)[number];

export const PHONE_LINES = ['1718', '1719'] as const;
export type PhoneLine = (typeof PHONE_LINES)[number];

export const PUBLICATION_FORMATS = ['PRINT', 'PDF', 'PRINT_AND_PDF'] as const;
export type PublicationFormat = (typeof PUBLICATION_FORMATS)[number];

export const ORDER_STATUSES = ['REQUESTED', 'SENT', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const CLOSURE_DAY_KINDS = ['PUBLIC_HOLIDAY', 'REGIONAL_HOLIDAY', 'SERVICE_CLOSURE'] as const;
export type ClosureDayKind = (typeof CLOSURE_DAY_KINDS)[number];

/** A text in each language; French is required, the others fall back to it. */
export type Labels = { fr: string; de?: string; nl?: string; en?: string };

/** INTERNAL cards are for agents only; PUBLIC cards are also on the portal's FAQ. */
export const KNOWLEDGE_AUDIENCES = ['INTERNAL', 'PUBLIC'] as const;
export type KnowledgeAudience = (typeof KNOWLEDGE_AUDIENCES)[number];

export const KNOWLEDGE_ARTICLE_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type KnowledgeArticleStatus = (typeof KNOWLEDGE_ARTICLE_STATUSES)[number];

/** A proposed change or a reported error, in the owner service's queue until it is dealt with. */
export const KNOWLEDGE_SUGGESTION_KINDS = ['CHANGE', 'ERROR'] as const;
export type KnowledgeSuggestionKind = (typeof KNOWLEDGE_SUGGESTION_KINDS)[number];

export const KNOWLEDGE_SUGGESTION_STATUSES = ['OPEN', 'APPLIED', 'DISMISSED'] as const;
export type KnowledgeSuggestionStatus = (typeof KNOWLEDGE_SUGGESTION_STATUSES)[number];

/**
 * A document's life (issue 20). UPLOADING: its bytes are still arriving (a row exists so that
 * chunks can reference it; the clean-up removes one a crash left behind). PENDING: uploaded,
 * owned by its uploader, attachable until `expires_at`. ATTACHED and REMOVED come with the
 * attach and remove mutations; only the clean-up deletes rows (UPLOADING or PENDING, expired).
 */
export const DOCUMENT_STATUSES = ['UPLOADING', 'PENDING', 'ATTACHED', 'REMOVED'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Who uploaded a document: a signed-in person or service account, never the system. */
export const UPLOADER_KINDS = ['CITIZEN', 'AGENT', 'SERVICE'] as const;
export type UploaderKind = (typeof UPLOADER_KINDS)[number];

/** What a document is, as the case model files it (labels in vocabulary_labels, DOCUMENT_KIND). */
export const DOCUMENT_KINDS = ['PROOF_OF_IDENTITY', 'PROOF_OF_OWNERSHIP', 'INVOICE', 'CERTIFICATE', 'LETTER_RECEIVED', 'LETTER_SENT', 'PHOTO', 'OTHER'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Who may see an attached document: the citizen and staff, or staff only. */
export const DOCUMENT_CONFIDENTIALITIES = ['CITIZEN_VISIBLE', 'INTERNAL'] as const;
export type DocumentConfidentiality = (typeof DOCUMENT_CONFIDENTIALITIES)[number];

/** The owning service's verdict on an attached document. */
export const DOCUMENT_REVIEWS = ['PENDING', 'ACCEPTED', 'REJECTED'] as const;
export type DocumentReview = (typeof DOCUMENT_REVIEWS)[number];

/** Where a required document of the current step stands (Case.documentChecklist; labels DOCUMENT_REQUIREMENT_STATE). */
export const REQUIREMENT_STATES = ['MISSING', 'SUBMITTED', 'ACCEPTED', 'REJECTED'] as const;
export type RequirementState = (typeof REQUIREMENT_STATES)[number];

/** What a mandate reaches (issue 21): every case of the represented citizen, those of some themes, or one case. */
export const MANDATE_SCOPES = ['ALL_CASES', 'THEMES', 'ONE_CASE'] as const;
export type MandateScope = (typeof MANDATE_SCOPES)[number];

/** READ follows the cases; ACT also sends messages, starts procedures, books and uploads for the represented citizen. */
export const MANDATE_RIGHTS = ['READ', 'ACT'] as const;
export type MandateRights = (typeof MANDATE_RIGHTS)[number];

/** Where a mandate stands at a given time (computed: domain/mandates.ts, mandateStatus). */
export const MANDATE_STATUSES = ['PENDING', 'ACTIVE', 'REVOKED', 'EXPIRED'] as const;
export type MandateStatus = (typeof MANDATE_STATUSES)[number];

/** Who granted a mandate: the represented citizen on the portal, or an agent who checked the proof. */
export const MANDATE_GRANTOR_KINDS = ['CITIZEN', 'AGENT'] as const;
export type MandateGrantorKind = (typeof MANDATE_GRANTOR_KINDS)[number];

