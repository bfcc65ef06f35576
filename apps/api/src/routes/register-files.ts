import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  RegisterParams,
  WorkRegisterFileSchema,
  workRegisterJsonSchema,
} from '@liaison/core';
import { Type } from 'typebox';
import { contextOf } from '../http/request-context.js';
import { exportRegister } from '../services/registers/export-register.js';

/** A register as a structured file, and the published schema of that file. */
export const registerFileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/registers/:slug/export',
    {
      schema: {
        tags: ['registers'],
        summary:
          'The register as a file for `npm run register:import` (whoever may read the register)',
        params: RegisterParams,
        response: { 200: WorkRegisterFileSchema, '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const file = await exportRegister(app.deps.pool, contextOf(request), request.params.slug);
      return reply
        .header('content-disposition', `attachment; filename="${file.slug}.work-register.json"`)
        .send(file);
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
