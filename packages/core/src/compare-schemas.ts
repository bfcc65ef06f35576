/** Wire schemas for comparing the text of two versions of a document (docs/compare.md). */
import { type Static, Type } from 'typebox';
import { UuidSchema } from './common-schemas.js';
import { VERSION_LABEL_MAX_LENGTH } from './rules.js';
import { LiteralUnion } from './text-schemas.js';

/** The text a comparison reads of each version, in characters; the rest is left out. */
export const COMPARE_MAX_TEXT_CHARS = 1_000_000;
/** The changed and context text one comparison answers, in characters, before it stops. */
export const COMPARE_MAX_OUTPUT_CHARS = 400_000;
/** Unchanged text kept on each side of a change; longer unchanged stretches are shortened. */
export const COMPARE_CONTEXT_CHARS = 160;

export const VERSION_TEXT_STATUSES = ['pending', 'extracted', 'failed', 'unsupported'] as const;

const VersionRefSchema = Type.String({
  minLength: 1,
  maxLength: VERSION_LABEL_MAX_LENGTH,
  description: "A version's id, or its label (e.g. 0.9a)",
});

export const CompareQuery = Type.Object(
  { from: VersionRefSchema, to: VersionRefSchema },
  { additionalProperties: false },
);
export type CompareQuery = Static<typeof CompareQuery>;

export const ComparedVersionSchema = Type.Object({
  id: UuidSchema,
  label: Type.String(),
  mediaType: Type.String(),
  textStatus: LiteralUnion(VERSION_TEXT_STATUSES),
  textFailure: Type.Union([Type.String(), Type.Null()], {
    description: 'Why the text was not extracted, when it was not',
  }),
});

export const DiffPartSchema = Type.Object({
  kind: LiteralUnion(['same', 'added', 'removed'] as const),
  text: Type.String(),
});
export type DiffPart = Static<typeof DiffPartSchema>;

export const PageDiffSchema = Type.Object({
  page: Type.Integer({ minimum: 1, description: 'The page number in both versions' }),
  changes: Type.Integer({ minimum: 0 }),
  parts: Type.Array(DiffPartSchema, {
    description: 'Unchanged stretches longer than twice the context are shortened with " … "',
  }),
  tooDifferent: Type.Boolean({
    description: 'The page changed too much to compare word by word; parts is empty',
  }),
});
export type PageDiff = Static<typeof PageDiffSchema>;

export const VersionComparisonSchema = Type.Object(
  {
    from: ComparedVersionSchema,
    to: ComparedVersionSchema,
    /** text-missing: a version's text is not extracted (yet, or at all); see its textStatus. */
    status: LiteralUnion(['compared', 'text-missing'] as const),
    summary: Type.Object({
      changes: Type.Integer({ description: 'Runs of added or removed words' }),
      pagesWithChanges: Type.Integer(),
      pages: Type.Integer({ description: 'Pages compared (the longer version)' }),
    }),
    pages: Type.Array(PageDiffSchema, { description: 'Only the pages with changes, in order' }),
    truncated: Type.Boolean({
      description:
        'Some text was left out: a version longer than the compared limit, or an answer longer than the output limit',
    }),
  },
  { title: 'VersionComparison' },
);
export type VersionComparison = Static<typeof VersionComparisonSchema>;
