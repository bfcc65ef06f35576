import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, OidcTokenRequestBody, TokenRequestBody, TokenResponse } from '@liaison/core';
import { Type } from 'typebox';
import { contextOf } from '../http/request-context.js';
import { issueAccessTokenForLogin } from '../services/auth/issue-access-token.js';
import { signInWithOidc } from '../services/auth/sign-in-with-oidc.js';
import { signOut } from '../services/auth/sign-out.js';

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

  app.post(
    '/api/v1/auth/sign-out',
    {
      schema: {
        tags: ['auth'],
        summary:
          "Sign out: ends the caller's sign-in session, so its access token answers 401 from now on",
        response: { 204: Type.Null(), '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      await signOut(app.deps.pool, contextOf(request), request.sessionId);
      return reply.status(204).send(null);
    },
  );
};
