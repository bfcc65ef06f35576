import type { CommitmentInput, RegisterCommitment } from '@liaison/core';
import { insertCommitment, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireLinkableDocument } from './commitment-document.js';
import { commitmentProblems } from './item-rules.js';
import {
  recordItemAdded,
  rejectProblems,
  requirePartyItem,
  withRegisterEdit,
} from './register-edits.js';
import { resolveCommitment } from './register-view.js';

/**
 * Adds a documentation commitment: which party makes which document available to which; an admin
 * of the party that makes it available only.
 */
export async function addCommitment(
  pool: Pool,
  context: RequestContext,
  slug: string,
  input: CommitmentInput,
): Promise<RegisterCommitment> {
  return withRegisterEdit(pool, context, slug, async (client, opened) => {
    const document = input.document ?? null;
    const commitment = {
      from: input.from,
      to: input.to,
      title: input.title,
      note: input.note ?? '',
      document,
      open: input.open ?? false,
    };
    rejectProblems(commitmentProblems(commitment, opened.subject.parties));
    const edit = requirePartyItem(context, opened, commitment.from);
    await requireLinkableDocument(client, context.actor, document);
    const added = await insertCommitment(client, edit.record.id, {
      ...commitment,
      documentIdentifier: document?.identifier ?? null,
    });
    await recordItemAdded(client, context, edit, 'commitment', added);
    return resolveCommitment(client, context.actor, added);
  });
}
