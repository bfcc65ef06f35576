/**
 * Wire schemas for "What's new": what changed since the caller last opened the page, among what
 * they may read: new versions of documents, decisions on submissions, statements sent to their
 * organizations. Newest first; older items stay listed, not new, for 28 days.
 *
 * GET  /api/v1/me/whats-new          → 200 WhatsNew (reads only; the previous visit stays)
 * POST /api/v1/me/whats-new/visits   → 200 WhatsNew as of the visit, which it records: what was
 *                                      new then is marked new, and the next count starts after it
 * GET  /api/v1/me/whats-new/count    → 200 WhatsNewCount (the header's badge)
 * Anonymous callers get 401.
 */
import { type Static, Type } from 'typebox';
import { DaySchema, TimestampSchema, UuidSchema } from './common-schemas.js';
import { StatementPurposeSchema, StatementStateSchema } from './statement-schemas.js';
import { LiteralUnion } from './text-schemas.js';

/** The most items a page lists, and the most the count counts (shown as "99+"). */
export const WHATS_NEW_LIMIT = 200;
export const WHATS_NEW_COUNT_CAP = 100;

export const WHATS_NEW_DECISIONS = ['accepted', 'declined', 'withdrawn'] as const;

const common = {
  id: Type.String({
    description: "The event's id: the version's, the decision's, the statement's",
  }),
  at: TimestampSchema,
  new: Type.Boolean({ description: 'After the previous visit (every item, before the first)' }),
};

export const WhatsNewVersion = Type.Object(
  {
    kind: Type.Literal('version'),
    ...common,
    document: Type.Object({
      id: UuidSchema,
      identifier: Type.String(),
      title: Type.String(),
      organization: Type.String({ description: 'Owning organization slug' }),
    }),
    label: Type.String({ description: "The new version's label" }),
  },
  { title: 'WhatsNewVersion' },
);

export const WhatsNewDecision = Type.Object(
  {
    kind: Type.Literal('decision'),
    ...common,
    submission: Type.Object({
      id: UuidSchema,
      reference: Type.String(),
      title: Type.String(),
      from: Type.String({ description: 'Submitting organization slug' }),
      to: Type.String({ description: 'Receiving organization slug' }),
    }),
    decision: LiteralUnion(WHATS_NEW_DECISIONS),
  },
  { title: 'WhatsNewDecision' },
);

export const WhatsNewStatement = Type.Object(
  {
    kind: Type.Literal('statement'),
    ...common,
    statement: Type.Object({
      id: UuidSchema,
      title: Type.String(),
      from: Type.String({ description: 'Sending organization slug' }),
      purpose: StatementPurposeSchema,
      state: StatementStateSchema,
      deadline: Type.Union([DaySchema, Type.Null()]),
    }),
  },
  { title: 'WhatsNewStatement' },
);

export const WhatsNewItem = Type.Union([WhatsNewVersion, WhatsNewDecision, WhatsNewStatement]);
export type WhatsNewItem = Static<typeof WhatsNewItem>;

export const WhatsNew = Type.Object(
  {
    previousVisit: Type.Union([TimestampSchema, Type.Null()], {
      description: 'When the caller opened the page before; null if never',
    }),
    items: Type.Array(WhatsNewItem),
  },
  { title: 'WhatsNew' },
);
export type WhatsNew = Static<typeof WhatsNew>;

export const WhatsNewCount = Type.Object(
  {
    count: Type.Integer({
      minimum: 0,
      maximum: WHATS_NEW_COUNT_CAP,
      description: `New items, counted up to ${WHATS_NEW_COUNT_CAP}`,
    }),
  },
  { title: 'WhatsNewCount' },
);
export type WhatsNewCount = Static<typeof WhatsNewCount>;
