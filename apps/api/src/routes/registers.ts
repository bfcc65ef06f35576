import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, WorkRegisterList } from '@liaison/core';
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
    // Until sign-in exists every caller is anonymous, who sees approved registers only.
    async () => ({ items: await listVisibleRegisters(app.deps.pool, { organizationSlugs: [] }) }),
  );
};
