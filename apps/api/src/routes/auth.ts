import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  OidcNonceResponse,
  OidcTokenRequestBody,
  PasswordResetBody,
  PasswordResetRequestBody,
  PasswordResetRequested,
  TokenRequestBody,
  TokenResponse,
} from '@liaison/core';
import { Type } from 'typebox';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { requestPasswordReset } from '../services/account/request-password-reset.js';
import { resetPassword } from '../services/account/reset-password.js';
import { issueAccessTokenForLogin } from '../services/auth/issue-access-token.js';
import { issueOidcNonce } from '../services/auth/issue-oidc-nonce.js';
import { signInWithOidc } from '../services/auth/sign-in-with-oidc.js';
import { signOut } from '../services/auth/sign-out.js';

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/auth/token',
    documented('auth', 'Sign in with e-mail and password; answers a short-lived access token', {
      body: TokenRequestBody,
      response: { 200: TokenResponse },
    }),
    async (request) =>
      issueAccessTokenForLogin(app.deps.pool, app.deps.config, {
        email: request.body.email,
        password: request.body.password,
        address: request.clientAddress,
      }),
  );

  app.post(
    '/api/v1/auth/oidc/nonce',
    documented(
      'auth',
      'Starts a single sign-on: a nonce for the authorization request (the ID token must carry ' +
        'it) and its handle, which the exchange at /api/v1/auth/oidc needs; once, within 10 minutes',
      {
        response: { 200: OidcNonceResponse },
      },
    ),
    async () => issueOidcNonce(app.deps.pool),
  );

  app.post(
    '/api/v1/auth/oidc',
    documented(
      'auth',
      "Sign in through an organization's OpenID Connect provider: exchanges its ID token for " +
        'an access token scoped to that organization (its membership only, never operator rights)',
      {
        body: OidcTokenRequestBody,
        response: { 200: TokenResponse, '5xx': ErrorBody },
      },
    ),
    async (request) =>
      signInWithOidc(app.deps.pool, app.deps.config, {
        organization: request.body.organization,
        idToken: request.body.idToken,
        nonceHandle: request.body.nonceHandle,
        address: request.clientAddress,
      }),
  );

  app.post(
    '/api/v1/auth/sign-out',
    documented(
      'auth',
      "Sign out: ends the caller's sign-in session, so its access token answers 401 from now on",
      {
        response: { 204: Type.Null() },
      },
    ),
    async (request, reply) => {
      await signOut(app.deps.pool, contextOf(request), request.sessionId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password-reset',
    documented(
      'auth',
      'Forgot the password: mails the account a link to choose a new one (once, within the ' +
        'hour). The answer is the same whether or not an account uses the address',
      {
        body: PasswordResetRequestBody,
        response: { 202: PasswordResetRequested },
      },
    ),
    async (request, reply) => {
      const answer = await requestPasswordReset(app.deps.pool, {
        email: request.body.email,
        address: request.clientAddress,
      });
      return reply.status(202).send(answer);
    },
  );

  app.post(
    '/api/v1/auth/password-reset/complete',
    documented(
      'auth',
      "Chooses a new password with the mailed link's token; ends every sign-in session of the account",
      {
        body: PasswordResetBody,
        response: { 204: Type.Null() },
      },
    ),
    async (request, reply) => {
      await resetPassword(app.deps.pool, { ...request.body, address: request.clientAddress });
      return reply.status(204).send(null);
    },
  );
};
