import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  PasswordChangeBody,
  PasswordChanged,
  ProfileUpdateBody,
  UserSchema,
  WhatsNew,
  WhatsNewCount,
} from '@liaison/core';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { changePassword } from '../services/account/change-password.js';
import { updateProfile } from '../services/account/update-profile.js';
import { getCurrentUser } from '../services/users/get-current-user.js';
import { countWhatsNewItems } from '../services/whats-new/count-whats-new.js';
import { getWhatsNew } from '../services/whats-new/list-whats-new.js';
import { visitWhatsNew } from '../services/whats-new/visit-whats-new.js';

export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/me',
    documented(
      'auth',
      'The signed-in caller: account, memberships, whether they are the operator',
      {
        response: { 200: UserSchema },
      },
    ),
    async (request) => getCurrentUser(app.deps.pool, contextOf(request)),
  );

  app.patch(
    '/api/v1/me',
    documented('auth', "Changes the caller's own name", {
      body: ProfileUpdateBody,
      response: { 200: UserSchema },
    }),
    async (request) => updateProfile(app.deps.pool, contextOf(request), request.body),
  );

  app.post(
    '/api/v1/me/password',
    documented(
      'auth',
      "Changes the caller's password, given the current one; the account's other sign-in sessions end",
      {
        body: PasswordChangeBody,
        response: { 200: PasswordChanged },
      },
    ),
    async (request) =>
      changePassword(app.deps.pool, contextOf(request), request.sessionId, request.body),
  );

  app.get(
    '/api/v1/me/whats-new',
    documented(
      'auth',
      'What changed since the previous visit among what the caller may read: new versions, decisions on submissions, statements to their organizations; older items of the last 28 days follow',
      {
        response: { 200: WhatsNew },
      },
    ),
    async (request) => getWhatsNew(app.deps.pool, contextOf(request)),
  );

  app.post(
    '/api/v1/me/whats-new/visits',
    documented(
      'auth',
      "Opens What's new: answers it as GET does and records the visit, after which items count as new",
      {
        response: { 200: WhatsNew },
      },
    ),
    async (request) => visitWhatsNew(app.deps.pool, contextOf(request)),
  );

  app.get(
    '/api/v1/me/whats-new/count',
    documented('auth', "How many of What's new's items are new (counted up to 100)", {
      response: { 200: WhatsNewCount },
    }),
    async (request) => countWhatsNewItems(app.deps.pool, contextOf(request)),
  );
};
