import type { Database } from '../db/client.js';
import type { Viewer } from '../domain/viewer.js';
import type { WebhookPolicy } from '../domain/webhooks.js';
import type { Language } from '../domain/vocabulary.js';
import type { DataVault } from '../services/data-vault.js';
import type { DocumentStore } from '../services/documents/storage.js';
import type { Limits } from '../config.js';
import type { CaseEventFeed } from '../services/event-feed.js';
import type { ReferenceCache } from '../services/reference-cache.js';

/** Built fresh for each HTTP request and each subscription, never mutated afterwards. */
export interface Context {
  viewer: Viewer;
  db: Database;
  vault: DataVault;
  /** Where documents' bytes are kept. */
  documentStore: DocumentStore;
  limits: Limits;
  /** The case-event feed, whose readers the subscriptions of this process share. */
  caseEvents: CaseEventFeed;
  /** Themes, services and departments by id, shared by the requests of this process. */
  referenceCache: ReferenceCache;
  /** What a webhook endpoint must be (https in production, outside the network unless allowed). */
  webhookPolicy: WebhookPolicy;
  requestId: string;
  /** The client's network address (for attempt limits); 'unknown' when the transport has none. */
  clientAddress: string;
  /** One instant per request, so that every time-dependent figure of a response agrees. */
  now: Date;
  /** Language of labels when a field is asked without one: the citizen's, else French. */
  defaultLanguage: Language;
}
