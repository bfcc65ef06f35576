import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { InvalidInputError, PayloadTooLargeError } from '@liaison/core';
import { normalizeMediaType, validateUploadFilename } from '@liaison/core/server';
import type { Pool } from '@liaison/db';
import {
  ObjectSizeMismatchError,
  type ObjectStorage,
  ObjectTooLargeError,
  SourceStreamError,
} from '@liaison/storage';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import type { FastifyBaseLogger } from 'fastify';
import type { Static, TObject } from 'typebox';
import { removeStoredOnFailure } from '../remove-stored-objects.js';

/** One part of an upload form, in the order the client sent them. */
export type UploadPart =
  | { kind: 'field'; name: string; value: string }
  | { kind: 'file'; name: string; filename: string; mediaType: string; stream: Readable };

/** A file of the form, fully stored, with what storage measured on the way. */
export interface StoredFile {
  id: string;
  storageKey: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface UploadDependencies {
  storage: ObjectStorage;
  log: FastifyBaseLogger;
  /** The most all files of one form may hold together. */
  maxUploadBytes: number;
}

/** What an upload use case needs: the upload's storage and limits, and the database it writes. */
export interface UploadUseCaseDependencies extends UploadDependencies {
  pool: Pool;
}

/** The code and message of a refused field, for forms whose clients rely on a specific code. */
export interface FieldRefusal {
  code: string;
  message?: string;
}

type FieldName<Fields extends TObject> = keyof Static<Fields> & string;

export interface UploadForm<Fields extends TObject, Checked> {
  /** The text fields, checked by the same schema a JSON body of them would be. */
  fields: Fields;
  /** Fields whose surrounding white space is dropped before the check, as forms send them padded. */
  trimmed?: readonly FieldName<Fields>[];
  refusals?: Partial<Record<FieldName<Fields>, { missing?: FieldRefusal; invalid?: FieldRefusal }>>;
  maxFiles: { count: number; code: string; message: string };
  /**
   * A form whose files may all be left out (a comment's attachment), or may be when its fields say
   * so (a submission attaching document versions instead); otherwise one file is required.
   */
  filesOptional?: boolean | ((fields: Static<Fields>) => boolean);
  storageKey: (fileId: string) => string;
  /**
   * A smaller limit for some files than the form's, with the refusal that names it (e.g. the PDFs
   * of a document requiring watermarks, which must stay small enough to stamp).
   */
  fileLimit?: (file: {
    filename: string;
    mediaType: string;
  }) => { maxBytes: number; message: string } | undefined;
  /** Every rule that can be checked before a byte is stored; runs once, at the first file. */
  check: (fields: Static<Fields>) => Promise<Checked>;
}

const FILE_FIELD = 'file';
/**
 * A field any upload form may send right before a file: the file's length in bytes. The file
 * then streams into storage in one PUT of that length, and a file of another length is refused.
 */
const SIZE_FIELD = 'size';

function declaredSizeOf(value: string): number {
  const size = /^[0-9]{1,16}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(size)) {
    throw new InvalidInputError(
      `The '${SIZE_FIELD}' field must be the next file's length in bytes`,
      'invalid_input',
    );
  }
  return size;
}

/** The JSON bodies' validator options (apps/api/src/app.ts): no coercion, first error only. */
const ajv = new Ajv({ useDefaults: true, removeAdditional: false, allErrors: false });
formats.default(ajv);
const validators = new WeakMap<object, ValidateFunction>();

function validatorOf(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

/**
 * The text fields, checked one by one in the schema's order (so a form names its most important
 * field first), each refusal naming its field.
 */
function readFields<Fields extends TObject, Checked>(
  form: UploadForm<Fields, Checked>,
  sent: Map<string, string>,
): Static<Fields> {
  const required = new Set<string>(form.fields.required ?? []);
  const trimmed = new Set<string>(form.trimmed ?? []);
  const fields: Record<string, string> = {};
  for (const [name, schema] of Object.entries(form.fields.properties)) {
    const refusals = form.refusals?.[name as FieldName<Fields>];
    const raw = sent.get(name);
    const value = raw !== undefined && trimmed.has(name) ? raw.trim() : raw;
    if (value === undefined) {
      if (!required.has(name)) continue;
      throw new InvalidInputError(
        refusals?.missing?.message ?? `The '${name}' field is missing`,
        refusals?.missing?.code ?? 'invalid_input',
      );
    }
    const validate = validatorOf(schema);
    if (!validate(value)) {
      throw new InvalidInputError(
        refusals?.invalid?.message ??
          `The '${name}' field ${validate.errors?.[0]?.message ?? 'is invalid'}`,
        refusals?.invalid?.code ?? 'invalid_input',
      );
    }
    fields[name] = value;
  }
  return fields as Static<Fields>;
}

function storageFailure(error: unknown, maxFiles: number): unknown {
  const subject = maxFiles === 1 ? 'The file is' : 'The files are';
  if (error instanceof ObjectTooLargeError) {
    const together = maxFiles === 1 ? '' : ' together';
    return new PayloadTooLargeError(
      `${subject} larger than the limit of ${error.limit} bytes${together}`,
    );
  }
  if (error instanceof ObjectSizeMismatchError) {
    return new InvalidInputError(
      `The file is ${error.longer ? 'longer' : 'shorter'} than the ${error.declared} bytes its '${SIZE_FIELD}' field declared`,
      'size_mismatch',
    );
  }
  if (error instanceof SourceStreamError) {
    const cause = (error as { cause?: { statusCode?: number } }).cause;
    if (cause?.statusCode === 413)
      return new PayloadTooLargeError(`${subject} larger than the limit`);
    return new InvalidInputError(
      'The upload ended before the file was complete',
      'incomplete_upload',
    );
  }
  return error;
}

/**
 * Receives an upload form: its text fields first (checked by the schema, then by `form.check`,
 * before any byte is stored), then its files in 'file', each streamed into storage with its
 * SHA-256 and size. `commit` writes the rows once every object is stored; on any failure before
 * it returns, every stored object is removed again, so a refused or broken request leaves
 * nothing behind.
 */
export async function receiveUploadForm<Fields extends TObject, Checked, Result>(
  deps: UploadDependencies,
  parts: AsyncIterable<UploadPart>,
  form: UploadForm<Fields, Checked>,
  commit: (received: {
    fields: Static<Fields>;
    checked: Checked;
    files: StoredFile[];
  }) => Promise<Result>,
): Promise<Result> {
  const fieldNames = Object.keys(form.fields.properties);
  const sent = new Map<string, string>();
  const stored: StoredFile[] = [];
  let accepted: { fields: Static<Fields>; checked: Checked } | undefined;
  let storedBytes = 0;
  let declaredSize: number | undefined;

  const storedKeys = () => stored.map((file) => file.storageKey);
  return removeStoredOnFailure(deps, storedKeys, 'the object of a failed upload', async () => {
    for await (const part of parts) {
      if (part.kind === 'field') {
        if (part.name === SIZE_FIELD) {
          if (declaredSize !== undefined) {
            throw new InvalidInputError(
              `Send one '${SIZE_FIELD}' field right before each file`,
              'invalid_form',
            );
          }
          declaredSize = declaredSizeOf(part.value);
          continue;
        }
        if (!fieldNames.includes(part.name)) {
          throw new InvalidInputError(
            `Unknown field '${part.name}'; send ${fieldNames.join(', ')} and then '${FILE_FIELD}'`,
            'unknown_field',
          );
        }
        if (accepted) {
          throw new InvalidInputError('Send every text field before the files', 'invalid_form');
        }
        if (sent.has(part.name)) {
          throw new InvalidInputError(`Send the '${part.name}' field once`, 'invalid_form');
        }
        sent.set(part.name, part.value);
        continue;
      }
      if (part.name !== FILE_FIELD) {
        throw new InvalidInputError(
          `Unknown file field '${part.name}'; files go in '${FILE_FIELD}'`,
          'unknown_field',
        );
      }
      if (!accepted) {
        const fields = readFields(form, sent);
        accepted = { fields, checked: await form.check(fields) };
      }
      if (stored.length >= form.maxFiles.count) {
        throw new InvalidInputError(form.maxFiles.message, form.maxFiles.code);
      }
      const filename = validateUploadFilename(part.filename);
      const mediaType = normalizeMediaType(part.mediaType);
      const id = randomUUID();
      const storageKey = form.storageKey(id);
      const remaining = deps.maxUploadBytes - storedBytes;
      const fileLimit = form.fileLimit?.({ filename, mediaType });
      const ownLimit = fileLimit && fileLimit.maxBytes < remaining ? fileLimit : undefined;
      const object = await deps.storage
        .putStream(storageKey, part.stream, {
          contentType: mediaType,
          maxBytes: ownLimit?.maxBytes ?? remaining,
          ...(declaredSize === undefined ? {} : { size: declaredSize }),
        })
        .catch((error: unknown) => {
          if (ownLimit && error instanceof ObjectTooLargeError) {
            throw new PayloadTooLargeError(ownLimit.message);
          }
          throw storageFailure(error, form.maxFiles.count);
        });
      declaredSize = undefined;
      storedBytes += object.size;
      stored.push({
        id,
        storageKey,
        filename,
        mediaType,
        size: object.size,
        sha256: object.sha256,
      });
    }
    if (declaredSize !== undefined) {
      throw new InvalidInputError(
        `Send the '${SIZE_FIELD}' field right before its file`,
        'invalid_form',
      );
    }
    if (!accepted) {
      const fields = readFields(form, sent);
      const filesOptional =
        typeof form.filesOptional === 'function' ? form.filesOptional(fields) : form.filesOptional;
      if (!filesOptional) {
        const files = form.maxFiles.count === 1 ? 'the file' : 'one or more files';
        throw new InvalidInputError(`Send ${files} in '${FILE_FIELD}'`, 'file_missing');
      }
      accepted = { fields, checked: await form.check(fields) };
    }
    return await commit({ ...accepted, files: stored });
  });
}
