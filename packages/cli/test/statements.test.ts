// `liaison statements`: the built command against the real API (embedded PostgreSQL and S3).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliTestBench } from './cli-people.js';
import { expectUsageError, runCli, writeRandomFile } from './run-cli.js';

const PEOPLE = [
  'editor@ofa.example',
  'admin@ofa.example',
  'admin@dmtf.example',
  'member@snia.example',
];

/** Every statement OFA's editors and admins can see: its drafts and what it sent or received. */
async function ofaStatements(): Promise<string[]> {
  const ids: string[] = [];
  for await (const statement of bench.people.client('admin@ofa.example').statements())
    ids.push(statement.id);
  return ids.sort();
}

/** The UTC date `days` from today, as the API counts deadlines. */
const utcDay = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const deadline = () => utcDay(10);

/** `liaison statements send` under the OFA/DMTF register to the DMTF, with these options too. */
const sendToDmtf = (...options: string[]) => [
  'statements',
  'send',
  '--register',
  'ofa-dmtf',
  '--to',
  'dmtf',
  ...options,
];

const bench = useCliTestBench('liaison-cli-statements-', PEOPLE);

describe('liaison statements', () => {
  it('exits 1 with one line for a wrong command line, and helps', async () => {
    const env = { XDG_CONFIG_HOME: join(bench.scratch, 'none') };
    for (const args of [
      ['statements'],
      ['statements', 'frobnicate'],
      ['statements', 'ls', '--bogus'],
      ['statements', 'ls', '--limit', '0'],
      ['statements', 'show'],
      ['statements', 'send', '--to', 'dmtf', '--purpose', 'information', '--title', 'x'],
      ['statements', 'send', '--register', 'ofa-dmtf', '--purpose', 'information', '--title', 'x'],
    ]) {
      await expectUsageError(args, env);
    }
    expect((await runCli(['statements'], env)).stderr).toContain(
      'name what to do: ls, show or send',
    );
    // A name every object has is no subcommand either.
    const inherited = await runCli(['statements', 'constructor'], env);
    expect(inherited.code).toBe(1);
    expect(inherited.stderr).toContain('unknown subcommand constructor');
    const help = await runCli(['statements', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: liaison statements ls/);
    expect((await runCli(['--help'], env)).stdout).toContain('statements ls|show|send');
  });

  it('an editor’s statement stays a draft with its attachments until an admin sends it', async () => {
    const body = join(bench.scratch, 'body.md');
    await writeFile(body, '# Comments requested\n\nPlease review the **fabric model**.\n');
    const pdf = join(bench.scratch, 'fabric-model.pdf');
    const json = join(bench.scratch, 'fabric-model.json');
    const pdfSha256 = await writeRandomFile(pdf, 2 * 1024 * 1024);
    const jsonSha256 = await writeRandomFile(json, 500);

    const drafted = await runCli(
      sendToDmtf(
        '--purpose',
        'comment',
        '--deadline',
        deadline(),
        '--title',
        'Fabric model for comment',
        '--body-file',
        body,
        '--attach',
        pdf,
        '--attach',
        json,
        '--reference',
        'OFA-LS-CLI-1',
      ),
      bench.people.env('editor@ofa.example'),
    );
    expect(drafted.code).toBe(0);
    expect(drafted.stdout).toMatch(
      /^Draft [0-9a-f-]{36} saved: .*awaits approval: an admin of ofa sends it\.\n$/,
    );
    expect(drafted.stderr).toContain('attach 2 file(s)');
    const draftId = /^Draft ([0-9a-f-]{36})/.exec(drafted.stdout)![1]!;
    const draft = await bench.people.client('admin@ofa.example').getStatement(draftId);
    expect(draft).toMatchObject({
      state: 'draft',
      purpose: 'comment',
      deadline: deadline(),
      senderReference: 'OFA-LS-CLI-1',
      permissions: { send: true },
    });
    expect(draft.body).toContain('Please review the **fabric model**.');
    expect(draft.attachments.map((a) => [a.filename, a.sha256]).sort()).toEqual([
      ['fabric-model.json', jsonSha256],
      ['fabric-model.pdf', pdfSha256],
    ]);

    // The admin finds it among the drafts awaiting approval, and sends it.
    const awaiting = await runCli(
      ['statements', 'ls', '--box', 'awaiting-approval', '--json'],
      bench.people.env('admin@ofa.example'),
    );
    expect(awaiting.code).toBe(0);
    expect((JSON.parse(awaiting.stdout) as Array<{ id: string }>).map((s) => s.id)).toContain(
      draftId,
    );
    await bench.people.client('admin@ofa.example').sendStatement(draftId);

    // The receiver owes an answer: listed with the days left, shown with its text and files.
    const owed = await runCli(
      ['statements', 'ls', '--owed'],
      bench.people.env('admin@dmtf.example'),
    );
    expect(owed.code).toBe(0);
    const row = owed.stdout.split('\n').find((line) => line.startsWith(draftId));
    expect(row).toMatch(
      /ofa -> dmtf\s+comment\s+owed\s+\S+ \(10 days left\)\s+Fabric model for comment$/,
    );
    const shown = await runCli(
      ['statements', 'show', draftId],
      bench.people.env('admin@dmtf.example'),
    );
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Fabric model for comment');
    expect(shown.stdout).toContain('Please review the **fabric model**.');
    expect(shown.stdout).toContain(pdfSha256);
    expect(shown.stdout).toMatch(/you may\s+markAnswered, reply/);

    // A third party of the register's partner cannot see it: 404, exit 2.
    const stranger = await runCli(
      ['statements', 'show', draftId],
      bench.people.env('member@snia.example'),
    );
    expect(stranger.code).toBe(2);
    expect(stranger.stderr).toMatch(/\(404 [a-z_]+\)/);
  });

  it('an admin’s statement is sent at once', async () => {
    const sent = await runCli(
      sendToDmtf(
        '--purpose',
        'information',
        '--title',
        'Plugfest dates',
        '--visibility',
        'public',
        '--json',
      ),
      bench.people.env('admin@ofa.example'),
    );
    expect(sent.code).toBe(0);
    const statement = JSON.parse(sent.stdout) as { id: string; state: string; visibility: string };
    expect(statement).toMatchObject({ state: 'sent', visibility: 'public' });
    const listed = await runCli(
      ['statements', 'ls', '--register', 'ofa-dmtf'],
      bench.people.env('member@snia.example'),
    );
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(statement.id);
  });

  it('refuses bad input with nothing created, and what the token may not do with exit 2', async () => {
    const before = await ofaStatements();
    const past = await runCli(
      sendToDmtf('--purpose', 'action', '--deadline', utcDay(-1), '--title', 'Too late'),
      bench.people.env('admin@ofa.example'),
    );
    expect(past.code).toBe(1);
    expect(past.stderr).toMatch(/^liaison: .*\(422 deadline_passed\)\n$/);

    const missingFile = await runCli(
      sendToDmtf(
        '--purpose',
        'information',
        '--title',
        'With a missing file',
        '--attach',
        join(bench.scratch, 'no-such-file.pdf'),
      ),
      bench.people.env('admin@ofa.example'),
    );
    expect(missingFile.code).toBe(1);

    const snia = await runCli(
      sendToDmtf('--purpose', 'information', '--title', 'Not a party'),
      bench.people.env('member@snia.example'),
    );
    expect(snia.code).toBe(2);
    expect(await ofaStatements()).toEqual(before);
  });

  it('lists and shows server text without escape sequences', async () => {
    const hostile = await bench.people.client('admin@ofa.example').createStatement({
      register: 'ofa-dmtf',
      to: ['dmtf'],
      title: 'Plain title for now',
      purpose: 'information',
    });
    // Straight into the database: whatever the API accepts today, what is stored is printed.
    await bench.api.pool.query('update statements set title = $1, body = $2 where id = $3', [
      '\u001b[31mred\u001b]0;owned\u0007 title\u009b2J\u007f',
      'Text \u001b[2J with a clear-screen',
      hostile.id,
    ]);
    for (const args of [
      ['statements', 'ls', '--state', 'draft'],
      ['statements', 'show', hostile.id],
    ]) {
      const result = await runCli(args, bench.people.env('admin@ofa.example'));
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toContain(hostile.id);
      expect(result.stdout).toContain('red title');
      expect(result.stdout + result.stderr).not.toMatch(
        // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
        /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/,
      );
    }
  });
});
