import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import { sweepBodyBuffers } from '@liaison/body-buffers';
import {
  InvalidInputError,
  isMultiLineText,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '@liaison/core';
import type { FastifyRequest } from 'fastify';
import type { UploadPart } from '../services/uploads/receive-upload-form.js';

/** What each upload form says when busboy stops it at one of its limits. */
export interface FormLimitMessages {
  fileTooLarge: string;
  tooManyFiles: { message: string; code: string };
  tooManyFields: string;
}

export interface FormLimits {
  fileSize: number;
  files: number;
  fields: number;
  fieldSize: number;
  parts: number;
}

function multipartFailure(error: unknown, messages: FormLimitMessages): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new PayloadTooLargeError(messages.fileTooLarge);
  if (code === 'FST_FILES_LIMIT') {
    return new InvalidInputError(messages.tooManyFiles.message, messages.tooManyFiles.code);
  }
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new InvalidInputError(messages.tooManyFields, 'invalid_form');
  }
  return new InvalidInputError(
    `The multipart body is malformed: ${(error as Error).message}`,
    'malformed_multipart',
  );
}

/**
 * The request's form parts in the shape the upload use cases read, with transport errors made
 * typed. Without `limits`, the app-wide ones (apps/api/src/app.ts) apply.
 */
export async function* formParts(
  request: FastifyRequest,
  messages: FormLimitMessages,
  limits?: FormLimits,
): AsyncGenerator<UploadPart> {
  let sweeping = false;
  try {
    for await (const part of request.parts(limits ? { limits } : undefined)) {
      // The body is piped into the form parser from the first part on (not before).
      if (!sweeping) {
        sweepBodyBuffers(request.raw);
        sweeping = true;
      }
      if (part.type === 'file') {
        const file = part as MultipartFile;
        yield {
          kind: 'file',
          name: file.fieldname,
          filename: file.filename,
          mediaType: file.mimetype,
          stream: file.file,
        };
      } else {
        const field = part as MultipartValue;
        if (field.valueTruncated) {
          throw new InvalidInputError(
            `The '${field.fieldname}' field is too long`,
            'invalid_input',
          );
        }
        const value = String(field.value);
        // The baseline for every form field; the form's schema checks each one further.
        if (!isMultiLineText(value)) {
          throw new InvalidInputError(
            `The '${field.fieldname}' field holds a control character`,
            'invalid_input',
          );
        }
        yield { kind: 'field', name: field.fieldname, value };
      }
    }
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw multipartFailure(error, messages);
  }
}

/** Refuses, before reading a byte, a body that declares itself larger than the form may be. */
function refuseDeclaredOversize(request: FastifyRequest, maxBytes: number, message: string): void {
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) {
    throw new PayloadTooLargeError(message);
  }
}

/**
 * Runs an upload use case; when it refuses, the rest of the body is dropped. A refused upload may
 * stop reading mid-body (a taken label, a bad file name), and a client still sending a large file
 * would otherwise never finish its request: the connection would hang, holding the socket and the
 * parser, until the client gave up.
 */
async function drainingOnRefusal<T>(request: FastifyRequest, upload: Promise<T>) {
  try {
    return await upload;
  } catch (error) {
    request.raw.unpipe();
    request.raw.resume();
    throw error;
  }
}

/** What an upload route answers to a body it refuses before reading it. */
export interface UploadRefusals {
  /** The message for a body that is not multipart/form-data. */
  notMultipart: string;
  /** The largest body the form may declare, its files with room for the rest of the form. */
  maxBytes: number;
  /** The message for a body declared larger than `maxBytes`. */
  tooLarge: string;
}

// Room for the form's boundary, headers and short text fields around its one file.
const ONE_FILE_FORM_OVERHEAD_BYTES = 64 * 1024;

/** The refusals of a form that holds one file and a few short fields (a version, an attachment). */
export function oneFileUploadRefusals(maxUploadBytes: number): UploadRefusals {
  return {
    notMultipart: 'Upload the file as multipart/form-data',
    maxBytes: maxUploadBytes + ONE_FILE_FORM_OVERHEAD_BYTES,
    tooLarge: `The file is larger than the limit of ${maxUploadBytes} bytes`,
  };
}

/**
 * Runs an upload use case on a multipart request: a body that is not multipart, or declares itself
 * too large, is refused before a byte is read; when the use case refuses, the rest is drained.
 */
export async function receiveUpload<T>(
  request: FastifyRequest,
  refusals: UploadRefusals,
  upload: () => Promise<T>,
): Promise<T> {
  if (!request.isMultipart()) throw new UnsupportedMediaTypeError(refusals.notMultipart);
  refuseDeclaredOversize(request, refusals.maxBytes, refusals.tooLarge);
  return drainingOnRefusal(request, upload());
}
