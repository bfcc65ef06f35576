import { randomUUID } from 'node:crypto';
import { addDays, utcDate } from '@liaison/core';
import {
  demoReview,
  findDocumentId,
  findUserByEmail,
  insertComment,
  insertReview,
  listVersions,
  lockDocument,
  type Pool,
  takeCommentNumber,
  upsertDisposition,
  withTransaction,
} from '@liaison/db';

/**
 * The demo call for comments on the DMTF fabric work in progress, with the OFA's comments and one
 * disposition. Once: a document that already has a review (this one, or the owner's own) is left as
 * it is, so the closing date stays 30 days after the first load. Returns whether it was added.
 */
export async function seedDemoReview(pool: Pool): Promise<boolean> {
  const documentId = await findDocumentId(pool, demoReview.organization, demoReview.identifier);
  if (!documentId) return false;
  return withTransaction(pool, async (client) => {
    await lockDocument(client, documentId);
    const existing = await client.query('select 1 from reviews where document_id = $1', [
      documentId,
    ]);
    if (existing.rowCount !== 0) return false;
    const version = (await listVersions(client, documentId)).find(
      (candidate) => candidate.label === demoReview.version,
    );
    const opener = await findUserByEmail(client, demoReview.openedBy);
    if (!version || !opener) return false;
    const reviewId = randomUUID();
    await insertReview(client, {
      id: reviewId,
      documentId,
      versionId: version.id,
      title: demoReview.title,
      note: demoReview.note,
      closesOn: addDays(utcDate(new Date()), demoReview.days),
      requiresIpr: false,
      createdBy: opener.id,
    });
    for (const demo of demoReview.comments) {
      const author = await findUserByEmail(client, demo.author);
      if (!author) continue;
      const commentId = randomUUID();
      await insertComment(client, {
        id: commentId,
        reviewId,
        number: await takeCommentNumber(client, reviewId),
        versionId: version.id,
        location: demo.location,
        kind: demo.kind,
        body: demo.body,
        proposedChange: demo.proposedChange,
        attachment: null,
        authorId: author.id,
        organization: 'ofa',
        iprPolicySha256: null,
      });
      const decider = demo.disposition && (await findUserByEmail(client, demo.disposition.by));
      if (demo.disposition && decider) {
        await upsertDisposition(client, {
          commentId,
          reviewId,
          value: demo.disposition.value,
          response: demo.disposition.response,
          resolvedInVersionId: null,
          duplicateOf: null,
          decidedBy: decider.id,
        });
      }
    }
    return true;
  });
}
