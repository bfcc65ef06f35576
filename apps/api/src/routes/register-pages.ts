import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateRegisterBody,
  RegisterHistorySchema,
  RegisterPageSchema,
  RegisterParams,
  UpdateRegisterBody,
} from '@liaison/core';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { createRegister } from '../services/registers/create-register.js';
import { getRegister } from '../services/registers/get-register.js';
import { getRegisterHistory } from '../services/registers/get-register-history.js';
import { updateRegister } from '../services/registers/update-register.js';

export const registerPageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/registers/:slug',
    documented(
      'registers',
      'A work register with the documents shared under it that the caller may read ' +
        '(approved registers are public; drafts are shown to members of their parties)',
      {
        params: RegisterParams,
        response: { 200: RegisterPageSchema },
      },
    ),
    async (request) => getRegister(app.deps.pool, contextOf(request), request.params.slug),
  );

  app.get(
    '/api/v1/registers/:slug/history',
    documented(
      'registers',
      'Who changed what in a work register, before → after, newest first (members of its ' +
        'parties and the portal operator)',
      {
        params: RegisterParams,
        response: { 200: RegisterHistorySchema },
      },
    ),
    async (request) => getRegisterHistory(app.deps.pool, contextOf(request), request.params.slug),
  );

  app.post(
    '/api/v1/registers',
    documented('registers', 'Create a work register (the portal operator)', {
      body: CreateRegisterBody,
      response: { 201: RegisterPageSchema },
    }),
    async (request, reply) =>
      reply.status(201).send(await createRegister(app.deps.pool, contextOf(request), request.body)),
  );

  app.patch(
    '/api/v1/registers/:slug',
    documented(
      'registers',
      "Change a work register's terms, state or parties (the portal operator)",
      {
        params: RegisterParams,
        body: UpdateRegisterBody,
        response: { 200: RegisterPageSchema },
      },
    ),
    async (request) =>
      updateRegister(app.deps.pool, contextOf(request), request.params.slug, request.body),
  );
};
