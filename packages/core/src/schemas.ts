/**
 * Wire schemas shared by the API (validation, serialization, OpenAPI) and its clients.
 * One source: the TypeScript types below are derived from these schemas.
 */
import { type Static, Type } from 'typebox';

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable error code' }),
      message: Type.String({ description: 'Human-readable explanation' }),
    }),
  },
  { title: 'ErrorBody', description: 'Every 4xx and 5xx answer has this body' },
);
export type ErrorBody = Static<typeof ErrorBody>;

export const OrganizationSchema = Type.Object(
  {
    slug: Type.String(),
    name: Type.String(),
    description: Type.String(),
  },
  { title: 'Organization' },
);

export const RegisterPartySchema = Type.Object({
  organization: Type.String({ description: 'Organization slug' }),
  name: Type.String(),
});

export const WorkRegisterSummarySchema = Type.Object(
  {
    slug: Type.String(),
    title: Type.String(),
    version: Type.String(),
    state: Type.Union([Type.Literal('draft'), Type.Literal('approved')]),
    initiatedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    reviewDue: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    parties: Type.Array(RegisterPartySchema),
  },
  { title: 'WorkRegisterSummary' },
);

export const OrganizationList = Type.Object({ items: Type.Array(OrganizationSchema) });
export type OrganizationList = Static<typeof OrganizationList>;

export const WorkRegisterList = Type.Object({ items: Type.Array(WorkRegisterSummarySchema) });
export type WorkRegisterList = Static<typeof WorkRegisterList>;

const CheckResult = Type.Object({
  ok: Type.Boolean(),
  error: Type.Optional(Type.String()),
});

export const ReadinessBody = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  checks: Type.Object({ database: CheckResult, storage: CheckResult }),
});
export type ReadinessBody = Static<typeof ReadinessBody>;
