// `liaison comments export`: the built command against the real API (embedded PostgreSQL and S3),
// on the demo call for comments on dmtf/DSP-WIP-FABRIC 0.9a.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolutionLog } from '@liaison/client';
import { describe, expect, it } from 'vitest';
import { seedDemoDocuments } from '../../../apps/api/src/services/demo/seed-demo-documents.js';
import { seedDemoReview } from '../../../apps/api/src/services/demo/seed-demo-review.js';
import { useCliTestBench } from './cli-people.js';
import { expectUsageError, runCli } from './run-cli.js';

const PEOPLE = [
  'editor@dmtf.example',
  'member@dmtf.example',
  'member@ofa.example',
  'member@snia.example',
];
const DOCUMENT = 'dmtf/DSP-WIP-FABRIC';

const bench = useCliTestBench('liaison-cli-comments-', PEOPLE, async (api) => {
  await seedDemoDocuments(api);
  await seedDemoReview(api.pool);
});

describe('liaison comments export', () => {
  it('exits 1 with one line for a wrong command line, and helps', async () => {
    const env = { XDG_CONFIG_HOME: join(bench.scratch, 'none') };
    for (const args of [
      ['comments'],
      ['comments', 'frobnicate'],
      ['comments', 'export', '--format', 'csv'],
      ['comments', 'export', 'not a ref', '--format', 'csv'],
      ['comments', 'export', DOCUMENT],
      ['comments', 'export', DOCUMENT, '--format', 'xml'],
    ]) {
      await expectUsageError(args, env);
    }
    const help = await runCli(['comments', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: liaison comments export/);
  });

  it('gives the owner’s editor the open review’s log as CSV, and as JSON in a file', async () => {
    const csv = await runCli(
      ['comments', 'export', DOCUMENT, '--format', 'csv'],
      bench.people.env('editor@dmtf.example'),
    );
    expect(csv.stderr).toBe('');
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('accepted-with-changes');
    expect(csv.stdout).toContain('EndpointGroups');
    expect(csv.stdout).toContain('Table 12');

    const output = join(bench.scratch, 'log.json');
    const json = await runCli(
      ['comments', 'export', DOCUMENT, '--format', 'json', '-o', output],
      bench.people.env('editor@dmtf.example'),
    );
    expect(json.code).toBe(0);
    const log = JSON.parse(await readFile(output, 'utf8')) as ResolutionLog;
    expect(log.review.title).toBe('Call for comments on Redfish Fabric Extensions 0.9a');
    expect(log.counts).toMatchObject({ total: 2, resolved: 1 });
    expect(log.comments.map((comment) => comment.author)).toEqual([
      'member@ofa.example',
      'editor@ofa.example',
    ]);

    // An existing file is kept unless --force.
    await writeFile(output, 'keep me');
    const refused = await runCli(
      ['comments', 'export', DOCUMENT, '--format', 'json', '-o', output],
      bench.people.env('editor@dmtf.example'),
    );
    expect(refused.code).toBe(1);
    expect(await readFile(output, 'utf8')).toBe('keep me');

    // --review names the same review explicitly.
    const explicit = await runCli(
      ['comments', 'export', DOCUMENT, '--review', log.review.id, '--format', 'csv'],
      bench.people.env('editor@dmtf.example'),
    );
    expect(explicit.stdout).toBe(csv.stdout);
  });

  it('answers not found (exit 2) to a commenter before publication and to a non-reader', async () => {
    const commenter = await runCli(
      ['comments', 'export', DOCUMENT, '--format', 'csv'],
      bench.people.env('member@ofa.example'),
    );
    expect(commenter.code).toBe(2);
    expect(commenter.stdout).toBe('');
    const outsider = await runCli(
      ['comments', 'export', DOCUMENT, '--format', 'json'],
      bench.people.env('member@snia.example'),
    );
    expect(outsider.code).toBe(2);
    expect(outsider.stdout).toBe('');
  });

  // The owner's plain members read no comment until the log is published; then they read every
  // comment without its author (the commenters' own organization still reads its authors).
  it('gives a reader the published log, attributed to organizations, never to people', async () => {
    const editor = bench.people.client('editor@dmtf.example');
    const document = await editor.getDocumentByRef(DOCUMENT);
    const [review] = (await editor.listDocumentReviews(document.id)).items;
    await editor.publishResolutionLog(review!.id);

    const result = await runCli(
      ['comments', 'export', DOCUMENT, '--format', 'json'],
      bench.people.env('member@dmtf.example'),
    );
    expect(result.code).toBe(0);
    const log = JSON.parse(result.stdout) as ResolutionLog;
    expect(log.comments).toHaveLength(2);
    expect(log.comments.map((comment) => comment.organization?.name)).toEqual([
      'OpenFabrics Alliance',
      'OpenFabrics Alliance',
    ]);
    expect(result.stdout).not.toContain('@ofa.example');
    expect(result.stdout).not.toContain('OFA Member');
  });
});
