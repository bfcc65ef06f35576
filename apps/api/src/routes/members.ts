import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AddMemberBody,
  ChangeMemberRoleBody,
  MemberList,
  MemberParams,
  MemberSchema,
  OrganizationAdminList,
  OrganizationParams,
} from '@liaison/core';
import { Type } from 'typebox';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { addMember } from '../services/memberships/add-member.js';
import { changeMemberRole } from '../services/memberships/change-member-role.js';
import { listOrganizationMembers } from '../services/memberships/list-members.js';
import { listOrganizationAdmins } from '../services/memberships/list-organization-admins.js';
import { removeMember } from '../services/memberships/remove-member.js';

export const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/organizations/:slug/members',
    documented('members', "An organization's members (its admins and the portal operator)", {
      params: OrganizationParams,
      response: { 200: MemberList },
    }),
    async (request) =>
      listOrganizationMembers(app.deps.pool, contextOf(request), request.params.slug),
  );

  app.get(
    '/api/v1/organizations/:slug/admins',
    documented(
      'members',
      "An organization's admins (name and e-mail), for its members to know whom to ask for a role",
      {
        params: OrganizationParams,
        response: { 200: OrganizationAdminList },
      },
    ),
    async (request) =>
      listOrganizationAdmins(app.deps.pool, contextOf(request), request.params.slug),
  );

  app.post(
    '/api/v1/organizations/:slug/members',
    documented(
      'members',
      'The portal operator adds a person at once by e-mail (organization admins send an ' +
        'invitation instead); someone new to Liaison is created without a password (they ' +
        "sign in through their organization's identity provider, or the operator sets one)",
      {
        params: OrganizationParams,
        body: AddMemberBody,
        response: { 201: MemberSchema },
      },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addMember(app.deps.pool, contextOf(request), request.params.slug, request.body),
        ),
  );

  app.patch(
    '/api/v1/organizations/:slug/members/:userId',
    documented('members', "Change a member's role (an organization always keeps an admin)", {
      params: MemberParams,
      body: ChangeMemberRoleBody,
      response: { 200: MemberSchema },
    }),
    async (request) =>
      changeMemberRole(
        app.deps.pool,
        contextOf(request),
        request.params.slug,
        request.params.userId,
        request.body.role,
      ),
  );

  app.delete(
    '/api/v1/organizations/:slug/members/:userId',
    documented('members', 'End a membership (an organization always keeps an admin)', {
      params: MemberParams,
      response: { 204: Type.Null() },
    }),
    async (request, reply) => {
      await removeMember(
        app.deps.pool,
        contextOf(request),
        request.params.slug,
        request.params.userId,
      );
      return reply.status(204).send(null);
    },
  );
};
