import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  NotFoundError,
  OrganizationSchema,
  OrganizationSsoBody,
  SlugSchema,
} from '@liaison/core';
import { findOrganization } from '@liaison/db';
import { Type } from 'typebox';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { configureOrganizationSso } from '../services/auth/configure-organization-sso.js';

const Params = Type.Object({ slug: SlugSchema }, { additionalProperties: false });

/** One organization and its ways in (for the login page), and its single sign-on settings. */
export const organizationSignInRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/organizations/:slug',
    documented('organizations', 'One organization, with the ways its members sign in', {
      params: Params,
      response: { 200: OrganizationSchema, '5xx': ErrorBody },
    }),
    async (request) => {
      const organization = await findOrganization(app.deps.pool, request.params.slug);
      if (!organization)
        throw new NotFoundError(`There is no organization '${request.params.slug}'`);
      return organization;
    },
  );

  app.put(
    '/api/v1/organizations/:slug/sso',
    documented(
      'organizations',
      "Set the organization's OpenID Connect provider (operator only). The client secret " +
        'belongs to the web app and is never sent here.',
      {
        params: Params,
        body: OrganizationSsoBody,
        response: { 200: OrganizationSchema, '5xx': ErrorBody },
      },
    ),
    async (request) =>
      configureOrganizationSso(app.deps.pool, contextOf(request), request.params.slug, {
        issuer: request.body.issuer,
        clientId: request.body.clientId,
      }),
  );

  app.delete(
    '/api/v1/organizations/:slug/sso',
    documented('organizations', "Remove the organization's single sign-on (operator only)", {
      params: Params,
      response: { 200: OrganizationSchema, '5xx': ErrorBody },
    }),
    async (request) =>
      configureOrganizationSso(app.deps.pool, contextOf(request), request.params.slug, null),
  );
};
