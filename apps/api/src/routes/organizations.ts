import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, OrganizationList } from '@liaison/core';
import { listOrganizations } from '@liaison/db';

export const organizationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Organizations that exchange documents in this portal',
        response: { 200: OrganizationList, '5xx': ErrorBody },
      },
    },
    async () => ({ items: await listOrganizations(app.deps.pool) }),
  );
};
