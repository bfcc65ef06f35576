import { ErrorBody } from '@liaison/core';
import type { TSchema } from 'typebox';

/** What a route takes; its answers come apart, in `response`, keyed by status. */
interface RouteInputs {
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  consumes?: string[];
}

/**
 * The schema of one route: its OpenAPI tag and summary, what it takes and what it answers on
 * success. The refusal every such route can give (`ErrorBody`, the one shape the error handler
 * answers with) is added here once, so the OpenAPI document and the serializer see it on each.
 * Stored-file routes take theirs from `storedFileRoute`; only the register zip, the health checks,
 * the work register JSON Schema and the lists that cannot refuse write their schema out in full.
 */
export function documented<const Route extends RouteInputs & { response: Record<string, TSchema> }>(
  tag: string,
  summary: string,
  route: Route,
) {
  return {
    schema: {
      tags: [tag],
      summary,
      ...route,
      response: { ...route.response, '4xx': ErrorBody },
    },
  };
}
