import type { CommitmentChange, RegisterCommitment } from '@liaison/core';
import { lockCommitment, type Pool, updateCommitment } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireLinkableDocument } from './commitment-document.js';
import { commitmentProblems } from './item-rules.js';
import {
  notFoundItem,
  recordItemEdited,
  rejectProblems,
  requirePartyItem,
  withRegisterEdit,
} from './register-edits.js';
import { resolveCommitment } from './register-view.js';

/**
 * Changes a documentation commitment, e.g. links the document once it exists; admins of the party
 * that makes it available only.
 */
export async function editCommitment(
  pool: Pool,
  context: RequestContext,
  slug: string,
  id: string,
  change: CommitmentChange,
): Promise<RegisterCommitment> {
  return withRegisterEdit(pool, context, slug, async (client, opened) => {
    const before =
      (await lockCommitment(client, opened.record.id, id)) ?? notFoundItem('commitment');
    const edit = requirePartyItem(context, opened, before.from);
    const { document: changedDocument, ...fields } = change;
    const after = { ...before, ...fields };
    const document =
      changedDocument !== undefined
        ? changedDocument
        : before.documentIdentifier === null
          ? null
          : { organization: before.from, identifier: before.documentIdentifier };
    rejectProblems(commitmentProblems({ ...after, document }, edit.subject.parties));
    requirePartyItem(context, edit, after.from);
    if (changedDocument !== undefined) {
      await requireLinkableDocument(client, context.actor, changedDocument);
    }
    const saved = await updateCommitment(client, {
      ...after,
      documentIdentifier: document?.identifier ?? null,
    });
    await recordItemEdited(client, context, edit, 'commitment', { before, after: saved });
    return resolveCommitment(client, context.actor, saved);
  });
}
