// Uploaded documents (issue 20): what an upload may contain and how long it waits to be attached.
import { globalId } from './ids.js';
import type { DocumentReview, DocumentStatus, RequirementState } from './vocabulary.js';

/** An upload not attached within this time is deleted by the clean-up. */
export const UPLOAD_LIFETIME_MS = 24 * 3600 * 1000;

export const MAX_FILE_NAME = 255;

/**
 * Content types accepted by default, as file-type names them from the bytes: PDF, images a
 * scanner or a phone makes, and office documents (ODF and OOXML are zip files it looks into).
 */
export const ACCEPTED_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.graphics',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);

export const PLAIN_TEXT = 'text/plain; charset=utf-8';

/**
 * The content type a document is stored with, or undefined when it is refused. `detected` is
 * what the sniffer found in the first bytes (undefined when it knows no signature there, as for
 * text); `head` is those first bytes. Text has no signature: it passes when the head is valid
 * UTF-8 (a character cut at the end of the head allowed) without NUL.
 */
export function acceptedContentType(detected: string | undefined, head: Uint8Array): string | undefined {
  if (detected !== undefined) return ACCEPTED_CONTENT_TYPES.has(detected) ? detected : undefined;
  if (head.length === 0 || head.includes(0)) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return PLAIN_TEXT;
  } catch {
    return undefined;
  }
}

/**
 * The name a document is kept under: the last part of what the client sent (browsers and curl
 * may send a path), trimmed; undefined when nothing usable is left or it holds control characters.
 */
export function cleanFileName(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const name = raw.split(/[/\\]/).at(-1)!.trim();
  if (name.length === 0 || name.length > MAX_FILE_NAME || name === '.' || name === '..' || /[\u0000-\u001f\u007f]/.test(name)) return undefined;
  return name;
}

/** A document as the checklist sees it: which requirement it answers and the service's verdict. */
export interface SubmittedDocument {
  requirementId: string | null;
  review: DocumentReview;
  reviewReason: string | null;
  attachedAt: Date;
}

export interface RequirementStatus {
  state: RequirementState;
  /** Why the latest rejected document was refused; null unless REJECTED. */
  reason: string | null;
}

/**
 * Where one requirement stands, from the attached documents that answer it (removed ones left
 * out): ACCEPTED once any is accepted, SUBMITTED while one waits for review, REJECTED when all
 * were rejected (the latest one's reason), MISSING when none was attached.
 */
export function requirementStatus(answering: readonly SubmittedDocument[]): RequirementStatus {
  if (answering.some((document) => document.review === 'ACCEPTED')) return { state: 'ACCEPTED', reason: null };
  if (answering.some((document) => document.review === 'PENDING')) return { state: 'SUBMITTED', reason: null };
  const latest = [...answering].sort((a, b) => b.attachedAt.getTime() - a.attachedAt.getTime())[0];
  return latest ? { state: 'REJECTED', reason: latest.reviewReason } : { state: 'MISSING', reason: null };
}

/** A document may be removed while nobody accepted it: an upload not yet attached, or an attached one pending review or rejected. */
export function isRemovable(document: { status: DocumentStatus; review: DocumentReview | null }): boolean {
  if (document.status === 'PENDING') return true;
  return document.status === 'ATTACHED' && document.review !== 'ACCEPTED';
}

export const MAX_REVIEW_REASON = 1_000;

/** Where a document's content is served (GET, with the same bearer token), as a path on the server. */
export function downloadPath(documentId: string): string {
  return `/documents/${encodeURIComponent(globalId('Document', documentId))}`;
}
