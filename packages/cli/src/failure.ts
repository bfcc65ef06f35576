import { LiaisonApiError, LiaisonNetworkError } from '@liaison/client';
import { UsageError } from './usage.js';

export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_REFUSED = 2;
export const EXIT_UNAVAILABLE = 3;

/** The bytes that arrived are not the ones asked for or stored: exit code 3, like a network error. */
export class TransferError extends Error {
  override name = 'TransferError';
}

export interface Failure {
  exitCode: number;
  /** One line: what went wrong, and what to do. */
  message: string;
}

const LOCAL_FILE_ERRORS = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EEXIST']);

/** What a failed command says and exits with: 1 usage, 2 not found or not allowed, 3 network or server. */
export function describeFailure(error: unknown, apiUrl: string | undefined): Failure {
  const api = apiUrl ?? 'the API';
  if (error instanceof UsageError) {
    const help = error.command ? ` (see "liaison ${error.command} --help")` : '';
    return { exitCode: EXIT_USAGE, message: `${error.message}${help}` };
  }
  if (error instanceof LiaisonApiError) {
    const what = `${error.message} (${error.status} ${error.code})`;
    if (error.status === 401) {
      return {
        exitCode: EXIT_REFUSED,
        message: `${what}: sign in with "liaison login --url ${api}" and a valid personal API token`,
      };
    }
    if (error.status === 403) {
      return {
        exitCode: EXIT_REFUSED,
        message: `${what}: you are not allowed to do this; ask an admin of the owning organization`,
      };
    }
    if (error.status === 404) {
      return {
        exitCode: EXIT_REFUSED,
        message: `${what}: check the name with "liaison ls", and that you are signed in as someone who may see it`,
      };
    }
    if (error.status === 429 || error.status >= 500) {
      return {
        exitCode: EXIT_UNAVAILABLE,
        message: `${api} failed: ${what}; try again later, and tell the portal's operator if it persists`,
      };
    }
    return { exitCode: EXIT_USAGE, message: `the API refused the request: ${what}` };
  }
  if (error instanceof LiaisonNetworkError) {
    return {
      exitCode: EXIT_UNAVAILABLE,
      message: `cannot reach the API at ${error.url} (${error.code ?? error.message}): check the address ("liaison login --url", LIAISON_URL) and that the API is running`,
    };
  }
  if (error instanceof TransferError) {
    return { exitCode: EXIT_UNAVAILABLE, message: error.message };
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && LOCAL_FILE_ERRORS.has(code)) {
    return { exitCode: EXIT_USAGE, message: `${(error as Error).message}: check the path` };
  }
  return {
    exitCode: EXIT_UNAVAILABLE,
    message: `unexpected failure: ${(error as Error)?.message ?? String(error)}`,
  };
}
