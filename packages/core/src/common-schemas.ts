/**
 * The ids, instants, calendar days, hashes, parties, roles, register states and e-mail addresses
 * every wire schema writes the same way, a route's path parameters, the pages of the long lists, and
 * the bodies that create an object or change some of its fields.
 */
import { type TArrayOptions, type TOptional, type TProperties, type TSchema, Type } from 'typebox';
import { REGISTER_STATES, ROLES } from './domain.js';
import { EMAIL_MAX_LENGTH } from './rules.js';
import { EMAIL_PATTERN, LiteralUnion } from './text-schemas.js';

export const UuidSchema = Type.String({ format: 'uuid' });
export const TimestampSchema = Type.String({ format: 'date-time' });
export const DaySchema = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Sha256Schema = Type.String({
  pattern: '^[0-9a-f]{64}$',
  description: 'Lowercase hex SHA-256',
});
/** A stored file as the API describes it: its name, size, media type and SHA-256. */
export const StoredFileFields = {
  filename: Type.String(),
  size: Type.Integer(),
  mediaType: Type.String(),
  sha256: Sha256Schema,
};
/** An organization as the parties of a statement, a submission or a review name it. */
export const PartySchema = Type.Object({ slug: Type.String(), name: Type.String() });
/** A member's role in an organization. */
export const RoleSchema = LiteralUnion(ROLES);
export const RegisterStateSchema = LiteralUnion(REGISTER_STATES);
export const EmailSchema = Type.String({
  pattern: EMAIL_PATTERN,
  minLength: 3,
  maxLength: EMAIL_MAX_LENGTH,
});

/** A route's path parameters: these, and nothing else. */
export function PathParams<Params extends TProperties>(params: Params) {
  return Type.Object(params, { additionalProperties: false });
}

/** A page of a long list: its items, and the cursor that asks for the next page (null on the last). */
export function ListPage<Item extends TSchema>(item: Item, options?: TArrayOptions) {
  return Type.Object({
    items: Type.Array(item, options),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  });
}

/**
 * A list query's paging: at most `limit` items (25 unless asked, at most 100), after the page whose
 * `nextCursor` is `cursor`; each list writes its cursor in its own form, `cursorPattern`.
 */
export function ListPaging(cursorPattern: string) {
  return {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
    cursor: Type.Optional(Type.String({ pattern: cursorPattern, description: 'From nextCursor' })),
  };
}

/** A change of some of `fields`: any of them, at least one, and nothing else. */
export function ChangeOf<Fields extends TProperties>(fields: Fields) {
  return Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
}

/**
 * `fields` with those named in `optional` made optional, in their order: the fields of a body that
 * creates what `ChangeOf(fields)` changes.
 */
export function WithOptional<Fields extends TProperties, Name extends keyof Fields & string>(
  fields: Fields,
  optional: readonly Name[],
) {
  return Object.fromEntries(
    Object.entries(fields).map(([name, schema]) => [
      name,
      optional.includes(name as Name) ? Type.Optional(schema) : schema,
    ]),
  ) as { [Key in keyof Fields]: Key extends Name ? TOptional<Fields[Key]> : Fields[Key] };
}
