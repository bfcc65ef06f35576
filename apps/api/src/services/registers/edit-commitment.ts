import type { CommitmentChange, RegisterCommitment } from '@liaison/core';
import { lockCommitment, type Pool, updateCommitment, withTransaction } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireLinkableDocument } from './commitment-document.js';
import { commitmentProblems } from './item-rules.js';
import {
  auditRegisterEdit,
  notFoundItem,
  openRegisterForEdit,
  rejectProblems,
} from './register-edits.js';
import { resolveCommitment } from './register-view.js';

/** Changes a documentation commitment, e.g. links the document once it exists. */
export async function editCommitment(
  pool: Pool,
  context: RequestContext,
  slug: string,
  id: string,
  change: CommitmentChange,
): Promise<RegisterCommitment> {
  return withTransaction(pool, async (client) => {
    const edit = await openRegisterForEdit(client, context, slug);
    const before = (await lockCommitment(client, edit.record.id, id)) ?? notFoundItem('commitment');
    const { document: changedDocument, ...fields } = change;
    const after = { ...before, ...fields };
    const document =
      changedDocument !== undefined
        ? changedDocument
        : before.documentIdentifier === null
          ? null
          : { organization: before.from, identifier: before.documentIdentifier };
    rejectProblems(commitmentProblems({ ...after, document }, edit.subject.parties));
    if (changedDocument !== undefined) {
      await requireLinkableDocument(client, context.actor, changedDocument);
    }
    const saved = await updateCommitment(client, {
      ...after,
      documentIdentifier: document?.identifier ?? null,
    });
    await auditRegisterEdit(client, context, edit, 'register.commitment.edit', {
      commitmentId: id,
      from: before,
      to: saved,
    });
    return resolveCommitment(client, context.actor, saved);
  });
}
