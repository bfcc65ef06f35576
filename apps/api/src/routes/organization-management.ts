import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateOrganizationBody,
  OrganizationDetailSchema,
  OrganizationParams,
  UpdateOrganizationBody,
} from '@liaison/core';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { createOrganization } from '../services/organizations/create-organization.js';
import { updateOrganization } from '../services/organizations/update-organization.js';

export const organizationManagementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/organizations',
    documented(
      'organizations',
      'Create an organization (the portal operator); it starts with no members',
      {
        body: CreateOrganizationBody,
        response: { 201: OrganizationDetailSchema },
      },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(await createOrganization(app.deps.pool, contextOf(request), request.body)),
  );

  app.patch(
    '/api/v1/organizations/:slug',
    documented(
      'organizations',
      "Change an organization's name, description, IPR policy or password sign-in",
      {
        params: OrganizationParams,
        body: UpdateOrganizationBody,
        response: { 200: OrganizationDetailSchema },
      },
    ),
    async (request) =>
      updateOrganization(app.deps.pool, contextOf(request), request.params.slug, request.body),
  );
};
