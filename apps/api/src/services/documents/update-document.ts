import {
  actionsForChange,
  InvalidInputError,
  isPartnersWithoutRegister,
  isPdfFile,
  PARTNERS_WITHOUT_REGISTER_CODE,
  PARTNERS_WITHOUT_REGISTER_MESSAGE,
  UnprocessableError,
  type UpdateDocumentBody,
  type Visibility,
} from '@liaison/core';
import {
  findDocument,
  listVersions,
  lockDocument,
  type Pool,
  type Queryable,
  registersNotSharedBy,
  replaceDocumentRegisters,
  updateDocumentFields,
  withTransaction,
} from '@liaison/db';
import { enqueueDocumentReleaseMail } from '../notifications/document-release-mail.js';
import { enqueueDocumentChangeFollowerMail } from '../notifications/follower-mail.js';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableDocument, loadDocument, subjectOf } from './document-view.js';
import { requireDocumentActions } from './require-document-actions.js';

/**
 * Turning watermarks on: every PDF the document holds must be small enough to stamp, or some
 * reader would be refused it (never served it unstamped).
 */
async function requireStampableSizes(
  client: Queryable,
  id: string,
  watermarkMaxBytes: number,
): Promise<void> {
  const tooLarge = (await listVersions(client, id)).filter(
    (version) => isPdfFile(version) && version.size > watermarkMaxBytes,
  );
  if (tooLarge.length > 0) {
    throw new InvalidInputError(
      `watermark: the PDF of version ${tooLarge.map((version) => version.label).join(', ')} is larger than the ${watermarkMaxBytes} bytes that can be watermarked`,
      'watermark_too_large',
    );
  }
}

/**
 * A change of who sees the document (its visibility or its registers) may not leave it `partners`
 * under no register. Other edits of a document that is already so (saved before the rule) go
 * through: it stays as it was, readable by its owner, until someone chooses a register.
 */
function requireAudience(
  current: { visibility: Visibility; registers: readonly string[] },
  change: UpdateDocumentBody,
): void {
  if (change.visibility === undefined && change.registers === undefined) return;
  const after = {
    visibility: change.visibility ?? current.visibility,
    registers: change.registers ?? current.registers,
  };
  if (isPartnersWithoutRegister(after)) {
    throw new InvalidInputError(PARTNERS_WITHOUT_REGISTER_MESSAGE, PARTNERS_WITHOUT_REGISTER_CODE);
  }
}

export async function updateDocument(
  deps: { pool: Pool; watermarkMaxBytes: number },
  context: RequestContext,
  id: string,
  change: UpdateDocumentBody,
) {
  const { pool } = deps;
  requireUser(context.actor);
  const record = await withTransaction(pool, async (client) => {
    await lockDocument(client, id);
    const current = await findReadableDocument(client, context.actor, id);
    requireDocumentActions(context.actor, subjectOf(current), actionsForChange(current, change));
    requireAudience(current, change);
    if (change.registers) {
      const notShared = await registersNotSharedBy(client, current.organization, change.registers);
      if (notShared.length > 0) {
        throw new UnprocessableError(
          `${current.organization} is not a party of: ${notShared.join(', ')}`,
          'register_not_shared',
        );
      }
    }

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (change.watermark === true && !current.watermark) {
      await requireStampableSizes(client, id, deps.watermarkMaxBytes);
    }
    for (const field of ['title', 'abstract', 'status', 'visibility', 'watermark'] as const) {
      const to = change[field];
      if (to !== undefined && to !== current[field]) changes[field] = { from: current[field], to };
    }
    const registers = change.registers ? [...change.registers].sort() : undefined;
    if (registers && registers.join() !== current.registers.join()) {
      changes.registers = { from: current.registers, to: registers };
    }
    if (Object.keys(changes).length === 0) return current;

    await updateDocumentFields(client, id, change);
    if (registers) await replaceDocumentRegisters(client, id, registers);
    await auditAction(client, context, current.organization, {
      action: 'document.update',
      objectType: 'document',
      objectId: id,
      details: { changes },
    });
    const updated = (await findDocument(client, id))!;
    await enqueueDocumentReleaseMail(client, current, updated);
    await enqueueDocumentChangeFollowerMail(client, current, updated);
    return updated;
  });
  return loadDocument(pool, record, context.actor);
}
