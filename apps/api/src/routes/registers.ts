import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, organizationsOf, WorkRegisterList } from '@liaison/core';
import { listVisibleRegisters } from '@liaison/db';

export const registerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/registers',
    {
      schema: {
        tags: ['registers'],
        summary: 'Work registers the caller may see (approved ones are public)',
        response: { 200: WorkRegisterList, '5xx': ErrorBody },
      },
    },
    // Anonymous callers see approved registers only; members of a party also see its drafts.
    async (request) => ({
      items: await listVisibleRegisters(app.deps.pool, {
        organizationSlugs: organizationsOf(request.actor),
        operator: request.actor.operator,
      }),
    }),
  );
};
