import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { isShownInline } from '@liaison/core';
import type { FastifyReply } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import { contentDisposition } from './content-disposition.js';
import type { ByteRange } from './range.js';

/** A file route's query string: `inline=1` asks to show the file in the browser. */
const StoredFileQuery = Type.Object(
  { inline: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0')])) },
  { additionalProperties: false },
);

/**
 * The schema of a route that answers a stored file's bytes: its OpenAPI tag and summary, the
 * path parameters naming the file, and the `inline` query string of every file route.
 */
export function storedFileRoute<const Params extends TSchema>(
  tag: string,
  summary: string,
  params: Params,
) {
  return {
    // Bytes, not JSON: no response schema, so Fastify streams the body as it is.
    schema: { tags: [tag], summary, params, querystring: StoredFileQuery },
  };
}

/**
 * What a file route's request asks of the file, as the services take it: shown in the browser or
 * downloaded, and the request's Range and If-None-Match.
 */
export function storedFileRead(request: {
  query: Static<typeof StoredFileQuery>;
  headers: IncomingHttpHeaders;
}): { inline: boolean; range?: string; ifNoneMatch?: string } {
  const { headers } = request;
  return {
    inline: request.query.inline === '1',
    ...(headers.range !== undefined ? { range: headers.range } : {}),
    ...(headers['if-none-match'] !== undefined ? { ifNoneMatch: headers['if-none-match'] } : {}),
  };
}

/** The parts of a stored file (a version, a submission file) its answer is built from. */
export interface StoredFile {
  mediaType: string;
  filename: string;
  size: number;
}

/**
 * An opened read of a stored file, as the services answer it. A stamped copy (a watermarked PDF)
 * is made for this one reader: always whole, never cached, of a length known only once written.
 */
export type StoredFileRead =
  | { kind: 'not-modified'; etag: string }
  | { kind: 'content'; etag: string; range: ByteRange | undefined; body: Readable }
  | { kind: 'stamped'; body: Readable };

/**
 * Answers a read of a stored file: 304, 206 or 200 with the same headers on every file route.
 * The files are untrusted uploads, hence nosniff and a sandboxing CSP on every answer.
 */
export function sendStoredFile(
  reply: FastifyReply,
  file: StoredFile,
  content: StoredFileRead,
  options: { inline: boolean },
): FastifyReply {
  reply.header('x-content-type-options', 'nosniff').header('content-security-policy', 'sandbox');
  if (content.kind === 'stamped') {
    reply.header('accept-ranges', 'none').header('cache-control', 'private, no-store');
  } else {
    reply
      .header('etag', content.etag)
      .header('accept-ranges', 'bytes')
      .header('cache-control', 'private, no-cache');
  }
  if (content.kind === 'not-modified') return reply.status(304).send();

  // Only PDFs are ever shown in the browser, and only when asked; everything else downloads.
  const inline = options.inline && isShownInline(file.mediaType);
  reply
    .header('content-type', file.mediaType)
    .header(
      'content-disposition',
      contentDisposition(inline ? 'inline' : 'attachment', file.filename),
    );
  const range = content.kind === 'content' ? content.range : undefined;
  if (content.kind === 'stamped') {
    reply.status(200);
  } else if (range) {
    reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
      .header('content-length', range.end - range.start + 1);
  } else {
    reply.header('content-length', file.size);
  }
  return reply.send(content.body);
}
