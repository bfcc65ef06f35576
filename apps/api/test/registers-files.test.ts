/**
 * A register as a structured file: the export endpoint, the published schema, and the import
 * (`npm run register:import`) that applies a good file whole and rejects a bad one with the path of
 * every problem, changing nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RegisterPage, WorkRegisterFile } from '@liaison/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { importRegister } from '../src/services/registers/import-register.js';
import {
  checkRegisterFile,
  parseRegisterFile,
  RegisterFileError,
} from '../src/services/registers/register-file.js';
import { ANONYMOUS, expectUnchanged, registerState, useRegistersApi } from './registers-state.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const registers = useRegistersApi();
const { as } = registers;
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'register-files-'));
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function exported(slug: string, actor = ANONYMOUS): Promise<WorkRegisterFile> {
  const response = await as(actor).fetch(`/api/v1/registers/${slug}/export`);
  expect(response.status).toBe(200);
  return (await response.json()) as WorkRegisterFile;
}

/** Checks and imports a file's text the way the CLI does; the problems, when it is rejected. */
async function importText(text: string, name: string): Promise<Error | { created: boolean }> {
  try {
    return await importRegister(
      registers.api.pool,
      checkRegisterFile(parseRegisterFile(text, name)),
      name,
    );
  } catch (error) {
    if (error instanceof RegisterFileError) return error;
    throw error;
  }
}

describe('export', () => {
  it('answers the register as an attachment that matches the published schema', async () => {
    const response = await as(ANONYMOUS).fetch('/api/v1/registers/ofa-dmtf/export');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="ofa-dmtf.work-register.json"',
    );
    const file = (await response.json()) as WorkRegisterFile;
    expect(checkRegisterFile(file)).toEqual(file);
    expect(file.milestones).toHaveLength(3);
    expect(file.commitments[0]!.document).toEqual({
      organization: 'dmtf',
      identifier: 'DSP-WIP-FABRIC',
    });
  });

  it('publishes the schema, equal to the checked-in copy', async () => {
    const response = await as(ANONYMOUS).fetch('/api/v1/schemas/work-register.json');
    expect(response.status).toBe(200);
    const published = await response.json();
    const checkedIn = JSON.parse(
      await readFile(join(repoRoot, 'packages/core/schemas/work-register.json'), 'utf8'),
    );
    expect(published).toEqual(checkedIn);
    expect(published).toMatchObject({ title: 'WorkRegister', additionalProperties: false });
  });
});

describe('import', () => {
  it('creates a register from an exported one, and reproduces it (JSON and YAML)', async () => {
    const original = await exported('ofa-dmtf');
    const copy = { ...original, slug: 'ofa-dmtf-copy', state: 'draft' as const };
    expect(await importText(JSON.stringify(copy), 'copy.json')).toEqual({ created: true });
    expect(await exported('ofa-dmtf-copy', 'member@ofa.example')).toEqual(copy);
    // The page reads it like the seeded one: same open items, overdue review, delivered commitment.
    const page = await as('member@ofa.example').json<RegisterPage>(
      'GET',
      '/api/v1/registers/ofa-dmtf-copy',
    );
    const seeded = await as('member@ofa.example').json<RegisterPage>(
      'GET',
      '/api/v1/registers/ofa-dmtf',
    );
    expect(page.body.openItems.map((item) => item.description)).toEqual(
      seeded.body.openItems.map((item) => item.description),
    );
    expect(page.body).toMatchObject({ reviewOverdue: true, state: 'draft' });
    expect(page.body.commitments[0]).toMatchObject({ delivery: 'delivered' });
    // A draft: the parties see it, nobody else.
    expect((await as(ANONYMOUS).fetch('/api/v1/registers/ofa-dmtf-copy')).status).toBe(404);

    const yamlCopy = { ...copy, slug: 'ofa-dmtf-yaml' };
    expect(await importText(toYaml(yamlCopy), 'copy.yaml')).toEqual({ created: true });
    expect(await exported('ofa-dmtf-yaml', 'member@ofa.example')).toEqual(yamlCopy);
  });

  it('replaces a register by slug with exactly what the file says, audited', async () => {
    const original = await exported('ofa-dmtf');
    const added = await as('admin@ofa.example').json(
      'POST',
      '/api/v1/registers/ofa-dmtf/milestones',
      {
        deliverable: 'Something to be replaced',
        timeframe: '2030',
      },
    );
    expect(added.status).toBe(201);
    expect(await exported('ofa-dmtf')).not.toEqual(original);

    expect(await importText(JSON.stringify(original), 'ofa-dmtf.json')).toEqual({ created: false });
    expect(await exported('ofa-dmtf')).toEqual(original);
    const audit = await as('operator@liaison.example').json<{
      items: { action: string; details: Record<string, unknown> }[];
    }>('GET', '/api/v1/audit?objectId=ofa-dmtf&limit=1');
    expect(audit.body.items[0]).toMatchObject({
      action: 'register.import.replace',
      details: { source: 'ofa-dmtf.json' },
    });
  });

  it('rejects a bad file with the path of every problem, schema and reference alike, and changes nothing', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test breaks the file's types on purpose
    const file = structuredClone(await exported('ofa-dmtf')) as unknown as Record<string, any>;
    file.version = 10; // schema: wrong type
    file.state = 'final'; // schema: not a state
    file.colour = 'blue'; // schema: unknown field
    delete file.summary; // schema: missing
    file.milestones[0].doneOn = '2018-10-31'; // rule: a date done on a planned milestone
    file.milestones[1].timeframe = 7; // schema: wrong type
    file.contacts[1].party = 'snia'; // reference: not a party of the register
    file.commitments[0].document = { organization: 'dmtf', identifier: 'DSP-NO-SUCH' }; // reference (database)
    file.parties.push({ organization: 'no-such-org', description: '' }); // reference (database)
    file.slug = 'ofa-dmtf';

    const schemaAndRules = await expectUnchanged(registers.api.pool, () =>
      importText(JSON.stringify(file), 'bad.json'),
    );
    expect(schemaAndRules).toBeInstanceOf(RegisterFileError);
    expect(
      (schemaAndRules as RegisterFileError).problems.map((problem) => problem.path).sort(),
    ).toEqual(
      [
        '/colour',
        '/contacts/1/party',
        '/milestones/0/doneOn',
        '/milestones/1/timeframe',
        '/state',
        '/summary',
        '/version',
      ].sort(),
    );
    expect((schemaAndRules as Error).message).toContain(
      '/state: must be one of "draft", "approved"',
    );

    // With the file's own problems fixed, the database finds the rest, still all at once.
    file.version = '1.0c';
    file.state = 'approved';
    delete file.colour;
    file.summary = 'Fixed';
    file.milestones[0].doneOn = null;
    file.milestones[1].timeframe = 'Oct 2018';
    file.contacts[1].party = 'dmtf';
    const references = await expectUnchanged(registers.api.pool, () =>
      importText(JSON.stringify(file), 'bad.json'),
    );
    expect((references as RegisterFileError).problems.map((problem) => problem.path)).toEqual([
      '/parties/2/organization',
      '/commitments/0/document',
    ]);
  });

  it('rejects a file that is not JSON or YAML at all, changing nothing', async () => {
    const before = await registerState(registers.api.pool);
    const answer = await importText('{"slug": "x",', 'broken.json');
    expect((answer as RegisterFileError).problems).toEqual([
      { path: '', message: expect.stringContaining('not valid JSON') },
    ]);
    expect(await registerState(registers.api.pool)).toEqual(before);
  });
});

describe('npm run register:import', () => {
  function runImport(
    file: string,
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(
      process.execPath,
      ['--conditions=liaison-source', '--import', 'tsx', 'apps/api/src/import-register.ts', file],
      { cwd: repoRoot, env: { ...process.env, DATABASE_URL: registers.api.config.databaseUrl } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    return new Promise((resolve) =>
      child.once('exit', (code) => resolve({ code, stdout, stderr })),
    );
  }

  it('imports a good YAML file, and rejects a bad one printing every path with a non-zero exit', async () => {
    const register = {
      ...(await exported('ofa-dmtf')),
      slug: 'ofa-dmtf-cli',
      state: 'draft' as const,
    };
    const good = join(scratch, 'ofa-dmtf-cli.yaml');
    await writeFile(good, toYaml(register));
    const imported = await runImport(good);
    expect({ code: imported.code, stderr: imported.stderr }).toEqual({ code: 0, stderr: '' });
    expect(imported.stdout).toContain("created work register 'ofa-dmtf-cli'");
    expect(await exported('ofa-dmtf-cli', 'member@dmtf.example')).toEqual(register);

    const bad = join(scratch, 'bad.yaml');
    await writeFile(
      bad,
      toYaml({ ...register, state: 'final', milestones: [{ deliverable: 'X' }] }),
    );
    const rejected = await expectUnchanged(registers.api.pool, () => runImport(bad));
    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toContain('nothing changed');
    for (const path of ['/state', '/milestones/0/timeframe', '/milestones/0/state']) {
      expect(rejected.stderr).toContain(`  ${path}: `);
    }
  });
});
