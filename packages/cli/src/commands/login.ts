import { LiaisonClient } from '@liaison/client';
import { apiUrl, removeLogin, saveLogin } from '../config.js';
import { type Io, print, USER_AGENT } from '../context.js';
import { parseCommand, UsageError } from '../usage.js';

/** Reads a line from a terminal without echoing it. */
function promptHidden(io: Io, question: string): Promise<string> {
  const { stdin, stderr } = io;
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let answer = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new UsageError('login cancelled', 'login'));
        if (char === '\u007f' || char === '\b') answer = answer.slice(0, -1);
        else answer += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function readStdin(io: Io): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function tokenFrom(io: Io, given: string | undefined): Promise<string> {
  const token =
    given ??
    io.env.LIAISON_TOKEN ??
    (io.stdin.isTTY
      ? await promptHidden(io, 'Personal API token (from the portal: Admin > API tokens): ')
      : await readStdin(io));
  const trimmed = token.trim();
  if (!trimmed) {
    throw new UsageError(
      'no token: pass --token, set LIAISON_TOKEN, or type it when asked',
      'login',
    );
  }
  return trimmed;
}

export async function login(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('login', args, {
    url: { type: 'string' },
    token: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals[0]}`, 'login');
  const given = values.url ?? io.env.LIAISON_URL;
  if (!given) throw new UsageError('--url <api> is required', 'login');
  const url = apiUrl(given);
  io.apiUrl = url;
  const token = await tokenFrom(io, values.token);

  // Saved only once the API accepts it: a typo fails here, not at the next command.
  const user = await new LiaisonClient({ url, token, userAgent: USER_AGENT }).me();
  const path = await saveLogin(io.env, { url, token });
  const roles = user.memberships.map((m) => `${m.organization} ${m.role}`).join(', ');
  print(
    io.stdout,
    `Signed in to ${url} as ${user.email}${roles ? ` (${roles})` : ''}${user.operator ? ', portal operator' : ''}; saved in ${path}`,
  );
}

export async function logout(args: string[], io: Io): Promise<void> {
  const { positionals } = parseCommand('logout', args, {});
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals[0]}`, 'logout');
  const removed = await removeLogin(io.env);
  print(
    io.stdout,
    removed
      ? 'Signed out: the saved address and token are deleted (the token works until it expires or is revoked in the portal)'
      : 'Not signed in: there was no saved login',
  );
}
