import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Document, LiaisonClient } from '@liaison/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from '../../../apps/api/test/helpers.js';
import { expectUsageError, runCli, sha256File, startCli, writeRandomFile } from './run-cli.js';

const MiB = 1024 * 1024;
const BIG_BYTES = 200 * MiB;

let api: RunningApi;
let scratch: string;
let editorToken: string;
let memberToken: string;
let admin: LiaisonClient;

/** A fresh XDG_CONFIG_HOME: no login saved yet. */
async function freshConfig(): Promise<string> {
  return mkdtemp(join(scratch, 'config-'));
}

/** The environment of a signed-in editor of the OFA, given by variables. */
function asEditor(): Record<string, string> {
  return {
    LIAISON_URL: api.url,
    LIAISON_TOKEN: editorToken,
    XDG_CONFIG_HOME: join(scratch, 'none'),
  };
}

async function personalToken(email: string): Promise<string> {
  const anonymous = new LiaisonClient({ url: api.url });
  const session = anonymous.withToken((await anonymous.signIn(email, 'liaison-demo')).accessToken);
  return (await session.createApiToken({ name: `cli test ${email}`, expiresInDays: 1 })).token;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

async function objectKeys(documentId: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of api.storage.list(`documents/${documentId}/`)) keys.push(object.key);
  return keys.sort();
}

beforeAll(async () => {
  api = await startApi();
  scratch = await mkdtemp(join(tmpdir(), 'liaison-cli-'));
  editorToken = await personalToken('editor@ofa.example');
  memberToken = await personalToken('member@ofa.example');
  const anonymous = new LiaisonClient({ url: api.url });
  admin = anonymous.withToken(
    (await anonymous.signIn('admin@ofa.example', 'liaison-demo')).accessToken,
  );
});

afterAll(async () => {
  await api?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('usage', () => {
  it('exits 1 with a one-line message for a wrong command line, and helps', async () => {
    const env = { XDG_CONFIG_HOME: await freshConfig() };
    for (const args of [
      ['frobnicate'],
      ['ls', '--bogus'],
      ['ls', '--limit', '0'],
      ['show'],
      ['show', 'not-a-reference'],
      ['push', 'file.pdf', '--doc', 'ofa/X'],
      ['push', 'file.pdf', '--doc', 'ofa/X', '--label', '1', '--title', 'no --create'],
      ['push', 'file.pdf', '--doc', 'ofa/X', '--label', '1', '--create'],
      ['pull', 'ofa/X', 'extra'],
      ['login'],
      ['login', '--url', 'ftp://example.org', '--token', 'x'],
      ['ls'], // nowhere to connect to: no login, no LIAISON_URL
    ]) {
      await expectUsageError(args, env);
    }
    const help = await runCli(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 done, 1 usage error');
    for (const command of ['login', 'logout', 'ls', 'show', 'push', 'pull', 'submit']) {
      const commandHelp = await runCli([command, '--help'], env);
      expect(commandHelp.code).toBe(0);
      expect(commandHelp.stdout).toMatch(new RegExp(`^Usage: liaison ${command}`));
    }
    expect((await runCli([], env)).code).toBe(1);
  });
});

describe('login and logout', () => {
  it('saves a personal API token only once the API accepted it, in a file only its owner may read', async () => {
    const config = await freshConfig();
    const env = { XDG_CONFIG_HOME: config };
    const file = join(config, 'liaison', 'config.json');

    const refused = await runCli(['login', '--url', api.url, '--token', 'lia_not-a-token'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^liaison: .*401.*liaison login/);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });

    // The token on standard input keeps it out of the process list and the shell history.
    const login = await runCli(['login', '--url', `${api.url}/api/v1/`], env, {
      input: `${editorToken}\n`,
    });
    expect(login.stderr).toBe('');
    expect(login.code).toBe(0);
    expect(login.stdout).toContain('as editor@ofa.example (ofa editor)');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ url: api.url, token: editorToken });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(config, 'liaison'))).mode & 0o777).toBe(0o700);
    expect(await readdir(join(config, 'liaison'))).toEqual(['config.json']);

    const listed = await runCli(['ls', '--org', 'ofa', '--json'], env);
    expect(listed.code).toBe(0);
    expect(Array.isArray(JSON.parse(listed.stdout))).toBe(true);

    // A saved token is never sent to another address named by LIAISON_URL.
    const seen: Array<string | undefined> = [];
    const elsewhere = createHttpServer((request, response) => {
      seen.push(request.headers.authorization);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ items: [], nextCursor: null }));
    });
    elsewhere.listen(0, '127.0.0.1');
    await once(elsewhere, 'listening');
    try {
      const { port } = elsewhere.address() as { port: number };
      const other = await runCli(['ls'], { ...env, LIAISON_URL: `http://127.0.0.1:${port}` });
      expect(other.code).toBe(0);
      expect(seen).toEqual([undefined]);
    } finally {
      elsewhere.close();
    }

    const logout = await runCli(['logout'], env);
    expect(logout.code).toBe(0);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    const after = await runCli(['ls'], env);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('liaison login --url');
  });
});

describe('listing and showing', () => {
  beforeAll(async () => {
    const editor = new LiaisonClient({ url: api.url, token: editorToken });
    for (const identifier of ['OFA-CLI-LIST-1', 'OFA-CLI-LIST-2']) {
      await editor.createDocument({
        organization: 'ofa',
        identifier,
        title: `Listed ${identifier}`,
        status: 'work-in-progress',
        visibility: 'organization',
      });
    }
    await admin.createDocument({
      organization: 'ofa',
      identifier: 'OFA-CLI-STD',
      title: 'A released standard',
      status: 'standard',
      visibility: 'public',
    });
  });

  it('prints a table, or JSON for scripts, of what the token may read', async () => {
    const json = await runCli(['ls', '--json', '--all'], asEditor());
    expect(json.code).toBe(0);
    const documents = JSON.parse(json.stdout) as Array<{
      organization: string;
      identifier: string;
    }>;
    const expected = [];
    for await (const d of new LiaisonClient({ url: api.url, token: editorToken }).documents()) {
      expected.push(`${d.organization}/${d.identifier}`);
    }
    expect(documents.map((d) => `${d.organization}/${d.identifier}`)).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['ofa/OFA-CLI-LIST-1', 'ofa/OFA-CLI-LIST-2']));

    const first = documents[0]!;
    const limited = await runCli(['ls', '--limit', '1'], asEditor());
    expect(limited.code).toBe(0);
    const lines = limited.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^DOCUMENT\s+TITLE\s+STATUS\s+VISIBILITY\s+LATEST\s+UPDATED$/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${first.organization}/${first.identifier}`);
    expect(limited.stderr).toContain('--all');

    const filtered = await runCli(
      [
        'ls',
        '--org',
        'ofa',
        '--status',
        'standard',
        '--visibility',
        'public',
        '-q',
        'released',
        '--json',
      ],
      asEditor(),
    );
    expect(filtered.code).toBe(0);
    expect(JSON.parse(filtered.stdout)).toMatchObject([{ identifier: 'OFA-CLI-STD' }]);

    const shown = await runCli(
      ['show', `${first.organization}/${first.identifier}`, '--json'],
      asEditor(),
    );
    expect(shown.code).toBe(0);
    const document = JSON.parse(shown.stdout) as Document;
    expect(document).toMatchObject({
      organization: first.organization,
      identifier: first.identifier,
    });
    const byId = await runCli(['show', document.id], asEditor());
    expect(byId.code).toBe(0);
    expect(byId.stdout.split('\n')[0]).toBe(
      `${document.organization}/${document.identifier}: ${document.title}`,
    );
  });

  it('exits 2 for what does not exist or may not be seen, and 1 for a refused filter', async () => {
    const missing = await runCli(['show', 'ofa/NO-SUCH-DOCUMENT'], asEditor());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^liaison: No such document \(404 not_found\): [^\n]+\n$/);
    const badFilter = await runCli(['ls', '--status', 'final'], asEditor());
    expect(badFilter.code).toBe(1);
    expect(badFilter.stderr).toMatch(/^liaison: the API refused the request: .*400/);
  });
});

describe('push and pull', () => {
  let bigPath: string;
  let bigSha256: string;
  let document: Document;

  beforeAll(async () => {
    bigPath = join(scratch, 'fabric-spec.bin');
    bigSha256 = await writeRandomFile(bigPath, BIG_BYTES);
  });

  it('pushes a 200 MiB file as a new document and pulls it back with the same SHA-256', async () => {
    const pushed = await runCli(
      [
        'push',
        bigPath,
        '--doc',
        'ofa/OFA-CLI-200',
        '--label',
        '1.0',
        '--create',
        '--title',
        'Fabric specification pushed from CI',
        '--visibility',
        'partners',
        '--register',
        'ofa-dmtf',
      ],
      asEditor(),
    );
    expect(pushed.stderr).toContain('Created ofa/OFA-CLI-200 (partners)');
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toContain(`sha256 ${bigSha256} (matches the local file)`);
    // Not a terminal: occasional plain lines, no carriage returns.
    expect(pushed.stderr).toMatch(/push fabric-spec\.bin: 50% \(100\.0 MiB \/ 200\.0 MiB\)/);
    expect(pushed.stderr).not.toContain('\r');

    const client = new LiaisonClient({ url: api.url, token: editorToken });
    document = await client.getDocumentByRef('ofa/OFA-CLI-200');
    expect(document).toMatchObject({ visibility: 'partners', registers: ['ofa-dmtf'] });
    expect(document.versions).toHaveLength(1);
    expect(document.versions[0]).toMatchObject({
      label: '1.0',
      size: BIG_BYTES,
      sha256: bigSha256,
    });

    const target = join(scratch, 'pulled');
    await mkdir(target);
    const pulled = await runCli(['pull', 'ofa/OFA-CLI-200', '-o', target], asEditor());
    expect(pulled.stderr).not.toContain('Resuming');
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).toContain(`sha256 ${bigSha256} (verified)`);
    // Saved under its download name, like the portal's: <identifier>_<version>.<ext>.
    expect(await readdir(target)).toEqual(['OFA-CLI-200_1.0.bin']);
    expect(await sha256File(join(target, 'OFA-CLI-200_1.0.bin'))).toBe(bigSha256);

    // Pushing again without --create adds a version, with its change note; --json prints it for
    // scripts.
    const small = join(scratch, 'notes.txt');
    await writeFile(small, 'errata\n');
    const second = await runCli(
      [
        'push',
        small,
        '--doc',
        document.id,
        '--label',
        '1.0.1',
        '--note',
        'Errata for 1.0.0\nTable 3 fixed',
        '--json',
      ],
      asEditor(),
    );
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      label: '1.0.1',
      changeNote: 'Errata for 1.0.0\nTable 3 fixed',
      mediaType: 'text/plain',
      size: 7,
    });
    // Without --version, pull takes the newest.
    const newest = await runCli(
      ['pull', document.id, '-o', join(scratch, 'notes.txt.pulled')],
      asEditor(),
    );
    expect(newest.code).toBe(0);
    expect(await readFile(join(scratch, 'notes.txt.pulled'), 'utf8')).toBe('errata\n');
  });

  it('resumes a pull cut off halfway with a Range request, and never leaves a partial file under the final name', async () => {
    const version = document.versions[0]!;
    const final = join(scratch, 'resumed.bin');
    const part = `${final}.part`;
    const args = ['pull', 'ofa/OFA-CLI-200', '--version', '1.0', '-o', final];

    const first = startCli(args, asEditor());
    // Cut it off (SIGKILL: no chance to tidy up) once half the file is on disk.
    for (;;) {
      const size = (await stat(part).catch(() => undefined))?.size ?? 0;
      if (size >= BIG_BYTES / 2 || first.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    first.child.kill('SIGKILL');
    const killed = await first.result;
    expect(killed.code).toBeNull();
    const kept = (await stat(part)).size;
    expect(kept).toBeGreaterThanOrEqual(BIG_BYTES / 2);
    expect(kept).toBeLessThan(BIG_BYTES);
    await expect(stat(final)).rejects.toMatchObject({ code: 'ENOENT' });

    const resumed = await runCli(args, asEditor());
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain('Resuming at');
    expect(await sha256File(final)).toBe(bigSha256);
    await expect(stat(part)).rejects.toMatchObject({ code: 'ENOENT' });

    // The API served only the rest: its audit trail of the (non-public) download has the range.
    const events = await fetch(
      `${api.url}/api/v1/audit?action=version.download&objectId=${version.id}`,
      { headers: { authorization: `Bearer ${admin.token}` } },
    ).then(
      (response) => response.json() as Promise<{ items: Array<{ details: { range?: string } }> }>,
    );
    expect(events.items[0]?.details.range).toBe(`${kept}-${BIG_BYTES - 1}`);

    // A .part file of other bytes is found out by the checksum and downloaded afresh.
    await writeFile(part, Buffer.alloc(1024, 7));
    const mixed = await runCli(args, asEditor());
    expect(mixed.code).toBe(0);
    expect(mixed.stderr).toContain('did not match this version');
    expect(await sha256File(final)).toBe(bigSha256);

    // A .part file longer than the version is not resumed either.
    await writeFile(part, '');
    await truncate(part, BIG_BYTES + 1);
    const tooLong = await runCli(args, asEditor());
    expect(tooLong.code).toBe(0);
    expect(tooLong.stderr).not.toContain('Resuming');
    expect(await sha256File(final)).toBe(bigSha256);
  });

  it('refuses a push without rights with exit 2 and stores nothing', async () => {
    const before = await admin.getDocument(document.id);
    const keysBefore = await objectKeys(document.id);
    expect(keysBefore).toHaveLength(before.versions.length);
    const file = join(scratch, 'not-allowed.bin');
    await writeRandomFile(file, 8 * MiB);

    const member = await runCli(['push', file, '--doc', 'ofa/OFA-CLI-200', '--label', '9.9'], {
      ...asEditor(),
      LIAISON_TOKEN: memberToken,
    });
    expect(member.code).toBe(2);
    // The API answered before the file was sent; the command stopped sending and said why, last
    // (after a progress line or two, or none when the refusal came first).
    expect(member.stderr).toMatch(
      /(^|\n)liaison: .*\(403 forbidden\): you are not allowed[^\n]*\n$/,
    );
    expect(member.stderr).not.toContain('100%');
    expect(member.stdout).toBe('');

    const anonymous = await runCli(['push', file, '--doc', document.id, '--label', '9.9'], {
      LIAISON_URL: api.url,
      XDG_CONFIG_HOME: await freshConfig(),
    });
    expect(anonymous.code).toBe(2);

    // A DMTF editor cannot even see it: not found, and no document is created either.
    const dmtf = await runCli(
      ['push', file, '--doc', 'ofa/OFA-CLI-HIDDEN', '--label', '1', '--create', '--title', 'x'],
      { ...asEditor(), LIAISON_TOKEN: await personalToken('editor@dmtf.example') },
    );
    expect(dmtf.code).toBe(2);
    expect(dmtf.stderr).toContain('403');

    const after = await admin.getDocument(document.id);
    expect(after.versions).toEqual(before.versions);
    expect(await objectKeys(document.id)).toEqual(keysBefore);
    const hidden = await admin
      .getDocumentByRef('ofa/OFA-CLI-HIDDEN')
      .catch((error: unknown) => error);
    expect(hidden).toMatchObject({ status: 404 });
  });
});

describe('submit', () => {
  async function outgoing(token: string): Promise<string[]> {
    const response = await fetch(`${api.url}/api/v1/submissions?box=outgoing`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { items: Array<{ id: string }> };
    return body.items.map((item) => item.id);
  }

  it('submits files to another party once its IPR policy is acknowledged, checking every SHA-256', async () => {
    const first = join(scratch, 'fabric-model.pdf');
    const second = join(scratch, 'fabric-model.json');
    const firstSha256 = await writeRandomFile(first, 3 * MiB);
    const secondSha256 = await writeRandomFile(second, 1000);
    const args = [
      'submit',
      first,
      second,
      '--to',
      'dmtf',
      '--register',
      'ofa-dmtf',
      '--title',
      'Fabric model contribution',
      '--description',
      'Redfish fabric model, contributed from CI',
    ];
    const before = await outgoing(editorToken);

    // Without the acknowledgement: the policy is shown, and nothing is submitted.
    const unacknowledged = await runCli(args, asEditor());
    expect(unacknowledged.code).toBe(1);
    expect(unacknowledged.stdout).toContain('IPR policy of dmtf (SHA-256 ');
    expect(unacknowledged.stdout).toContain('DMTF IPR Policy');
    expect(unacknowledged.stderr).toMatch(/^liaison: .*--accept-ipr[^\n]*\n$/);
    expect(await outgoing(editorToken)).toEqual(before);

    const submitted = await runCli([...args, '--accept-ipr', '--json'], asEditor());
    expect(submitted.stderr).not.toContain('liaison:');
    expect(submitted.code).toBe(0);
    const submission = JSON.parse(submitted.stdout) as {
      id: string;
      state: string;
      to: { slug: string };
      files: Array<{ filename: string; sha256: string; mediaType: string }>;
    };
    expect(submission).toMatchObject({ state: 'submitted', to: { slug: 'dmtf' } });
    expect(submission.files.map((f) => [f.filename, f.sha256, f.mediaType]).sort()).toEqual([
      ['fabric-model.json', secondSha256, 'application/json'],
      ['fabric-model.pdf', firstSha256, 'application/pdf'],
    ]);
    expect(await outgoing(editorToken)).toEqual([submission.id, ...before]);

    // A member may not submit: exit 2, and nothing new among the submissions.
    const member = await runCli([...args, '--accept-ipr'], {
      ...asEditor(),
      LIAISON_TOKEN: memberToken,
    });
    expect(member.code).toBe(2);
    expect(member.stderr).toMatch(/(^|\n)liaison: .*\(403 [a-z_]+\)[^\n]*\n$/);
    expect(await outgoing(editorToken)).toEqual([submission.id, ...before]);
  });
  it('attaches a Liaison document version by its label: the server copies it in', async () => {
    const editor = new LiaisonClient({ url: api.url, token: editorToken });
    const document = await editor.createDocument({
      organization: 'ofa',
      identifier: 'OFA-CLI-ATTACH',
      title: 'Attached from the CLI',
      status: 'work-in-progress',
      visibility: 'organization',
      watermark: false,
    });
    const path = join(scratch, 'attach-source.pdf');
    const sourceSha256 = await writeRandomFile(path, 2000);
    const { version } = await editor.uploadVersion(document.id, { path, label: '2.1' });
    const notes = join(scratch, 'notes.txt');
    const notesSha256 = await writeRandomFile(notes, 100);

    const submitted = await runCli(
      [
        'submit',
        notes,
        '--attach',
        `${document.id}@2.1`,
        '--to',
        'dmtf',
        '--register',
        'ofa-dmtf',
        '--title',
        'With an attached document',
        '--accept-ipr',
        '--json',
      ],
      asEditor(),
    );
    expect(submitted.stderr).not.toContain('liaison:');
    expect(submitted.code).toBe(0);
    const submission = JSON.parse(submitted.stdout) as {
      files: Array<{ sha256: string; copiedFrom: { versionId: string } | null }>;
    };
    expect(submission.files.map((file) => [file.sha256, file.copiedFrom])).toEqual([
      [notesSha256, null],
      [sourceSha256, { documentId: document.id, versionId: version.id }],
    ]);

    const unknown = await runCli(
      [
        'submit',
        '--attach',
        `${document.id}@9.9`,
        '--to',
        'dmtf',
        '--register',
        'ofa-dmtf',
        '--title',
        'No such version',
        '--accept-ipr',
      ],
      asEditor(),
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/OFA-CLI-ATTACH has no version '9\.9'/);
  });
});

describe('what the server sends, on the terminal and on disk', () => {
  let hostile: Document;

  beforeAll(async () => {
    const editor = new LiaisonClient({ url: api.url, token: editorToken });
    hostile = await editor.createDocument({
      organization: 'ofa',
      identifier: 'OFA-CLI-HOSTILE',
      title: 'Plain title for now',
      status: 'work-in-progress',
      visibility: 'organization',
    });
    const file = join(scratch, 'hostile.txt');
    await writeFile(file, 'from the server\n');
    await editor.uploadVersion(hostile.id, { label: '1', path: file });
    // Straight into the database: whatever the API accepts today, what is stored is printed.
    await api.pool.query('update documents set title = $1 where id = $2', [
      '\u001b[31mred\u001b]0;owned\u0007 title\u009b2J\u0007\u007f\r',
      hostile.id,
    ]);
    await api.pool.query('update document_versions set filename = $1 where document_id = $2', [
      '../../.bashrc',
      hostile.id,
    ]);
  });

  it('lists and shows titles without escape sequences or control characters', async () => {
    const listed = await runCli(['ls', '--org', 'ofa', '-q', 'title'], asEditor());
    expect(listed.code).toBe(0);
    const line = listed.stdout.split('\n').find((row) => row.startsWith('ofa/OFA-CLI-HOSTILE'));
    expect(line).toMatch(/ red title\s+work-in-progress/);
    const shown = await runCli(['show', 'ofa/OFA-CLI-HOSTILE'], asEditor());
    expect(shown.code).toBe(0);
    expect(shown.stdout.split('\n')[0]).toBe('ofa/OFA-CLI-HOSTILE: red title');
    const json = await runCli(['show', 'ofa/OFA-CLI-HOSTILE', '--json'], asEditor());
    expect(JSON.parse(json.stdout).title).toContain('red');
    for (const output of [listed, shown, json]) {
      expect(output.stdout + output.stderr).not.toMatch(
        // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
        /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/,
      );
    }
  });

  it('pulls under a plain download name here, and never over an existing file unless --force', async () => {
    // The stored name's extension only: no directories, not a dot-file.
    const SAVED = 'OFA-CLI-HOSTILE_1.bashrc';
    const here = await mkdtemp(join(scratch, 'pull-here-'));
    const first = await runCli(['pull', 'ofa/OFA-CLI-HOSTILE'], asEditor(), { cwd: here });
    expect(first.stderr).not.toContain('liaison:');
    expect(first.code).toBe(0);
    expect(await readdir(here)).toEqual([SAVED]);
    expect(await readFile(join(here, SAVED), 'utf8')).toBe('from the server\n');
    await expect(stat(join(here, '..', '..', '.bashrc'))).rejects.toMatchObject({ code: 'ENOENT' });

    await writeFile(join(here, SAVED), 'my own file\n');
    const again = await runCli(['pull', 'ofa/OFA-CLI-HOSTILE'], asEditor(), { cwd: here });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /^liaison: OFA-CLI-HOSTILE_1\.bashrc already exists; pass --force to overwrite it/,
    );
    expect(await readFile(join(here, SAVED), 'utf8')).toBe('my own file\n');
    expect(await readdir(here)).toEqual([SAVED]);

    const forced = await runCli(['pull', 'ofa/OFA-CLI-HOSTILE', '--force'], asEditor(), {
      cwd: here,
    });
    expect(forced.code).toBe(0);
    expect(await readFile(join(here, SAVED), 'utf8')).toBe('from the server\n');
    expect(await readdir(here)).toEqual([SAVED]);
  });
});

describe('unreachable or failing API', () => {
  it('exits 3 for a wrong URL, and saves no login', async () => {
    const config = await freshConfig();
    const url = `http://127.0.0.1:${await closedPort()}`;
    const listed = await runCli(['ls'], { LIAISON_URL: url, XDG_CONFIG_HOME: config });
    expect(listed.code).toBe(3);
    expect(listed.stderr).toMatch(
      new RegExp(`^liaison: cannot reach the API at ${url} \\(ECONNREFUSED\\): [^\\n]+\\n$`),
    );

    const login = await runCli(['login', '--url', url, '--token', editorToken], {
      XDG_CONFIG_HOME: config,
    });
    expect(login.code).toBe(3);
    await expect(stat(join(config, 'liaison', 'config.json'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('exits 3 when the API answers with a server error', async () => {
    const failing = createHttpServer((_request, response) => {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: { code: 'dependency_unavailable', message: 'The database is not reachable' },
        }),
      );
    });
    failing.listen(0, '127.0.0.1');
    await once(failing, 'listening');
    try {
      const { port } = failing.address() as { port: number };
      const result = await runCli(['show', 'ofa/X'], {
        LIAISON_URL: `http://127.0.0.1:${port}`,
        XDG_CONFIG_HOME: await freshConfig(),
      });
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('The database is not reachable (503 dependency_unavailable)');
    } finally {
      failing.close();
    }
  });
});
