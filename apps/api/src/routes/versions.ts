import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DocumentIdParams,
  DocumentSchema,
  DocumentVersionSchema,
  ErrorBody,
  InvalidInputError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  VersionParams,
  WithdrawVersionBody,
} from '@liaison/core';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../http/request-context.js';
import { sendStoredFile } from '../http/send-stored-file.js';
import { openVersionContent } from '../services/documents/open-version-content.js';
import { type UploadPart, uploadVersion } from '../services/documents/upload-version.js';
import { withdrawVersion } from '../services/documents/withdraw-version.js';

// Room for the form's boundaries, headers and label around the file itself.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

function multipartFailure(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return new PayloadTooLargeError('The file is larger than the limit');
  if (code === 'FST_FILES_LIMIT')
    return new InvalidInputError('Send exactly one file per version', 'multiple_files');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new InvalidInputError("The form may hold only 'label' and 'file'", 'invalid_form');
  }
  return new InvalidInputError(
    `The multipart body is malformed: ${(error as Error).message}`,
    'malformed_multipart',
  );
}

/** The request's form parts in the shape the upload use case reads, with transport errors made typed. */
async function* uploadParts(request: FastifyRequest): AsyncGenerator<UploadPart> {
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const file = part as MultipartFile;
        yield {
          kind: 'file',
          name: file.fieldname,
          filename: file.filename,
          mediaType: file.mimetype,
          stream: file.file,
        };
      } else {
        const field = part as MultipartValue;
        yield { kind: 'field', name: field.fieldname, value: String(field.value) };
      }
    }
  } catch (error) {
    throw multipartFailure(error);
  }
}

export const versionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { maxUploadBytes } = app.deps.config;

  app.post(
    '/api/v1/documents/:id/versions',
    {
      schema: {
        tags: ['versions'],
        summary: "Upload a new version: multipart with a 'label' field, then one 'file' field",
        consumes: ['multipart/form-data'],
        params: DocumentIdParams,
        response: { 201: DocumentVersionSchema, '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new UnsupportedMediaTypeError('Upload the file as multipart/form-data');
      }
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > maxUploadBytes + MULTIPART_OVERHEAD_BYTES) {
        throw new PayloadTooLargeError(
          `The file is larger than the limit of ${maxUploadBytes} bytes`,
        );
      }
      const version = await uploadVersion(
        { ...app.deps, log: request.log, maxUploadBytes },
        contextOf(request),
        request.params.id,
        uploadParts(request),
      ).catch((error: unknown) => {
        // A refused upload may stop reading mid-body (a taken label, a bad file name): drop the
        // rest of it, or a client still sending a large file never finishes its request and the
        // connection hangs, holding the socket and the parser, until the client gives up.
        request.raw.unpipe();
        request.raw.resume();
        throw error;
      });
      return reply.status(201).send(version);
    },
  );

  app.get(
    '/api/v1/documents/:id/versions/:versionId/content',
    {
      schema: {
        tags: ['versions'],
        summary: 'The bytes of a version (Range and If-None-Match supported)',
        params: VersionParams,
        querystring: Type.Object(
          { inline: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0')])) },
          { additionalProperties: false },
        ),
        // Bytes, not JSON: no response schema, so Fastify streams the body as it is.
      },
    },
    async (request, reply) => {
      const content = await openVersionContent(app.deps, contextOf(request), {
        documentId: request.params.id,
        versionId: request.params.versionId,
        ...(request.headers.range !== undefined ? { range: request.headers.range } : {}),
        ...(request.headers['if-none-match'] !== undefined
          ? { ifNoneMatch: request.headers['if-none-match'] }
          : {}),
      });
      return sendStoredFile(reply, content.version, content, {
        inline: request.query.inline === '1',
      });
    },
  );

  app.post(
    '/api/v1/documents/:id/versions/:versionId/withdraw',
    {
      schema: {
        tags: ['versions'],
        summary: 'Withdraw (hide) a version, with a reason (admins of the owner organization)',
        params: VersionParams,
        body: WithdrawVersionBody,
        response: { 200: DocumentSchema, '4xx': ErrorBody },
      },
    },
    async (request) =>
      withdrawVersion(app.deps.pool, contextOf(request), {
        documentId: request.params.id,
        versionId: request.params.versionId,
        reason: request.body.reason,
      }),
  );
};
