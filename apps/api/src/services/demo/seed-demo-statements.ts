import { addDays, utcDate } from '@liaison/core';
import {
  demoStatements,
  findDocumentId,
  findRegister,
  findStatement,
  findUserByEmail,
  insertStatement,
  markStatementSent,
  type Pool,
  registerPartyContacts,
  withTransaction,
} from '@liaison/db';

const UNIQUE_VIOLATION = '23505';

/**
 * The demo statements, written by the sending organization's editor and sent by its admin, with
 * the deadline counted from the day they are first loaded. Idempotent: a statement that exists is
 * left as it is (its deadline too). Run after the demo documents, which the bodies link to.
 */
export async function seedDemoStatements(deps: { pool: Pool }): Promise<number> {
  let added = 0;
  for (const demo of demoStatements) {
    if (await findStatement(deps.pool, demo.id)) continue;
    const register = await findRegister(deps.pool, demo.register);
    const editor = await findUserByEmail(deps.pool, `editor@${demo.from}.example`);
    const admin = await findUserByEmail(deps.pool, `admin@${demo.from}.example`);
    if (!register || !editor || !admin) continue;
    const documentId = await findDocumentId(
      deps.pool,
      demo.document.organization,
      demo.document.identifier,
    );
    const documentLink = documentId
      ? `[${demo.document.identifier}](/documents/${documentId})`
      : demo.document.identifier;
    const created = await withTransaction(deps.pool, async (client) => {
      const contacts = await registerPartyContacts(client, register.id, demo.from);
      await insertStatement(client, {
        id: demo.id,
        registerId: register.id,
        from: demo.from,
        to: demo.to,
        title: demo.title,
        body: demo.body(documentLink),
        purpose: demo.purpose,
        deadline:
          demo.deadlineInDays === null ? null : addDays(utcDate(new Date()), demo.deadlineInDays),
        visibility: demo.visibility,
        senderReference: null,
        receiverReference: null,
        responseContacts: contacts,
        technicalContacts: contacts,
        refersTo: [],
        createdBy: editor.id,
      });
      await markStatementSent(client, { id: demo.id, actorId: admin.id });
      return true;
    }).catch((error: unknown) => {
      // Another replica seeded it at the same moment.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return false;
      throw error;
    });
    if (created) added++;
  }
  return added;
}
