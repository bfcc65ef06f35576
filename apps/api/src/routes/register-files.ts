import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RegisterParams, WorkRegisterFileSchema, workRegisterJsonSchema } from '@liaison/core';
import { Type } from 'typebox';
import { contentDisposition } from '../http/content-disposition.js';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { exportRegister } from '../services/registers/export-register.js';
import { openRegisterFilesZip } from '../services/registers/open-register-files-zip.js';

/** A register as a structured file, and the published schema of that file. */
export const registerFileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/registers/:slug/export',
    documented(
      'registers',
      'The register as a file for `npm run register:import` (whoever may read the register)',
      {
        params: RegisterParams,
        response: { 200: WorkRegisterFileSchema },
      },
    ),
    async (request, reply) => {
      const file = await exportRegister(app.deps.pool, contextOf(request), request.params.slug);
      return reply
        .header('content-disposition', `attachment; filename="${file.slug}.work-register.json"`)
        .send(file);
    },
  );

  app.get(
    '/api/v1/registers/:slug/files.zip',
    {
      schema: {
        tags: ['registers'],
        summary:
          'The current version of every document shared under the register that the caller may read, as one zip (watermarked copies where the document requires them)',
        params: RegisterParams,
        // Bytes, not JSON: no response schema, so Fastify streams the body as it is.
      },
    },
    async (request, reply) => {
      const zip = await openRegisterFilesZip(
        { ...app.deps, watermarkMaxBytes: app.deps.config.watermarkMaxBytes },
        contextOf(request),
        request.params.slug,
      );
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', contentDisposition('attachment', `${zip.slug}-files.zip`))
        .header('cache-control', 'private, no-store')
        .send(zip.body);
    },
  );

  app.get(
    '/api/v1/schemas/work-register.json',
    {
      schema: {
        tags: ['registers'],
        summary: 'The JSON Schema of a work register file',
        response: { 200: Type.Object({}, { additionalProperties: true }) },
      },
    },
    async () => workRegisterJsonSchema(),
  );
};
