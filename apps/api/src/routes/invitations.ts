import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AcceptedInvitationSchema,
  AcceptInvitationBody,
  CreateInvitationBody,
  InvitationList,
  InvitationParams,
  InvitationPreviewSchema,
  InvitationSchema,
  InvitationTokenParams,
  OrganizationParams,
} from '@liaison/core';
import { Type } from 'typebox';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { acceptInvitation } from '../services/invitations/accept-invitation.js';
import { createInvitation } from '../services/invitations/create-invitation.js';
import { getInvitation } from '../services/invitations/get-invitation.js';
import { listInvitations } from '../services/invitations/list-invitations.js';
import { revokeInvitation } from '../services/invitations/revoke-invitation.js';

export const invitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/organizations/:slug/invitations',
    documented(
      'invitations',
      "An organization's pending invitations (its admins and the portal operator)",
      {
        params: OrganizationParams,
        response: { 200: InvitationList },
      },
    ),
    async (request) => listInvitations(app.deps.pool, contextOf(request), request.params.slug),
  );

  app.post(
    '/api/v1/organizations/:slug/invitations',
    documented(
      'invitations',
      'Invite a person by e-mail: they get a link, valid 7 days, and become a member when ' +
        'they accept',
      {
        params: OrganizationParams,
        body: CreateInvitationBody,
        response: { 201: InvitationSchema },
      },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createInvitation(
            app.deps.pool,
            contextOf(request),
            request.params.slug,
            request.body,
          ),
        ),
  );

  app.delete(
    '/api/v1/organizations/:slug/invitations/:id',
    documented('invitations', 'Revoke a pending invitation', {
      params: InvitationParams,
      response: { 204: Type.Null() },
    }),
    async (request, reply) => {
      await revokeInvitation(
        app.deps.pool,
        contextOf(request),
        request.params.slug,
        request.params.id,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/invitations/:token',
    documented(
      'invitations',
      'What an invitation link offers (no sign-in: the token is the credential)',
      {
        params: InvitationTokenParams,
        response: { 200: InvitationPreviewSchema },
      },
    ),
    async (request) => getInvitation(app.deps.pool, request.params.token),
  );

  app.post(
    '/api/v1/invitations/:token/accept',
    documented(
      'invitations',
      'Accept an invitation: signed in as the invited account, or, for an address new to ' +
        'Liaison, with the name and password of the account to create (otherwise the body is {})',
      {
        params: InvitationTokenParams,
        body: AcceptInvitationBody,
        response: { 200: AcceptedInvitationSchema },
      },
    ),
    async (request) =>
      acceptInvitation(app.deps.pool, contextOf(request), request.params.token, request.body ?? {}),
  );
};
