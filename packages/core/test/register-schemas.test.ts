import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { workRegisterJsonSchema } from '../src/register-schemas.js';

const CHECKED_IN = new URL('../schemas/work-register.json', import.meta.url);

describe('the published work register schema', () => {
  // After changing WorkRegisterFileSchema, refresh the copy (then format it with biome) with:
  //   UPDATE_SCHEMAS=1 npx vitest run test/register-schemas.test.ts   (in packages/core)
  it('is checked in as schemas/work-register.json, equal to the TypeBox schema', async () => {
    const generated = workRegisterJsonSchema();
    if (process.env.UPDATE_SCHEMAS === '1') {
      await writeFile(CHECKED_IN, `${JSON.stringify(generated, null, 2)}\n`);
    }
    expect(JSON.parse(await readFile(CHECKED_IN, 'utf8'))).toEqual(generated);
  });
});
