import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Pool } from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import { Ajv, type Options as AjvOptions } from 'ajv';
import formats from 'ajv-formats';
import Fastify, { type FastifyServerOptions, LogController } from 'fastify';
import type { Config } from './config.js';
import { registerCaches } from './http/caches.js';
import { registerDrain } from './http/drain.js';
import { registerErrorHandling, sendClientError } from './http/error-handler.js';
import { registerMetrics } from './http/metrics.js';
import { registerNulRefusal } from './http/nul-refusal.js';
import { registerAuthentication } from './http/request-context.js';
import { registerRequestIdHeader, requestIdOf } from './http/request-id.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { documentRoutes } from './routes/documents.js';
import { followRoutes } from './routes/follows.js';
import { healthRoutes } from './routes/health.js';
import { invitationRoutes } from './routes/invitations.js';
import { jobRoutes } from './routes/jobs.js';
import { meRoutes } from './routes/me.js';
import { memberRoutes } from './routes/members.js';
import { notificationRoutes } from './routes/notifications.js';
import { organizationManagementRoutes } from './routes/organization-management.js';
import { organizationSignInRoutes } from './routes/organization-sign-in.js';
import { organizationRoutes } from './routes/organizations.js';
import { registerFileRoutes } from './routes/register-files.js';
import { registerItemRoutes } from './routes/register-items.js';
import { registerPageRoutes } from './routes/register-pages.js';
import { registerRoutes } from './routes/registers.js';
import { reviewRoutes } from './routes/reviews.js';
import { statementRoutes } from './routes/statements.js';
import { submissionRoutes } from './routes/submissions.js';
import { tokenRoutes } from './routes/tokens.js';
import { versionRoutes } from './routes/versions.js';

export interface Dependencies {
  config: Config;
  pool: Pool;
  storage: ObjectStorage;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Dependencies;
  }
}

/**
 * Request validators. Unknown fields are an error, never silently dropped. Query strings and path
 * parameters arrive as text, so they are coerced to the schema's types (`?limit=10`); a JSON body
 * already has types, and a wrong one is an error rather than coerced (`"title": 42` is not "42").
 */
function validatorCompilers() {
  // Fastify's defaults otherwise (allErrors off: with it on, a crafted body can cost much CPU).
  const options: AjvOptions = {
    useDefaults: true,
    removeAdditional: false,
    addUsedSchema: false,
    allErrors: false,
  };
  const coercing = new Ajv({ ...options, coerceTypes: 'array' });
  const strict = new Ajv({ ...options, coerceTypes: false });
  formats.default(coercing);
  formats.default(strict);
  return ({ schema, httpPart }: { schema: object; httpPart?: string }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema);
}

export async function buildApp(deps: Dependencies, logger: FastifyServerOptions['logger'] = false) {
  const app = Fastify({
    logger,
    // Only behind a proxy you run may X-Forwarded-For name the client (rate limits and audit use it).
    trustProxy: deps.config.trustProxy,
    // Requests the HTTP parser rejects (a body cut short, bad framing) get the same JSON errors.
    clientErrorHandler: sendClientError,
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('deps', deps);
  app.setValidatorCompiler(validatorCompilers());
  registerRequestIdHeader(app);
  registerMetrics(app, deps.config.metricsToken);
  registerErrorHandling(app);
  registerAuthentication(app);
  registerNulRefusal(app);
  registerDrain(app);
  registerCaches(app, deps.config);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
  });
  await app.register(multipart, {
    // Hand the file name over as sent: the upload validator refuses paths instead of busboy
    // silently cutting '../../etc/passwd' down to 'passwd'.
    preservePath: true,
    limits: {
      // One byte over the limit is enough to know the file is too large.
      fileSize: deps.config.maxUploadBytes + 1,
      files: 2,
      fields: 4,
      fieldSize: 1024,
      parts: 6,
    },
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Liaison API',
        version: '0.1.0',
        description: 'Document exchange for standards organizations working under a work register.',
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes);
  await app.register(organizationRoutes);
  await app.register(organizationSignInRoutes);
  await app.register(registerRoutes);
  await app.register(authRoutes);
  await app.register(tokenRoutes);
  await app.register(documentRoutes);
  await app.register(versionRoutes);
  await app.register(auditRoutes);
  await app.register(meRoutes);
  await app.register(memberRoutes);
  await app.register(invitationRoutes);
  await app.register(notificationRoutes);
  await app.register(followRoutes);
  await app.register(jobRoutes);
  await app.register(organizationManagementRoutes);
  await app.register(registerPageRoutes);
  await app.register(registerItemRoutes);
  await app.register(registerFileRoutes);
  await app.register(submissionRoutes);
  await app.register(statementRoutes);
  await app.register(reviewRoutes);
  return app;
}
