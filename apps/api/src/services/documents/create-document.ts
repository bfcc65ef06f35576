import {
  actionsForChange,
  ConflictError,
  type CreateDocumentBody,
  canCreateDocument,
  defaultWatermark,
  ForbiddenError,
  InvalidInputError,
  isPartnersWithoutRegister,
  PARTNERS_WITHOUT_REGISTER_CODE,
  PARTNERS_WITHOUT_REGISTER_MESSAGE,
  UNRELEASED_DOCUMENT,
  UnprocessableError,
} from '@liaison/core';
import {
  findDocument,
  insertDocument,
  organizationExists,
  type Pool,
  registersNotSharedBy,
  replaceDocumentRegisters,
  withTransaction,
} from '@liaison/db';
import { enqueueDocumentReleaseMail } from '../notifications/document-release-mail.js';
import { enqueueDocumentChangeFollowerMail } from '../notifications/follower-mail.js';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { toDocument } from './document-view.js';
import { requireDocumentActions } from './require-document-actions.js';

export async function createDocument(
  pool: Pool,
  context: RequestContext,
  input: CreateDocumentBody,
) {
  const { userId } = requireUser(context.actor);
  if (!(await organizationExists(pool, input.organization))) {
    throw new UnprocessableError(
      `There is no organization '${input.organization}'`,
      'unknown_organization',
    );
  }
  if (!canCreateDocument(context.actor, input.organization)) {
    throw new ForbiddenError(
      `Only editors and admins of ${input.organization} may add its documents`,
    );
  }
  requireDocumentActions(
    context.actor,
    {
      owner: input.organization,
      visibility: input.visibility,
      status: input.status,
      registerParties: [],
    },
    actionsForChange(UNRELEASED_DOCUMENT, input),
  );
  const registers = input.registers ?? [];
  if (isPartnersWithoutRegister({ visibility: input.visibility, registers })) {
    throw new InvalidInputError(PARTNERS_WITHOUT_REGISTER_MESSAGE, PARTNERS_WITHOUT_REGISTER_CODE);
  }
  const notShared = await registersNotSharedBy(pool, input.organization, registers);
  if (notShared.length > 0) {
    throw new UnprocessableError(
      `${input.organization} is not a party of: ${notShared.join(', ')}`,
      'register_not_shared',
    );
  }

  const record = await withTransaction(pool, async (client) => {
    const id = await insertDocument(client, {
      organization: input.organization,
      identifier: input.identifier,
      title: input.title,
      abstract: input.abstract ?? '',
      status: input.status,
      visibility: input.visibility,
      watermark: input.watermark ?? defaultWatermark(input.visibility),
      createdBy: userId,
    });
    if (!id) {
      throw new ConflictError(
        `${input.organization} already has a document ${input.identifier}`,
        'duplicate_identifier',
      );
    }
    await replaceDocumentRegisters(client, id, registers);
    const created = (await findDocument(client, id))!;
    await auditAction(client, context, input.organization, {
      action: 'document.create',
      objectType: 'document',
      objectId: id,
      details: {
        identifier: input.identifier,
        status: input.status,
        visibility: input.visibility,
        watermark: created.watermark,
        registers,
      },
    });
    await enqueueDocumentReleaseMail(client, UNRELEASED_DOCUMENT, created);
    await enqueueDocumentChangeFollowerMail(
      client,
      { ...UNRELEASED_DOCUMENT, registers: [] },
      created,
    );
    return created;
  });
  return toDocument(record, [], context.actor, null);
}
