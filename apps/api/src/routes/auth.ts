import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, TokenRequestBody, TokenResponse } from '@liaison/core';
import { issueAccessTokenForLogin } from '../services/auth/issue-access-token.js';

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/auth/token',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; answers a short-lived access token',
        body: TokenRequestBody,
        response: { 200: TokenResponse, '4xx': ErrorBody },
      },
    },
    async (request) =>
      issueAccessTokenForLogin(app.deps.pool, app.deps.config, {
        email: request.body.email,
        password: request.body.password,
        address: request.ip,
      }),
  );
};
