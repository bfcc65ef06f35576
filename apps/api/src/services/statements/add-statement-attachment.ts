import {
  type Actor,
  ConflictError,
  STATEMENT_MAX_ATTACHMENTS,
  type Statement,
} from '@liaison/core';
import {
  findStatement,
  insertStatementAttachment,
  type Queryable,
  type StatementRecord,
  touchStatement,
  withTransaction,
} from '@liaison/db';
import { Type } from 'typebox';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import {
  receiveUploadForm,
  type UploadPart,
  type UploadUseCaseDependencies,
} from '../uploads/receive-upload-form.js';
import { recordDraftEdit, requireDraft } from './change-statement.js';
import { findReadableStatement, loadStatement, requireStatementAction } from './statement-view.js';
import { statementAttachmentStorageKey } from './storage-keys.js';

/** The form holds nothing but the file. */
const NO_FIELDS = Type.Object({}, { additionalProperties: false });

function tooManyAttachments() {
  return new ConflictError(
    `A statement holds at most ${STATEMENT_MAX_ATTACHMENTS} attachments`,
    'too_many_attachments',
  );
}

/** The draft, if the actor may change it and it has room for one more attachment. */
async function attachableDraft(
  db: Queryable,
  actor: Actor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<StatementRecord> {
  const record = await findReadableStatement(db, actor, id, options);
  requireStatementAction(actor, record, 'edit');
  requireDraft(record);
  if (record.attachmentCount >= STATEMENT_MAX_ATTACHMENTS) throw tooManyAttachments();
  return record;
}

/**
 * Streams one file into storage as an attachment of a draft, with its SHA-256. Who may and
 * whether there is room is checked before any byte is stored, and again, on the locked row, when
 * the attachment is written with its audit event; a refused or broken upload leaves nothing.
 */
export async function addStatementAttachment(
  deps: UploadUseCaseDependencies,
  context: RequestContext,
  id: string,
  parts: AsyncIterable<UploadPart>,
): Promise<Statement> {
  const { userId } = requireUser(context.actor);
  const { actor } = context;
  await attachableDraft(deps.pool, actor, id);
  const record = await receiveUploadForm(
    deps,
    parts,
    {
      fields: NO_FIELDS,
      maxFiles: { count: 1, code: 'multiple_files', message: 'Send one file per attachment' },
      storageKey: (fileId) => statementAttachmentStorageKey(id, fileId),
      check: async () => attachableDraft(deps.pool, actor, id),
    },
    async ({ files: [file] }) => {
      const upload = file!;
      return withTransaction(deps.pool, async (client) => {
        const current = await attachableDraft(client, actor, id, { lock: true });
        await insertStatementAttachment(client, { ...upload, statementId: id, createdBy: userId });
        await touchStatement(client, id);
        await recordDraftEdit(client, context, current, {
          actorId: userId,
          note: `Attached ${upload.filename}`,
          action: 'statement.attachment.add',
          details: {
            attachmentId: upload.id,
            filename: upload.filename,
            size: upload.size,
            sha256: upload.sha256,
          },
        });
        return (await findStatement(client, id))!;
      });
    },
  );
  return loadStatement(deps.pool, record, actor);
}
