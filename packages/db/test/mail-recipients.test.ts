/**
 * Disabled accounts get no mail: the address queries the notifications are built on leave out a
 * person once their account is disabled, and keep everyone else.
 */
import { describe, expect, it } from 'vitest';
import {
  documentReleaseRecipients,
  findUserByEmail,
  insertDocument,
  organizationWriterAddresses,
  replaceDocumentRegisters,
  setNotificationPreferences,
} from '../src/index.js';
import { useScratchDatabase } from './scratch-database.js';

const db = useScratchDatabase({ state: 'seeded' });

async function disable(email: string): Promise<void> {
  await db.pool.query('update users set disabled_at = now() where email = $1', [email]);
}

describe('mail recipients', () => {
  it('leave a disabled editor out of the organization’s writers', async () => {
    expect(await organizationWriterAddresses(db.pool, 'ofa')).toEqual([
      'admin@ofa.example',
      'editor@ofa.example',
    ]);
    await disable('editor@ofa.example');
    expect(await organizationWriterAddresses(db.pool, 'ofa')).toEqual(['admin@ofa.example']);
  });

  it('leave a disabled member who opted in out of a release’s recipients', async () => {
    for (const email of ['member@ofa.example', 'member@dmtf.example']) {
      const user = (await findUserByEmail(db.pool, email))!;
      await setNotificationPreferences(db.pool, user.id, { documentReleases: true });
    }
    // A DMTF draft shared under the OFA/DMTF register: both parties' members hear of its release.
    const document = (await insertDocument(db.pool, {
      organization: 'dmtf',
      identifier: 'FABRIC-DRAFT',
      title: 'Fabric draft',
      abstract: '',
      status: 'work-in-progress',
      visibility: 'partners',
      createdBy: null,
    }))!;
    await replaceDocumentRegisters(db.pool, document, ['ofa-dmtf']);
    expect(await documentReleaseRecipients(db.pool, document)).toEqual([
      'member@dmtf.example',
      'member@ofa.example',
    ]);
    await disable('member@ofa.example');
    expect(await documentReleaseRecipients(db.pool, document)).toEqual(['member@dmtf.example']);
  });
});
