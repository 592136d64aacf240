import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Database } from '../../db/client.js';
import { documents } from '../../db/tables/index.js';
import { acceptedContentType, cleanFileName, MAX_FILE_NAME, UPLOAD_LIFETIME_MS } from '../../domain/documents.js';
import type { Viewer } from '../../domain/viewer.js';
import type { UploaderKind } from '../../domain/vocabulary.js';
import { CHUNK_BYTES, type DocumentStore, rechunk } from './storage.js';

/** Why an upload was refused: the HTTP endpoint answers with the status and code. */
export const UPLOAD_REFUSALS = {
  UNAUTHENTICATED: 401,
  BAD_USER_INPUT: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
} as const;
export type UploadRefusalCode = keyof typeof UPLOAD_REFUSALS;

export class UploadRefusedError extends Error {
  constructor(
    readonly code: UploadRefusalCode,
    message: string,
  ) {
    super(message);
  }
  get status(): number {
    return UPLOAD_REFUSALS[this.code];
  }
}

export interface UploadedDocument {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  expiresAt: Date;
}

function uploaderOf(viewer: Viewer): { uploadedByKind: UploaderKind; uploadedByCitizenId?: string; uploadedByAgentId?: string; uploadedByServiceId?: string } {
  switch (viewer.kind) {
    case 'citizen':
      return { uploadedByKind: 'CITIZEN', uploadedByCitizenId: viewer.citizenId };
    case 'agent':
      return { uploadedByKind: 'AGENT', uploadedByAgentId: viewer.agentId };
    case 'service':
      return { uploadedByKind: 'SERVICE', uploadedByServiceId: viewer.serviceId };
    case 'anonymous':
      throw new UploadRefusedError('UNAUTHENTICATED', 'Sign in to upload a document: send a bearer token.');
  }
}

function tooLarge(maxBytes: number): UploadRefusedError {
  const megabytes = maxBytes >= 1024 * 1024 ? ` (${Number((maxBytes / 1024 / 1024).toFixed(1))} MB)` : '';
  return new UploadRefusedError('PAYLOAD_TOO_LARGE', `A document may hold at most ${maxBytes} bytes${megabytes}.`);
}

/**
 * Stores an upload as a PENDING document owned by its uploader, streamed: the body is counted,
 * hashed and written chunk by chunk, never held whole. The content type is sniffed from the first
 * chunk before anything is written. A refusal or a failure half-way deletes what was written.
 */
export async function receiveUpload(
  db: Database,
  store: DocumentStore,
  viewer: Viewer,
  upload: { fileName: string | undefined; body: AsyncIterable<Buffer>; declaredBytes?: number },
  settings: { maxBytes: number; now: Date },
): Promise<UploadedDocument> {
  const uploader = uploaderOf(viewer);
  const fileName = cleanFileName(upload.fileName);
  if (!fileName) {
    throw new UploadRefusedError('BAD_USER_INPUT', `Name the file (1 to ${MAX_FILE_NAME} characters, no control characters): a fileName query parameter or a Content-Disposition header.`);
  }
  if (upload.declaredBytes !== undefined && upload.declaredBytes > settings.maxBytes) throw tooLarge(settings.maxBytes);

  const hash = createHash('sha256');
  let size = 0;
  async function* counted(): AsyncIterable<Buffer> {
    for await (const piece of upload.body) {
      size += piece.length;
      if (size > settings.maxBytes) throw tooLarge(settings.maxBytes);
      hash.update(piece);
      yield piece;
    }
  }
  const chunks = rechunk(counted(), CHUNK_BYTES)[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) throw new UploadRefusedError('BAD_USER_INPUT', 'The file is empty.');
  const head = first.value;
  const contentType = acceptedContentType((await fileTypeFromBuffer(head))?.mime, head);
  if (!contentType) {
    throw new UploadRefusedError('UNSUPPORTED_MEDIA_TYPE', 'Only PDF, PNG, JPEG, TIFF, plain text (UTF-8) and ODF or OOXML office documents are accepted; the content of this file is none of them, whatever its name.');
  }

  const now = settings.now;
  const expiresAt = new Date(now.getTime() + UPLOAD_LIFETIME_MS);
  const [row] = await db
    .insert(documents)
    .values({ status: 'UPLOADING', fileName, contentType, ...uploader, uploadedAt: now, expiresAt })
    .returning({ id: documents.id });
  const id = row!.id;
  try {
    await store.write(
      id,
      (async function* () {
        yield head;
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
      })(),
    );
    const sha256 = hash.digest('hex');
    const [done] = await db
      .update(documents)
      .set({ status: 'PENDING', size, sha256 })
      .where(sql`${documents.id} = ${id} and ${documents.status} = 'UPLOADING'`)
      .returning({ id: documents.id });
    // The clean-up took it: only an upload longer than its lifetime gets here.
    if (!done) throw new Error(`Upload ${id} was deleted before it finished.`);
    return { id, fileName, contentType, size, sha256, expiresAt };
  } catch (error) {
    await discardUpload(db, store, id).catch(() => {});
    throw error;
  }
}

async function discardUpload(db: Database, store: DocumentStore, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await store.delete([id], tx);
    await tx.delete(documents).where(eq(documents.id, id));
  });
}
