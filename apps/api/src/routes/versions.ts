import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CHANGE_NOTE_MAX_LENGTH,
  DocumentIdParams,
  DocumentSchema,
  DocumentVersionSchema,
  VersionParams,
  WithdrawVersionBody,
} from '@liaison/core';
import {
  type FormLimitMessages,
  type FormLimits,
  formParts,
  oneFileUploadRefusals,
  receiveUpload,
} from '../http/multipart-form.js';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { sendStoredFile, storedFileRead, storedFileRoute } from '../http/send-stored-file.js';
import { openVersionContent } from '../services/documents/open-version-content.js';
import { uploadVersion } from '../services/documents/upload-version.js';
import { withdrawVersion } from '../services/documents/withdraw-version.js';

const VERSION_FORM: FormLimitMessages = {
  fileTooLarge: 'The file is larger than the limit',
  tooManyFiles: { message: 'Send exactly one file per version', code: 'multiple_files' },
  tooManyFields: "The form may hold only 'label', 'changeNote' and 'file'",
};

/** The app-wide limits, with room for a change note (up to 4 UTF-8 bytes a character). */
function versionFormLimits(maxUploadBytes: number): FormLimits {
  return {
    fileSize: maxUploadBytes + 1,
    files: 2,
    fields: 4,
    fieldSize: 4 * CHANGE_NOTE_MAX_LENGTH,
    parts: 6,
  };
}

export const versionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { maxUploadBytes, watermarkMaxBytes } = app.deps.config;
  const uploadRefusals = oneFileUploadRefusals(maxUploadBytes);

  app.post(
    '/api/v1/documents/:id/versions',
    documented(
      'versions',
      "Upload a new version: multipart with a 'label' field and an optional 'changeNote' (what changed), then one 'file' field",
      {
        consumes: ['multipart/form-data'],
        params: DocumentIdParams,
        response: { 201: DocumentVersionSchema },
      },
    ),
    async (request, reply) => {
      const version = await receiveUpload(request, uploadRefusals, () =>
        uploadVersion(
          { ...app.deps, log: request.log, maxUploadBytes, watermarkMaxBytes },
          contextOf(request),
          request.params.id,
          formParts(request, VERSION_FORM, versionFormLimits(maxUploadBytes)),
        ),
      );
      return reply.status(201).send(version);
    },
  );

  app.get(
    '/api/v1/documents/:id/versions/:versionId/content',
    storedFileRoute(
      'versions',
      'The bytes of a version (Range and If-None-Match supported, except on watermarked copies: those are answered whole)',
      VersionParams,
    ),
    async (request, reply) => {
      const read = storedFileRead(request);
      const content = await openVersionContent(
        { ...app.deps, watermarkMaxBytes },
        contextOf(request),
        { documentId: request.params.id, versionId: request.params.versionId, ...read },
      );
      const file = { ...content.version, filename: content.downloadName };
      return sendStoredFile(reply, file, content, read);
    },
  );

  app.post(
    '/api/v1/documents/:id/versions/:versionId/withdraw',
    documented(
      'versions',
      'Withdraw (hide) a version, with a reason (admins of the owner organization)',
      {
        params: VersionParams,
        body: WithdrawVersionBody,
        response: { 200: DocumentSchema },
      },
    ),
    async (request) =>
      withdrawVersion(app.deps.pool, contextOf(request), {
        documentId: request.params.id,
        versionId: request.params.versionId,
        reason: request.body.reason,
      }),
  );
};
