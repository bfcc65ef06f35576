import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { JobList, JobListQuery } from '@liaison/core';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { listJobs } from '../services/jobs/list-jobs.js';

export const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/admin/jobs',
    documented(
      'jobs',
      'Background jobs (operator only): failed ones, out of attempts, by default; or pending ones',
      {
        querystring: JobListQuery,
        response: { 200: JobList },
      },
    ),
    async (request) =>
      listJobs(app.deps.pool, contextOf(request), {
        state: request.query.state ?? 'failed',
        limit: request.query.limit ?? 100,
      }),
  );
};
