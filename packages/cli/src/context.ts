import { LiaisonClient } from '@liaison/client';
import { connection } from './config.js';
import { terminalSafe } from './terminal-text.js';

/** What a command runs with: its environment and streams, and the API address once known. */
export interface Io {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Set as soon as a command knows which API it talks to, for the error message. */
  apiUrl?: string;
}

export const USER_AGENT = 'liaison-cli/0.1.0';

/** A client for the configured API (LIAISON_URL/LIAISON_TOKEN, else the saved login). */
export async function connect(io: Io): Promise<LiaisonClient> {
  const { url, token } = await connection(io.env);
  io.apiUrl = url;
  return new LiaisonClient({ url, token, userAgent: USER_AGENT });
}

/** Writes a line; whatever in it came from the server cannot drive the terminal. */
export function print(stream: NodeJS.WriteStream, text: string): void {
  const safe = terminalSafe(text);
  stream.write(safe.endsWith('\n') ? safe : `${safe}\n`);
}
