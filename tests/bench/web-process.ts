import { type ChildProcess, spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';

export interface WebProcess {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Runs the built web app (`next start`, as `npm start` does) as a child process on 127.0.0.1:`port`
 * and resolves once it answers. `env` names the API (LIAISON_API_URL) and the session secret.
 */
export async function startWebProcess(options: {
  repoRoot: string;
  port: number;
  env: Record<string, string>;
}): Promise<WebProcess> {
  await access(join(options.repoRoot, 'apps/web/.next/BUILD_ID')).catch(() => {
    throw new Error('apps/web/.next is missing: build first (npx turbo run build)');
  });
  const next = join(options.repoRoot, 'node_modules/next/dist/bin/next');
  const child: ChildProcess = spawn(
    process.execPath,
    [next, 'start', '--hostname', '127.0.0.1', '--port', String(options.port)],
    {
      cwd: join(options.repoRoot, 'apps/web'),
      env: { PATH: process.env.PATH ?? '', ...options.env, PORT: String(options.port) },
      stdio: 'ignore',
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the web app on port ${options.port} exited while starting`);
    }
    const ok = await fetch(`${url}/`, { signal: AbortSignal.timeout(5_000) }).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status < 500;
      },
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  if (child.pid === undefined) throw new Error('the web process has no pid');
  return {
    url,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Signs in through the web app's login form, as a browser does; answers the cookies to send with
 * each request of that person (the session's holds the API access token).
 */
export async function signInThroughWeb(
  webUrl: string,
  person: { email: string; password: string; organization: string },
): Promise<string> {
  const csrf = await fetch(`${webUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${webUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: cookiePairs(csrf.headers).join('; '),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ csrfToken, ...person }).toString(),
  });
  await answer.arrayBuffer();
  const cookies = cookiePairs(answer.headers);
  if (!cookies.some((cookie) => cookie.startsWith('next-auth.session-token='))) {
    throw new Error(`signing in ${person.email} through the web app answered ${answer.status}`);
  }
  return cookies.join('; ');
}

/** The `name=value` pairs of an answer's Set-Cookie headers. */
function cookiePairs(headers: Headers): string[] {
  return headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
}
