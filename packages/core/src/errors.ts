/**
 * Typed domain errors. Each carries a stable machine-readable `code`; the API maps the
 * error's class to an HTTP status in exactly one place (apps/api/src/http/error-handler.ts).
 */
export abstract class LiaisonError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The base of an error kind whose `code` may name the specific case (e.g. `duplicate_label` for a
 * conflict), `defaultCode` otherwise.
 */
function errorKind(defaultCode: string) {
  return class extends LiaisonError {
    readonly code: string;
    constructor(message: string, code = defaultCode) {
      super(message);
      this.code = code;
    }
  };
}

/** The input is malformed: wrong type, unknown field, out of range. */
export class InvalidInputError extends errorKind('invalid_input') {}

/** The input is well-formed but breaks a domain rule (e.g. a register the organization is not party to). */
export class UnprocessableError extends errorKind('unprocessable') {}

/** The object does not exist, or the caller may not see that it exists. */
export class NotFoundError extends LiaisonError {
  readonly code = 'not_found';
}

/** The caller is not authenticated, or the credentials are wrong. */
export class UnauthenticatedError extends errorKind('unauthenticated') {}

/** The caller may see the object but not do this to it. */
export class ForbiddenError extends errorKind('forbidden') {}

/** The request conflicts with the current state (duplicate identifier, illegal transition). */
export class ConflictError extends errorKind('conflict') {}

/** The request body or file is larger than allowed. */
export class PayloadTooLargeError extends LiaisonError {
  readonly code = 'payload_too_large';
}

/** The request body is not of a type this route accepts. */
export class UnsupportedMediaTypeError extends LiaisonError {
  readonly code = 'unsupported_media_type';
}

/** The requested byte range lies outside the file. */
export class RangeNotSatisfiableError extends LiaisonError {
  readonly code = 'range_not_satisfiable';
  constructor(
    message: string,
    readonly size: number,
  ) {
    super(message);
  }
}

/** Too many attempts in a short time. */
export class RateLimitedError extends LiaisonError {
  readonly code = 'rate_limited';
}

/** A dependency (database, object storage) is not reachable. */
export class DependencyUnavailableError extends LiaisonError {
  readonly code = 'dependency_unavailable';
}
