import type { WorkRegisterFile } from '@liaison/core';
import {
  loadRegisterDetails,
  type Pool,
  type RegisterDetails,
  type RegisterRecord,
} from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { findReadableRegister, registerHeading } from './register-view.js';

/** The register as its file: every item, in the register's order, nothing computed. */
export function toRegisterFile(record: RegisterRecord, details: RegisterDetails): WorkRegisterFile {
  return {
    ...registerHeading(record),
    parties: record.parties.map(({ organization, description }) => ({ organization, description })),
    benefits: details.benefits,
    activities: details.activities.map(({ party, text, open }) => ({
      party: party ?? '',
      text,
      open,
    })),
    limitations: details.limitations,
    milestones: details.milestones.map(({ id: _id, ...milestone }) => milestone),
    accessRules: details.accessRules,
    commitments: details.commitments.map(({ id: _id, documentIdentifier, ...commitment }) => ({
      ...commitment,
      document:
        documentIdentifier === null
          ? null
          : { organization: commitment.from, identifier: documentIdentifier },
    })),
    reviewDue: record.reviewDue,
    reviewDueAsWritten: record.reviewDueAsWritten,
    reviewProcess: record.reviewProcess,
    reviewProcessUrl: record.reviewProcessUrl,
    contacts: details.contacts.map(({ id: _id, ...contact }) => contact),
    approvals: details.approvals,
  };
}

/** GET /registers/:slug/export: whoever may read the register may export it. */
export async function exportRegister(
  pool: Pool,
  context: RequestContext,
  slug: string,
): Promise<WorkRegisterFile> {
  const record = await findReadableRegister(pool, context.actor, slug);
  return toRegisterFile(record, await loadRegisterDetails(pool, record.id));
}
