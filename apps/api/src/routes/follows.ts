import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  FollowBody,
  FollowIdParams,
  FollowList,
  FollowSchema,
  UnfollowResult,
  UnfollowTokenBody,
} from '@liaison/core';
import { Type } from 'typebox';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { createFollow } from '../services/follows/create-follow.js';
import { deleteFollow } from '../services/follows/delete-follow.js';
import { listFollows } from '../services/follows/list-follows.js';
import { unfollowByLink } from '../services/follows/unfollow-by-link.js';

export const followRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/me/follows',
    documented('follows', 'What the caller follows, newest first', {
      response: { 200: FollowList },
    }),
    async (request) => listFollows(app.deps.pool, contextOf(request)),
  );

  app.post(
    '/api/v1/me/follows',
    documented(
      'follows',
      "Follow a document (its new versions), a register (documents newly shared under it) or an organization's releases; 404 for what the caller cannot read",
      {
        body: FollowBody,
        response: { 201: FollowSchema },
      },
    ),
    async (request, reply) =>
      reply.status(201).send(await createFollow(app.deps.pool, contextOf(request), request.body)),
  );

  app.delete(
    '/api/v1/me/follows/:id',
    documented('follows', 'Stop following (own follows only)', {
      params: FollowIdParams,
      response: { 204: Type.Null() },
    }),
    async (request, reply) => {
      await deleteFollow(app.deps.pool, contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/follows/unfollow',
    documented(
      'follows',
      "A mail's one-click unfollow link, without signing in: ends the follow its signed token names",
      {
        body: UnfollowTokenBody,
        response: { 200: UnfollowResult },
      },
    ),
    async (request) =>
      unfollowByLink(
        { pool: app.deps.pool, authSecret: app.deps.config.authSecret },
        request.body.token,
      ),
  );
};
