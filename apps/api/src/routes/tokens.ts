import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiTokenList, CreateApiTokenBody, CreatedApiToken } from '@liaison/core';
import { Type } from 'typebox';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { createApiToken } from '../services/tokens/create-api-token.js';
import { listApiTokens } from '../services/tokens/list-api-tokens.js';
import { revokeApiToken } from '../services/tokens/revoke-api-token.js';

export const tokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/tokens',
    documented('tokens', 'Your personal API tokens that still work', {
      response: { 200: ApiTokenList },
    }),
    async (request) => listApiTokens(app.deps.pool, request.actor),
  );

  app.post(
    '/api/v1/tokens',
    documented('tokens', 'Create a personal API token; the secret is in this answer only', {
      body: CreateApiTokenBody,
      response: { 201: CreatedApiToken },
    }),
    async (request, reply) => {
      const created = await createApiToken(app.deps.pool, request.actor, {
        name: request.body.name,
        expiresInDays: request.body.expiresInDays ?? 90,
        address: request.clientAddress,
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    documented('tokens', 'Revoke one of your personal API tokens', {
      params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
      response: { 204: Type.Null() },
    }),
    async (request, reply) => {
      const context = contextOf(request);
      await revokeApiToken(app.deps.pool, context.actor, request.params.id, context.address);
      return reply.status(204).send(null);
    },
  );
};
