/** Wire schemas for the operator's view of the background job queue. */
import { type Static, Type } from 'typebox';
import { TimestampSchema } from './common-schemas.js';

export const JobStateSchema = Type.Union([Type.Literal('failed'), Type.Literal('pending')], {
  description:
    'failed: out of attempts, kept for a person to look into; pending: waiting for its (next) attempt, or running',
});
export type JobState = Static<typeof JobStateSchema>;

export const JobSchema = Type.Object(
  {
    id: Type.String(),
    task: Type.String({ description: 'The task the job runs, e.g. deliver-mail' }),
    attempts: Type.Integer(),
    maxAttempts: Type.Integer(),
    lastError: Type.Union([Type.String(), Type.Null()], {
      description: 'Why the latest attempt failed',
    }),
    runAt: Type.String({
      format: 'date-time',
      description: 'When it runs next (pending) or was last due (failed)',
    }),
    createdAt: TimestampSchema,
    running: Type.Boolean({ description: 'A worker is running it now' }),
  },
  { title: 'Job' },
);
export type Job = Static<typeof JobSchema>;

export const JobList = Type.Object({ items: Type.Array(JobSchema) });
export type JobList = Static<typeof JobList>;

export const JobListQuery = Type.Object(
  {
    state: Type.Optional(JobStateSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export type JobListQuery = Static<typeof JobListQuery>;
