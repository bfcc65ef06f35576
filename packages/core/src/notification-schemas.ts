/** Wire schemas for e-mail notifications: a person's choices, and the demo mail catcher's inbox. */
import { type Static, Type } from 'typebox';
import { ChangeOf, TimestampSchema } from './common-schemas.js';

export const NotificationSettingsSchema = Type.Object(
  {
    documentReleases: Type.Boolean({
      description:
        'Mail me when a document shared under a register of one of my organizations is released to the public',
    }),
    reviewCalls: Type.Boolean({
      description:
        'Mail me when a review (a call for comments) opens on a document one of my organizations may read, and 3 days before it closes',
    }),
    followDelivery: Type.Union([Type.Literal('immediate'), Type.Literal('daily')], {
      description:
        'Mail about what I follow: one mail per event (immediate) or one digest a day (daily)',
    }),
  },
  { title: 'NotificationSettings', additionalProperties: false },
);
export type NotificationSettings = Static<typeof NotificationSettingsSchema>;

/** A change of the choices: those left out keep their value. */
export const NotificationSettingsChange = ChangeOf(NotificationSettingsSchema.properties);
export type NotificationSettingsChange = Static<typeof NotificationSettingsChange>;

export const CaughtMailSchema = Type.Object(
  {
    id: Type.String(),
    receivedAt: TimestampSchema,
    from: Type.String({ description: 'The envelope sender' }),
    to: Type.Array(Type.String(), { description: 'The envelope recipients' }),
    subject: Type.String(),
    text: Type.String({ description: 'The plain-text body' }),
    size: Type.Integer({ description: 'Bytes as received' }),
  },
  { title: 'CaughtMail' },
);
export type CaughtMail = Static<typeof CaughtMailSchema>;

export const CaughtMailList = Type.Object({ items: Type.Array(CaughtMailSchema) });
export type CaughtMailList = Static<typeof CaughtMailList>;

export const CaughtMailQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) },
  { additionalProperties: false },
);
