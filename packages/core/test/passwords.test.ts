import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../src/server.js';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('liaison-demo');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('liaison-demo', hash)).toBe(true);
    expect(await verifyPassword('liaison-demo ', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash, so equal passwords hash differently', async () => {
    const [first, second] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(first).not.toBe(second);
  });

  it('treats canonically equivalent Unicode spellings as the same password', async () => {
    const composed = 'Ren\u00e9e';
    const decomposed = 'Rene\u0301e';
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it.each(['', 'plain-text', 'bcrypt$2b$10$abc', 'scrypt$1$2$3'])(
    'refuses a stored value that is not one of its hashes: %j',
    async (stored) => {
      expect(await verifyPassword('anything', stored)).toBe(false);
    },
  );
});
