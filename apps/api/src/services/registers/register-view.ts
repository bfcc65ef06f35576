import {
  type Actor,
  canManageRegisters,
  canReadDocument,
  canReadRegister,
  type DocumentRef,
  ForbiddenError,
  type RegisterApproval,
  type RegisterCommitment,
  type RegisterPage,
  type RegisterSubject,
  registerPermissions,
} from '@liaison/core';
import {
  type ApprovalRecord,
  type CommitmentRecord,
  findDocument,
  findDocumentId,
  findRegister,
  loadRegisterDetails,
  type Pool,
  type Queryable,
  type RegisterRecord,
} from '@liaison/db';
import { subjectOf } from '../documents/document-view.js';
import { listDocuments } from '../documents/list-documents.js';
import { readableFinder } from '../readable-finder.js';
import type { RequestContext } from '../request-context.js';
import { openItemsOf } from './open-items.js';

/** Documents on the register page; further pages come from GET /documents?register=. */
export const REGISTER_PAGE_DOCUMENTS = 100;

export function registerSubject(record: RegisterRecord): RegisterSubject {
  return { state: record.state, parties: record.parties.map((party) => party.organization) };
}

/** What a register says of itself before its parties and items: its page and its file open so. */
export function registerHeading(record: RegisterRecord) {
  const { slug, title, version, state, initiatedOn, summary } = record;
  return { slug, title, version, state, initiatedOn, summary };
}

/** The register by its slug if the actor may read it; otherwise NotFoundError. */
export const findReadableRegister = readableFinder(
  findRegister,
  (actor, record) => canReadRegister(actor, registerSubject(record)),
  'No such work register',
);

export function requireRegisterManagement(actor: Actor): void {
  if (!canManageRegisters(actor)) {
    throw new ForbiddenError('Only the portal operator manages work registers');
  }
}

/** Review overdue: the review date lies before today (UTC). */
export function isReviewOverdue(reviewDue: string | null, now = new Date()): boolean {
  return reviewDue !== null && reviewDue < now.toISOString().slice(0, 10);
}

/**
 * A commitment with its document found by owner and identifier now: delivered once that document
 * has a version that is not withdrawn. Its delivery and its link are shown only to a caller who
 * may read the document; anyone else sees neither (delivery null), since "delivered" would tell
 * them that a document they may not see exists and has a file.
 */
export async function resolveCommitment(
  db: Queryable,
  actor: Actor,
  commitment: CommitmentRecord,
): Promise<RegisterCommitment> {
  const { documentIdentifier, ...rest } = commitment;
  const ref =
    documentIdentifier === null
      ? null
      : { organization: commitment.from, identifier: documentIdentifier };
  const readable = await readableDocument(db, actor, ref);
  if (!readable) {
    // No document named: outstanding, which says nothing about any document.
    return { ...rest, document: ref, delivery: ref ? null : 'outstanding', link: null };
  }
  return {
    ...rest,
    document: ref,
    delivery: readable.latestVersion ? 'delivered' : 'outstanding',
    link: {
      documentId: readable.id,
      title: readable.title,
      latestVersion: readable.latestVersion?.label ?? null,
    },
  };
}

/** The document named by owner and identifier, if it exists and the actor may read it. */
async function readableDocument(db: Queryable, actor: Actor, ref: DocumentRef | null) {
  const documentId = ref ? await findDocumentId(db, ref.organization, ref.identifier) : undefined;
  const document = documentId ? await findDocument(db, documentId) : undefined;
  return document && canReadDocument(actor, subjectOf(document)) ? document : undefined;
}

/**
 * An approval with its resolution document found now, linked only for a caller who may read it
 * (anyone else sees the reference the approver gave, as for a commitment).
 */
export async function resolveApproval(
  db: Queryable,
  actor: Actor,
  approval: ApprovalRecord,
): Promise<RegisterApproval> {
  const readable = await readableDocument(db, actor, approval.resolutionDocument);
  return {
    ...approval,
    resolutionLink: readable ? { documentId: readable.id, title: readable.title } : null,
  };
}

/** One approval per party, in the parties' order: the recorded one, or pending. */
export function approvalsOf(
  record: RegisterRecord,
  recorded: readonly ApprovalRecord[],
): ApprovalRecord[] {
  return record.parties.map(
    ({ organization }) =>
      recorded.find((approval) => approval.party === organization) ?? {
        party: organization,
        body: '',
        state: 'pending',
        resolution: null,
        approvedOn: null,
        asWritten: '',
        note: '',
        resolutionDocument: null,
      },
  );
}

/** The register page: every section of the register, and the documents shared under it the caller may read. */
export async function toRegisterPage(
  pool: Pool,
  context: RequestContext,
  record: RegisterRecord,
): Promise<RegisterPage> {
  const details = await loadRegisterDetails(pool, record.id);
  const commitments: RegisterCommitment[] = [];
  for (const commitment of details.commitments) {
    commitments.push(await resolveCommitment(pool, context.actor, commitment));
  }
  const approvals: RegisterApproval[] = [];
  for (const approval of approvalsOf(record, details.approvals)) {
    approvals.push(await resolveApproval(pool, context.actor, approval));
  }
  // The documents list applies the document read rule (in SQL, then the policy), as everywhere.
  const documents = await listDocuments(pool, context, {
    register: record.slug,
    limit: REGISTER_PAGE_DOCUMENTS,
  });
  const page = {
    ...registerHeading(record),
    parties: record.parties,
    benefits: details.benefits,
    activities: details.activities,
    limitations: details.limitations,
    milestones: details.milestones,
    accessRules: details.accessRules,
    commitments,
    reviewDue: record.reviewDue,
    reviewDueAsWritten: record.reviewDueAsWritten,
    reviewOverdue: isReviewOverdue(record.reviewDue),
    reviewProcess: record.reviewProcess,
    reviewProcessUrl: record.reviewProcessUrl,
    contacts: details.contacts,
    approvals,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    permissions: registerPermissions(context.actor, registerSubject(record)),
    documents,
  };
  return { ...page, openItems: openItemsOf(page) };
}
