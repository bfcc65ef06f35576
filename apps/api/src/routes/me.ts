import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, UserSchema } from '@liaison/core';
import { contextOf } from '../http/request-context.js';
import { getCurrentUser } from '../services/users/get-current-user.js';

export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in caller: account, memberships, whether they are the operator',
        response: { 200: UserSchema, '4xx': ErrorBody },
      },
    },
    async (request) => getCurrentUser(app.deps.pool, contextOf(request)),
  );
};
