import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CaughtMailList,
  CaughtMailQuery,
  NotificationSettingsChange,
  NotificationSettingsSchema,
} from '@liaison/core';
import { contextOf } from '../http/request-context.js';
import { documented } from '../http/route-schema.js';
import { listCaughtMail } from '../services/notifications/list-caught-mail.js';
import {
  getNotificationSettings,
  updateNotificationSettings,
} from '../services/notifications/notification-settings.js';

export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/me/notifications',
    documented('notifications', 'The e-mail notifications the caller opted in to', {
      response: { 200: NotificationSettingsSchema },
    }),
    async (request) => getNotificationSettings(app.deps.pool, contextOf(request)),
  );

  app.put(
    '/api/v1/me/notifications',
    documented(
      'notifications',
      'Opt in to (or out of) e-mail notifications; the choices left out keep their value',
      {
        body: NotificationSettingsChange,
        response: { 200: NotificationSettingsSchema },
      },
    ),
    async (request) => updateNotificationSettings(app.deps.pool, contextOf(request), request.body),
  );

  app.get(
    '/api/v1/mail-catcher/messages',
    documented(
      'notifications',
      'Demo mode: the mails the local mail catcher received, newest first (operator only; 404 when the catcher is off)',
      {
        querystring: CaughtMailQuery,
        response: { 200: CaughtMailList },
      },
    ),
    async (request) =>
      listCaughtMail(
        { pool: app.deps.pool, mail: app.deps.config.mail },
        contextOf(request),
        request.query.limit ?? 100,
      ),
  );
};
