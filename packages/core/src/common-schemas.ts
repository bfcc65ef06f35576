/** The ids, instants, calendar days and e-mail addresses every wire schema writes the same way. */
import { Type } from 'typebox';
import { EMAIL_MAX_LENGTH } from './rules.js';
import { EMAIL_PATTERN } from './text-schemas.js';

export const UuidSchema = Type.String({ format: 'uuid' });
export const TimestampSchema = Type.String({ format: 'date-time' });
export const DaySchema = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const EmailSchema = Type.String({
  pattern: EMAIL_PATTERN,
  minLength: 3,
  maxLength: EMAIL_MAX_LENGTH,
});
