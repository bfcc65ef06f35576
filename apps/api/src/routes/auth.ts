import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, OidcTokenRequestBody, TokenRequestBody, TokenResponse } from '@liaison/core';
import { issueAccessTokenForLogin } from '../services/auth/issue-access-token.js';
import { signInWithOidc } from '../services/auth/sign-in-with-oidc.js';

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
        address: request.clientAddress,
      }),
  );

  app.post(
    '/api/v1/auth/oidc',
    {
      schema: {
        tags: ['auth'],
        summary:
          "Sign in through an organization's OpenID Connect provider: exchanges its ID token for " +
          'an access token scoped to that organization (its membership only, never operator rights)',
        body: OidcTokenRequestBody,
        response: { 200: TokenResponse, '4xx': ErrorBody, '5xx': ErrorBody },
      },
    },
    async (request) =>
      signInWithOidc(app.deps.pool, app.deps.config, {
        organization: request.body.organization,
        idToken: request.body.idToken,
        address: request.clientAddress,
      }),
  );
};
