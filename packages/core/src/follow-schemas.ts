/** Wire schemas for following documents, registers and organizations' releases. */
import { type Static, Type } from 'typebox';
import { PathParams, TimestampSchema, UuidSchema } from './common-schemas.js';
import { LiteralUnion, SlugSchema } from './text-schemas.js';

export const FOLLOW_TARGET_KINDS = ['document', 'register', 'organization'] as const;
export type FollowTargetKind = (typeof FOLLOW_TARGET_KINDS)[number];

/** What to follow: a document by id, a register or an organization (its releases) by slug. */
export const FollowBody = Type.Union(
  [
    Type.Object(
      { kind: Type.Literal('document'), document: UuidSchema },
      { additionalProperties: false },
    ),
    Type.Object(
      { kind: Type.Literal('register'), register: SlugSchema },
      { additionalProperties: false },
    ),
    Type.Object(
      { kind: Type.Literal('organization'), organization: SlugSchema },
      { additionalProperties: false },
    ),
  ],
  { title: 'FollowBody' },
);
export type FollowBody = Static<typeof FollowBody>;

export const FollowSchema = Type.Object(
  {
    id: UuidSchema,
    kind: LiteralUnion(FOLLOW_TARGET_KINDS),
    key: Type.String({
      description: "The document's id, the register's or the organization's slug",
    }),
    name: Type.String({ description: 'What it is called, e.g. "DSP0266: Redfish"' }),
    createdAt: TimestampSchema,
  },
  { title: 'Follow' },
);
export type Follow = Static<typeof FollowSchema>;

export const FollowList = Type.Object({ items: Type.Array(FollowSchema) });
export type FollowList = Static<typeof FollowList>;

export const FollowIdParams = PathParams({ id: UuidSchema });

/** The signed token of an unfollow link in a mail. */
export const UnfollowTokenBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9._-]+$' }) },
  { additionalProperties: false },
);
export type UnfollowTokenBody = Static<typeof UnfollowTokenBody>;

/** What an unfollow link ended (or would end). */
export const UnfollowResult = Type.Object(
  { kind: LiteralUnion(FOLLOW_TARGET_KINDS), name: Type.String() },
  { title: 'UnfollowResult' },
);
export type UnfollowResult = Static<typeof UnfollowResult>;
