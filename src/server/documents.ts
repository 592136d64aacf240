import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Database } from '../db/client.js';
import type { Context } from '../schema/index.js';
import { globalId, parseGlobalId } from '../domain/ids.js';
import { documentForDownload } from '../services/documents/reads.js';
import { CHUNK_BYTES, type DocumentStore } from '../services/documents/storage.js';
import { receiveUpload, UploadRefusedError } from '../services/documents/uploads.js';
import type { ContextFor } from './context.js';

const OCTET_STREAM = 'application/octet-stream';

interface UploadDependencies {
  db: Database;
  store: DocumentStore;
  contextFor: ContextFor;
  maxBytes: number;
}

function refuse(reply: FastifyReply, status: number, code: string, message: string, bodyUnread: boolean) {
  // A body left unread is not drained (it may be 20 MB or more): the connection is closed instead.
  if (bodyUnread) reply.header('connection', 'close');
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message } });
}

/**
 * The request's context as for /graphql; undefined once a refused token (or a database that
 * cannot resolve it) has been answered, in the JSON error form of these routes.
 */
async function contextOrRefusal(contextFor: ContextFor, request: FastifyRequest, reply: FastifyReply, bodyUnread: boolean): Promise<Context | undefined> {
  try {
    return await contextFor(request.headers.authorization, request.id, request.ip);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const http = error.extensions.http as { status?: number } | undefined;
    refuse(reply, http?.status ?? 401, String(error.extensions.code ?? 'UNAUTHENTICATED'), error.message, bodyUnread);
    return undefined;
  }
}

/** `filename*=UTF-8''…` (RFC 6266/5987) first, then `filename="…"` or a bare token. */
export function fileNameOfDisposition(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:utf-8|UTF-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      return undefined;
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header);
  return plain ? (plain[1]?.replace(/\\(.)/g, '$1') ?? plain[2]) : undefined;
}

/**
 * `POST /documents`: the file's bytes as the body (`Content-Type: application/octet-stream`), its
 * name in the `fileName` query parameter or a `Content-Disposition` header; authenticated like
 * /graphql. Answers 201 with the pending upload, to be attached by a mutation within 24 h.
 */
export function serveDocumentUploads(app: FastifyInstance, dependencies: UploadDependencies) {
  app.register(async (scope) => {
    // The body is read by the handler as a stream; in this scope only, so /graphql keeps its parsers.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    scope.post('/documents', async (request: FastifyRequest, reply) => {
      const context = await contextOrRefusal(dependencies.contextFor, request, reply, true);
      if (!context) return reply;
      if (context.viewer.kind === 'anonymous') return refuse(reply, 401, 'UNAUTHENTICATED', 'Sign in to upload a document: send a bearer token.', true);
      const mediaType = request.headers['content-type']?.split(';')[0]!.trim().toLowerCase();
      if (mediaType !== OCTET_STREAM) {
        return refuse(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', `Send the file's bytes as the body, with Content-Type: ${OCTET_STREAM}.`, true);
      }
      const query = request.query as Record<string, unknown>;
      const fileName = typeof query.fileName === 'string' ? query.fileName : fileNameOfDisposition(request.headers['content-disposition']);
      const declared = request.headers['content-length'];
      try {
        const document = await receiveUpload(
          dependencies.db,
          dependencies.store,
          context.viewer,
          // Not destroyed when the service stops reading (a refusal): the answer must still reach the client.
          { fileName, body: { [Symbol.asyncIterator]: () => request.raw.iterator({ destroyOnReturn: false }) }, declaredBytes: declared === undefined ? undefined : Number(declared) },
          { maxBytes: dependencies.maxBytes, now: context.now },
        );
        return reply.code(201).send({
          uploadId: globalId('Document', document.id),
          fileName: document.fileName,
          contentType: document.contentType,
          size: document.size,
          sha256: document.sha256,
          expiresAt: document.expiresAt.toISOString(),
        });
      } catch (error) {
        if (!(error instanceof UploadRefusedError)) throw error;
        request.log.info({ requestId: request.id, code: error.code }, 'upload refused');
        return refuse(reply, error.status, error.code, error.message, !request.raw.readableEnded);
      }
    });
  });
}

/** RFC 6266: an ASCII fallback and the UTF-8 name, so that any browser saves it under its name. */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  // RFC 5987's attr-char excludes ' ( ) * that encodeURIComponent leaves.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * `GET /documents/:id` (the Document's global id, as its downloadUrl gives it): the content,
 * streamed chunk by chunk, to whoever may read the document; anything else (missing, removed,
 * another citizen's, an INTERNAL one for a citizen, anonymous) is the same 404.
 */
export function serveDocumentDownloads(app: FastifyInstance, dependencies: Omit<UploadDependencies, 'maxBytes'>) {
  app.get<{ Params: { id: string } }>('/documents/:id', async (request, reply) => {
    const context = await contextOrRefusal(dependencies.contextFor, request, reply, false);
    if (!context) return reply;
    const parsed = parseGlobalId(request.params.id);
    const document = parsed?.typename === 'Document' ? await documentForDownload(dependencies.db, context.viewer, parsed.id, request.id, context.now) : undefined;
    if (!document) return refuse(reply, 404, 'NOT_FOUND', 'Document not found.', false);
    return reply
      .header('content-type', document.contentType)
      .header('content-length', String(document.size))
      .header('content-disposition', attachmentDisposition(document.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      // Bytes, one chunk buffered ahead: Readable.from would read 16 chunks ahead of a slow client.
      .send(Readable.from(dependencies.store.read(document.id), { objectMode: false, highWaterMark: CHUNK_BYTES }));
  });
}
