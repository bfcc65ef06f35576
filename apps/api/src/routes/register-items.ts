import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ApprovalInput,
  CommitmentChange,
  CommitmentInput,
  ContactChange,
  ContactInput,
  MilestoneChange,
  MilestoneInput,
  RegisterApprovalParams,
  RegisterApprovalSchema,
  RegisterCommitmentSchema,
  RegisterContactSchema,
  RegisterItemParams,
  RegisterMilestoneSchema,
  RegisterParams,
} from '@liaison/core';
import { Type } from 'typebox';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { addCommitment } from '../services/registers/add-commitment.js';
import { addContact } from '../services/registers/add-contact.js';
import { addMilestone } from '../services/registers/add-milestone.js';
import { clearApproval } from '../services/registers/clear-approval.js';
import { editCommitment } from '../services/registers/edit-commitment.js';
import { editContact } from '../services/registers/edit-contact.js';
import { editMilestone } from '../services/registers/edit-milestone.js';
import { recordApproval } from '../services/registers/record-approval.js';
import { removeRegisterItem } from '../services/registers/remove-register-item.js';

const BY_PARTY_ADMINS = ' (admins of a party; audited)';
const NoContent = Type.Null({ description: 'Removed' });

/** Milestones, documentation commitments, points of contact and approvals of a work register. */
export const registerItemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const pool = app.deps.pool;

  app.post(
    '/api/v1/registers/:slug/milestones',
    documented('registers', `Add a milestone${BY_PARTY_ADMINS}`, {
      params: RegisterParams,
      body: MilestoneInput,
      response: { 201: RegisterMilestoneSchema },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await addMilestone(pool, contextOf(request), request.params.slug, request.body)),
  );
  app.patch(
    '/api/v1/registers/:slug/milestones/:id',
    documented('registers', `Change a milestone${BY_PARTY_ADMINS}`, {
      params: RegisterItemParams,
      body: MilestoneChange,
      response: { 200: RegisterMilestoneSchema },
    }),
    async (request) =>
      editMilestone(pool, contextOf(request), request.params.slug, request.params.id, request.body),
  );
  app.delete(
    '/api/v1/registers/:slug/milestones/:id',
    documented('registers', `Remove a milestone${BY_PARTY_ADMINS}`, {
      params: RegisterItemParams,
      response: { 204: NoContent },
    }),
    async (request, reply) => {
      const { slug, id } = request.params;
      await removeRegisterItem(pool, contextOf(request), slug, 'milestone', id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/registers/:slug/commitments',
    documented('registers', `Add a documentation commitment${BY_PARTY_ADMINS}`, {
      params: RegisterParams,
      body: CommitmentInput,
      response: { 201: RegisterCommitmentSchema },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await addCommitment(pool, contextOf(request), request.params.slug, request.body)),
  );
  app.patch(
    '/api/v1/registers/:slug/commitments/:id',
    documented(
      'registers',
      `Change a documentation commitment, e.g. link its document${BY_PARTY_ADMINS}`,
      {
        params: RegisterItemParams,
        body: CommitmentChange,
        response: { 200: RegisterCommitmentSchema },
      },
    ),
    async (request) =>
      editCommitment(
        pool,
        contextOf(request),
        request.params.slug,
        request.params.id,
        request.body,
      ),
  );
  app.delete(
    '/api/v1/registers/:slug/commitments/:id',
    documented('registers', `Remove a documentation commitment${BY_PARTY_ADMINS}`, {
      params: RegisterItemParams,
      response: { 204: NoContent },
    }),
    async (request, reply) => {
      const { slug, id } = request.params;
      await removeRegisterItem(pool, contextOf(request), slug, 'commitment', id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/registers/:slug/contacts',
    documented('registers', `Add a point of contact${BY_PARTY_ADMINS}`, {
      params: RegisterParams,
      body: ContactInput,
      response: { 201: RegisterContactSchema },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await addContact(pool, contextOf(request), request.params.slug, request.body)),
  );
  app.patch(
    '/api/v1/registers/:slug/contacts/:id',
    documented('registers', `Change a point of contact${BY_PARTY_ADMINS}`, {
      params: RegisterItemParams,
      body: ContactChange,
      response: { 200: RegisterContactSchema },
    }),
    async (request) =>
      editContact(pool, contextOf(request), request.params.slug, request.params.id, request.body),
  );
  app.delete(
    '/api/v1/registers/:slug/contacts/:id',
    documented('registers', `Remove a point of contact${BY_PARTY_ADMINS}`, {
      params: RegisterItemParams,
      response: { 204: NoContent },
    }),
    async (request, reply) => {
      const { slug, id } = request.params;
      await removeRegisterItem(pool, contextOf(request), slug, 'contact', id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/registers/:slug/approvals/:organization',
    documented(
      'registers',
      "Record the organization's approval of the register (its admins only; audited)",
      {
        params: RegisterApprovalParams,
        body: ApprovalInput,
        response: { 200: RegisterApprovalSchema },
      },
    ),
    async (request) =>
      recordApproval(
        pool,
        contextOf(request),
        request.params.slug,
        request.params.organization,
        request.body,
      ),
  );
  app.delete(
    '/api/v1/registers/:slug/approvals/:organization',
    documented(
      'registers',
      "Take the organization's approval back to pending (its admins only; audited)",
      {
        params: RegisterApprovalParams,
        response: { 200: RegisterApprovalSchema },
      },
    ),
    async (request) =>
      clearApproval(pool, contextOf(request), request.params.slug, request.params.organization),
  );
};
