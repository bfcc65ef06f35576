import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Pool } from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import { registerErrorHandling } from './http/error-handler.js';
import { registerAuthentication } from './http/request-context.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { documentRoutes } from './routes/documents.js';
import { healthRoutes } from './routes/health.js';
import { organizationRoutes } from './routes/organizations.js';
import { registerRoutes } from './routes/registers.js';
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

export async function buildApp(deps: Dependencies, logger: FastifyServerOptions['logger'] = false) {
  const app = Fastify({
    logger,
    // Only behind a proxy you run may X-Forwarded-For name the client (rate limits and audit use it).
    trustProxy: deps.config.trustProxy,
    ajv: {
      // Unknown fields are an error, never silently dropped.
      customOptions: { removeAdditional: false, allErrors: false },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('deps', deps);
  registerErrorHandling(app);
  registerAuthentication(app);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
  });
  await app.register(multipart, {
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
  await app.register(registerRoutes);
  await app.register(authRoutes);
  await app.register(tokenRoutes);
  await app.register(documentRoutes);
  await app.register(versionRoutes);
  await app.register(auditRoutes);
  return app;
}
