import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type CreateStatementBody,
  canReadRegister,
  canWriteStatementFor,
  ForbiddenError,
  InvalidInputError,
  type Statement,
  UnprocessableError,
} from '@liaison/core';
import {
  findRegister,
  findStatement,
  insertStatement,
  type Pool,
  type RegisterRecord,
  registerPartyContacts,
  withTransaction,
} from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import {
  requireStatementAddress,
  requireStatementDeadline,
  requireStatementReferences,
  requireText,
  statementAddressError,
} from './statement-rules.js';
import { loadStatement } from './statement-view.js';

/** The sending organization: the one named, or the caller's only party that may write. */
function sendingParty(actor: Actor, input: CreateStatementBody, register: RegisterRecord): string {
  if (input.from !== undefined) {
    if (!canWriteStatementFor(actor, input.from)) {
      throw new ForbiddenError(
        `Only editors and admins of ${input.from} may write statements on its behalf`,
      );
    }
    return input.from;
  }
  const candidates = register.parties
    .map((party) => party.organization)
    .filter((party) => !input.to.includes(party) && canWriteStatementFor(actor, party));
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    throw new InvalidInputError(
      `Say which organization sends: send 'from' (one of ${candidates.join(', ')})`,
      'from_required',
    );
  }
  if (input.to.some((party) => canWriteStatementFor(actor, party))) {
    throw statementAddressError('statement_to_self');
  }
  throw new ForbiddenError(
    `Only editors and admins of a party of ${register.slug} may write statements under it`,
  );
}

/**
 * Writes a new draft statement from a party of an approved register to other parties. Contacts
 * left out are the sending party's points of contact in the register. The draft waits for an
 * admin of the sending organization to send it.
 */
export async function createStatement(
  deps: { pool: Pool },
  context: RequestContext,
  input: CreateStatementBody,
): Promise<Statement> {
  const { userId } = requireUser(context.actor);
  const { actor } = context;
  const register = await findRegister(deps.pool, input.register);
  if (
    !register ||
    !canReadRegister(actor, {
      state: register.state,
      parties: register.parties.map((party) => party.organization),
    })
  ) {
    throw new UnprocessableError(`There is no register '${input.register}'`, 'unknown_register');
  }
  const title = requireText(input.title, 'title');
  const from = sendingParty(actor, input, register);
  requireStatementAddress({ from, to: input.to }, register);
  const deadline = input.deadline ?? null;
  requireStatementDeadline(input.purpose, deadline, new Date());
  const refersTo = input.refersTo ?? [];
  await requireStatementReferences(deps.pool, actor, {
    registerId: register.id,
    purpose: input.purpose,
    refersTo,
  });
  const id = randomUUID();
  const record = await withTransaction(deps.pool, async (client) => {
    const pointsOfContact =
      input.responseContacts && input.technicalContacts
        ? []
        : await registerPartyContacts(client, register.id, from);
    await insertStatement(client, {
      id,
      registerId: register.id,
      from,
      to: input.to,
      title,
      body: input.body ?? '',
      purpose: input.purpose,
      deadline,
      visibility: input.visibility ?? 'parties',
      senderReference: input.senderReference ?? null,
      receiverReference: input.receiverReference ?? null,
      responseContacts: input.responseContacts ?? pointsOfContact,
      technicalContacts: input.technicalContacts ?? pointsOfContact,
      refersTo,
      createdBy: userId,
    });
    await auditAction(client, context, from, {
      action: 'statement.create',
      objectType: 'statement',
      objectId: id,
      details: {
        register: register.slug,
        from,
        to: input.to,
        title,
        purpose: input.purpose,
        deadline,
        refersTo,
      },
    });
    return (await findStatement(client, id))!;
  });
  return loadStatement(deps.pool, record, actor);
}
