/**
 * The two ways a call to the API fails: the API answered with an error, or no answer came.
 * Callers tell them apart by class (e.g. the CLI's exit codes), and read the API's own `code`.
 */

/**
 * The API answered with a 4xx or 5xx: `code` and `message` are those of its `{error}` body, or
 * `http_<status>` and the status line when the answer had none (a proxy's HTML page). A 2xx
 * answer that is not JSON fails too, with the code `invalid_response`.
 */
export class LiaisonApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What was asked, e.g. `GET /api/v1/documents/…`. */
    readonly request: string,
  ) {
    super(message);
    this.name = 'LiaisonApiError';
  }
}

/** No answer: the server could not be reached, the connection broke, or it stopped answering. */
export class LiaisonNetworkError extends Error {
  /**
   * The system error code when there is one (ECONNREFUSED, ENOTFOUND, ECONNRESET, …); ETIMEDOUT
   * when the client gave up waiting (ClientOptions' idleTimeoutMs or timeoutMs).
   */
  readonly code: string | undefined;

  constructor(
    message: string,
    /** The address that could not be reached. */
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LiaisonNetworkError';
    this.code = (options?.cause as { code?: string } | undefined)?.code;
  }
}
