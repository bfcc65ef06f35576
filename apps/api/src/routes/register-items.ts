import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ApprovalInput,
  CommitmentChange,
  CommitmentInput,
  ContactChange,
  ContactInput,
  ErrorBody,
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
    {
      schema: {
        tags: ['registers'],
        summary: `Add a milestone${BY_PARTY_ADMINS}`,
        params: RegisterParams,
        body: MilestoneInput,
        response: { 201: RegisterMilestoneSchema, '4xx': ErrorBody },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addMilestone(pool, contextOf(request), request.params.slug, request.body)),
  );
  app.patch(
    '/api/v1/registers/:slug/milestones/:id',
    {
      schema: {
        tags: ['registers'],
        summary: `Change a milestone${BY_PARTY_ADMINS}`,
        params: RegisterItemParams,
        body: MilestoneChange,
        response: { 200: RegisterMilestoneSchema, '4xx': ErrorBody },
      },
    },
    async (request) =>
      editMilestone(pool, contextOf(request), request.params.slug, request.params.id, request.body),
  );
  app.delete(
    '/api/v1/registers/:slug/milestones/:id',
    {
      schema: {
        tags: ['registers'],
        summary: `Remove a milestone${BY_PARTY_ADMINS}`,
        params: RegisterItemParams,
        response: { 204: NoContent, '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const { slug, id } = request.params;
      await removeRegisterItem(pool, contextOf(request), slug, 'milestone', id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/registers/:slug/commitments',
    {
      schema: {
        tags: ['registers'],
        summary: `Add a documentation commitment${BY_PARTY_ADMINS}`,
        params: RegisterParams,
        body: CommitmentInput,
        response: { 201: RegisterCommitmentSchema, '4xx': ErrorBody },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addCommitment(pool, contextOf(request), request.params.slug, request.body)),
  );
  app.patch(
    '/api/v1/registers/:slug/commitments/:id',
    {
      schema: {
        tags: ['registers'],
        summary: `Change a documentation commitment, e.g. link its document${BY_PARTY_ADMINS}`,
        params: RegisterItemParams,
        body: CommitmentChange,
        response: { 200: RegisterCommitmentSchema, '4xx': ErrorBody },
      },
    },
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
    {
      schema: {
        tags: ['registers'],
        summary: `Remove a documentation commitment${BY_PARTY_ADMINS}`,
        params: RegisterItemParams,
        response: { 204: NoContent, '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const { slug, id } = request.params;
      await removeRegisterItem(pool, contextOf(request), slug, 'commitment', id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/registers/:slug/contacts',
    {
      schema: {
        tags: ['registers'],
        summary: `Add a point of contact${BY_PARTY_ADMINS}`,
        params: RegisterParams,
        body: ContactInput,
        response: { 201: RegisterContactSchema, '4xx': ErrorBody },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addContact(pool, contextOf(request), request.params.slug, request.body)),
  );
  app.patch(
    '/api/v1/registers/:slug/contacts/:id',
    {
      schema: {
        tags: ['registers'],
        summary: `Change a point of contact${BY_PARTY_ADMINS}`,
        params: RegisterItemParams,
        body: ContactChange,
        response: { 200: RegisterContactSchema, '4xx': ErrorBody },
      },
    },
    async (request) =>
      editContact(pool, contextOf(request), request.params.slug, request.params.id, request.body),
  );
  app.delete(
    '/api/v1/registers/:slug/contacts/:id',
    {
      schema: {
        tags: ['registers'],
        summary: `Remove a point of contact${BY_PARTY_ADMINS}`,
        params: RegisterItemParams,
        response: { 204: NoContent, '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const { slug, id } = request.params;
      await removeRegisterItem(pool, contextOf(request), slug, 'contact', id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/registers/:slug/approvals/:organization',
    {
      schema: {
        tags: ['registers'],
        summary: "Record the organization's approval of the register (its admins only; audited)",
        params: RegisterApprovalParams,
        body: ApprovalInput,
        response: { 200: RegisterApprovalSchema, '4xx': ErrorBody },
      },
    },
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
    {
      schema: {
        tags: ['registers'],
        summary: "Take the organization's approval back to pending (its admins only; audited)",
        params: RegisterApprovalParams,
        response: { 200: RegisterApprovalSchema, '4xx': ErrorBody },
      },
    },
    async (request) =>
      clearApproval(pool, contextOf(request), request.params.slug, request.params.organization),
  );
};
