import { isReleased } from '@liaison/core';
import {
  type DocumentRecord,
  documentReleaseRecipients,
  enqueueMail,
  type Queryable,
} from '@liaison/db';

/**
 * In the transaction that changed the document: when the change released it (made it public while
 * informational or standard, as the release feeds count it) and it is shared under a register,
 * tells the members of the registers' parties who opted in. Returns how many mails were queued.
 */
export async function enqueueDocumentReleaseMail(
  client: Queryable,
  before: Pick<DocumentRecord, 'visibility' | 'status'>,
  after: DocumentRecord,
): Promise<number> {
  if (isReleased(before) || !isReleased(after) || after.registers.length === 0) return 0;
  const recipients = await documentReleaseRecipients(client, after.id);
  return enqueueMail(client, {
    kind: 'document.released',
    recipients,
    subject: `Released to the public: ${after.identifier} ${after.title}`,
    text: [
      `${after.organization.toUpperCase()} released "${after.title}" (${after.identifier}, ${after.status}) to the public.`,
      `It is shared under the work register${after.registers.length > 1 ? 's' : ''} ${after.registers.join(', ')}.`,
      '',
      'You asked to be told about such releases; change that in your notification settings in Liaison.',
    ].join('\n'),
    linkPath: `/documents/${after.id}`,
  });
}
