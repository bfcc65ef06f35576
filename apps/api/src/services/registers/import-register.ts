import type { WorkRegisterFile } from '@liaison/core';
import {
  departingPartiesWithSharedDocuments,
  findDocumentId,
  findRegister,
  insertRegister,
  type Pool,
  type PoolClient,
  recordAuditEvent,
  replaceRegisterDetails,
  replaceRegisterParties,
  unknownOrganizations,
  updateRegisterFields,
  withTransaction,
} from '@liaison/db';
import type { Problem } from './item-rules.js';
import { RegisterFileError } from './register-file.js';

/** Problems only the database can find: organizations and documents that do not exist, and so on. */
async function referenceProblems(
  client: PoolClient,
  file: WorkRegisterFile,
  existingId: string | undefined,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const slugs = file.parties.map((party) => party.organization);
  const unknown = await unknownOrganizations(client, slugs);
  for (const [index, slug] of slugs.entries()) {
    if (unknown.includes(slug)) {
      problems.push({
        path: `/parties/${index}/organization`,
        message: `there is no organization '${slug}'`,
      });
    }
  }
  for (const [index, commitment] of file.commitments.entries()) {
    const ref = commitment.document;
    if (ref && !(await findDocumentId(client, ref.organization, ref.identifier))) {
      problems.push({
        path: `/commitments/${index}/document`,
        message: `there is no document ${ref.organization}/${ref.identifier}`,
      });
    }
  }
  if (existingId) {
    for (const slug of await departingPartiesWithSharedDocuments(client, existingId, slugs)) {
      problems.push({
        path: '/parties',
        message: `'${slug}' has documents shared under this register and cannot leave it; unshare them first`,
      });
    }
  }
  return problems;
}

/**
 * Creates the register, or replaces the one with the same slug, from a checked file: in one
 * transaction, so a file with any problem changes nothing and a good one lands whole. Audited as
 * the portal's own act (`source` says where it came from).
 */
export async function importRegister(
  pool: Pool,
  file: WorkRegisterFile,
  source: string,
): Promise<{ created: boolean }> {
  return withTransaction(pool, async (client) => {
    const existing = await findRegister(client, file.slug, { lock: true });
    const problems = await referenceProblems(client, file, existing?.id);
    if (problems.length > 0) throw new RegisterFileError(problems);

    const fields = {
      title: file.title,
      version: file.version,
      initiatedOn: file.initiatedOn,
      summary: file.summary,
      state: file.state,
      reviewDue: file.reviewDue,
      reviewDueAsWritten: file.reviewDueAsWritten,
      reviewProcess: file.reviewProcess,
      reviewProcessUrl: file.reviewProcessUrl,
    };
    let id = existing?.id;
    if (id) await updateRegisterFields(client, id, fields);
    else id = await insertRegister(client, { slug: file.slug, ...fields });
    if (!id)
      throw new RegisterFileError([{ path: '/slug', message: 'was created meanwhile; run again' }]);

    await replaceRegisterParties(client, id, file.parties);
    await replaceRegisterDetails(client, id, {
      benefits: file.benefits.map((item) => ({ ...item, open: item.open ?? false })),
      activities: file.activities.map((item) => ({ ...item, open: item.open ?? false })),
      limitations: file.limitations.map((item) => ({ ...item, open: item.open ?? false })),
      accessRules: file.accessRules.map((item) => ({ ...item, open: item.open ?? false })),
      milestones: file.milestones.map((item) => ({
        ...item,
        doneOn: item.doneOn ?? null,
        open: item.open ?? false,
      })),
      commitments: file.commitments.map(({ document, ...item }) => ({
        ...item,
        note: item.note ?? '',
        documentIdentifier: document?.identifier ?? null,
        open: item.open ?? false,
      })),
      contacts: file.contacts.map((item) => ({ ...item, open: item.open ?? false })),
      approvals: file.approvals.map((item) => ({
        ...item,
        resolution: item.resolution ?? null,
        approvedOn: item.approvedOn ?? null,
        asWritten: item.asWritten ?? '',
        note: item.note ?? '',
        resolutionDocument: item.resolutionDocument ?? null,
      })),
    });
    await recordAuditEvent(client, {
      actorId: null,
      actorEmail: null,
      action: existing ? 'register.import.replace' : 'register.import.create',
      objectType: 'register',
      objectId: file.slug,
      organization: null,
      onBehalfOf: null,
      address: null,
      details: {
        source,
        title: file.title,
        parties: file.parties.map((party) => party.organization),
      },
    });
    return { created: !existing };
  });
}
