import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditList, AuditListQuery } from '@liaison/core';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { listAuditEvents } from '../services/audit/list-audit-events.js';

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/audit',
    documented(
      'audit',
      "Audit events: admins see their organization's, the operator all; newest first",
      {
        querystring: AuditListQuery,
        response: { 200: AuditList },
      },
    ),
    async (request) => listAuditEvents(app.deps.pool, contextOf(request), request.query),
  );
};
