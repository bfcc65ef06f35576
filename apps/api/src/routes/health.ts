import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ReadinessBody } from '@liaison/core';
import { Type } from 'typebox';
import { checkReadiness } from '../services/check-readiness.js';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'The process is up',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary:
          'PostgreSQL and the object storage bucket are reachable, and no shutdown is under way',
        response: { 200: ReadinessBody, 503: ReadinessBody },
      },
    },
    async (_request, reply) => {
      const readiness = await checkReadiness(app.deps.pool, app.deps.storage);
      if (app.drain.draining) return reply.status(503).send({ ...readiness, status: 'draining' });
      return reply.status(readiness.status === 'ready' ? 200 : 503).send(readiness);
    },
  );
};
