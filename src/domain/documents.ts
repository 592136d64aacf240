// Uploaded documents (issue 20): what an upload may contain and how long it waits to be attached.

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
