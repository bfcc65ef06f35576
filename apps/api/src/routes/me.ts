import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  PasswordChangeBody,
  PasswordChanged,
  ProfileUpdateBody,
  UserSchema,
} from '@liaison/core';
import { contextOf } from '../http/request-context.js';
import { changePassword } from '../services/account/change-password.js';
import { updateProfile } from '../services/account/update-profile.js';
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

  app.patch(
    '/api/v1/me',
    {
      schema: {
        tags: ['auth'],
        summary: "Changes the caller's own name",
        body: ProfileUpdateBody,
        response: { 200: UserSchema, '4xx': ErrorBody },
      },
    },
    async (request) => updateProfile(app.deps.pool, contextOf(request), request.body),
  );

  app.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['auth'],
        summary:
          "Changes the caller's password, given the current one; the account's other sign-in sessions end",
        body: PasswordChangeBody,
        response: { 200: PasswordChanged, '4xx': ErrorBody },
      },
    },
    async (request) =>
      changePassword(app.deps.pool, contextOf(request), request.sessionId, request.body),
  );
};
