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
import type { Pool } from '@liaison/db';
import { type Static, type TSchema, Type } from 'typebox';
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
import type { RegisterItemKind } from '../services/registers/register-edits.js';
import { removeRegisterItem } from '../services/registers/remove-register-item.js';
import type { RequestContext } from '../services/request-context.js';

const BY_PARTY_ADMINS = ' (admins of a party; audited)';

/** One kind of item a register lists, and what its add, change and remove routes need. */
interface RegisterItemRoutes<Input extends TSchema, Change extends TSchema, Item extends TSchema> {
  kind: RegisterItemKind;
  /** The path segment of the register's list of them, e.g. `milestones`. */
  segment: string;
  /** The item in the summaries, e.g. `a milestone`. */
  name: string;
  /** Said after "Change <name>" where a change has a typical use. */
  changeHint?: string;
  schemas: { input: Input; change: Change; item: Item };
  add(
    pool: Pool,
    context: RequestContext,
    slug: string,
    input: Static<Input>,
  ): Promise<Static<Item>>;
  edit(
    pool: Pool,
    context: RequestContext,
    slug: string,
    id: string,
    change: Static<Change>,
  ): Promise<Static<Item>>;
}

type TypeBoxApp = Parameters<FastifyPluginAsyncTypebox>[0];

/**
 * Declares the add, change and remove routes of one kind of register item. The signature ties
 * the use cases to the schemas the request body is validated against; the implementation declares
 * the routes with the schemas erased to `TSchema`, as Fastify cannot resolve a request's type from
 * a schema that is a type parameter.
 */
function declareItemRoutes<Input extends TSchema, Change extends TSchema, Item extends TSchema>(
  app: TypeBoxApp,
  items: RegisterItemRoutes<Input, Change, Item>,
): void;
function declareItemRoutes(app: TypeBoxApp, items: RegisterItemRoutes<TSchema, TSchema, TSchema>) {
  const pool = app.deps.pool;
  const { kind, segment, name, schemas } = items;
  app.post(
    `/api/v1/registers/:slug/${segment}`,
    documented('registers', `Add ${name}${BY_PARTY_ADMINS}`, {
      params: RegisterParams,
      body: schemas.input,
      response: { 201: schemas.item },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await items.add(pool, contextOf(request), request.params.slug, request.body)),
  );
  app.patch(
    `/api/v1/registers/:slug/${segment}/:id`,
    documented('registers', `Change ${name}${items.changeHint ?? ''}${BY_PARTY_ADMINS}`, {
      params: RegisterItemParams,
      body: schemas.change,
      response: { 200: schemas.item },
    }),
    async (request) =>
      items.edit(pool, contextOf(request), request.params.slug, request.params.id, request.body),
  );
  app.delete(
    `/api/v1/registers/:slug/${segment}/:id`,
    documented('registers', `Remove ${name}${BY_PARTY_ADMINS}`, {
      params: RegisterItemParams,
      response: { 204: Type.Null({ description: 'Removed' }) },
    }),
    async (request, reply) => {
      const { slug, id } = request.params;
      await removeRegisterItem(pool, contextOf(request), slug, kind, id);
      return reply.status(204).send(null);
    },
  );
}

/** Milestones, documentation commitments, points of contact and approvals of a work register. */
export const registerItemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const pool = app.deps.pool;

  declareItemRoutes(app, {
    kind: 'milestone',
    segment: 'milestones',
    name: 'a milestone',
    schemas: { input: MilestoneInput, change: MilestoneChange, item: RegisterMilestoneSchema },
    add: addMilestone,
    edit: editMilestone,
  });
  declareItemRoutes(app, {
    kind: 'commitment',
    segment: 'commitments',
    name: 'a documentation commitment',
    changeHint: ', e.g. link its document',
    schemas: { input: CommitmentInput, change: CommitmentChange, item: RegisterCommitmentSchema },
    add: addCommitment,
    edit: editCommitment,
  });
  declareItemRoutes(app, {
    kind: 'contact',
    segment: 'contacts',
    name: 'a point of contact',
    schemas: { input: ContactInput, change: ContactChange, item: RegisterContactSchema },
    add: addContact,
    edit: editContact,
  });

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
