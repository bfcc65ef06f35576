import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Pool } from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import { registerErrorHandling } from './http/error-handler.js';
import { healthRoutes } from './routes/health.js';
import { organizationRoutes } from './routes/organizations.js';
import { registerRoutes } from './routes/registers.js';

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
    // Behind a load balancer the client address comes from X-Forwarded-For.
    trustProxy: true,
    ajv: {
      // Unknown fields are an error, never silently dropped.
      customOptions: { removeAdditional: false, allErrors: false },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('deps', deps);
  registerErrorHandling(app);

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
  return app;
}
