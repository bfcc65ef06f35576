import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateStatementBody,
  ErrorBody,
  StatementIdParams,
  StatementList,
  StatementListQuery,
  StatementSchema,
} from '@liaison/core';
import { contextOf } from '../http/request-context.js';
import { createStatement } from '../services/statements/create-statement.js';
import { getStatement } from '../services/statements/get-statement.js';
import { listStatements } from '../services/statements/list-statements.js';

export const statementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/statements',
    {
      schema: {
        tags: ['statements'],
        summary:
          'Liaison statements the caller may read, newest first (box=incoming|outgoing|awaiting-approval; owed=true: soonest deadline first)',
        querystring: StatementListQuery,
        response: { 200: StatementList, '4xx': ErrorBody },
      },
    },
    async (request) => listStatements(app.deps.pool, contextOf(request), request.query),
  );

  app.post(
    '/api/v1/statements',
    {
      schema: {
        tags: ['statements'],
        summary:
          'Write a draft statement from a party of an approved register to other parties (editors and admins of the sender)',
        body: CreateStatementBody,
        response: { 201: StatementSchema, '4xx': ErrorBody },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createStatement(app.deps, contextOf(request), request.body)),
  );

  app.get(
    '/api/v1/statements/:id',
    {
      schema: {
        tags: ['statements'],
        summary: 'A statement with its thread, attachments, history and what the caller may do',
        params: StatementIdParams,
        response: { 200: StatementSchema, '4xx': ErrorBody },
      },
    },
    async (request) => getStatement(app.deps.pool, contextOf(request), request.params.id),
  );
};
