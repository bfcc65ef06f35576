/**
 * The permission policy for documents and their versions (docs/architecture.md, "Documents"). Pure:
 * every decision the API makes about a document comes from here, and the web app uses the same
 * answers to hide what a user cannot do. The list query in packages/db (readable-documents.ts)
 * mirrors `read` as SQL; the authorization matrix test keeps the two in step.
 */
import { DOCUMENT_STATUSES, type DocumentStatus, VISIBILITIES, type Visibility } from '../rules.js';
import { type Actor, hasRole, organizationsOf } from './actor.js';

/** What the policy needs to know about a document. */
export interface DocumentSubject {
  /** Owner organization slug. */
  owner: string;
  visibility: Visibility;
  status: DocumentStatus;
  /** Slugs of every party of every register the document is shared under. */
  registerParties: readonly string[];
}

export const DOCUMENT_ACTIONS = [
  'read',
  'upload',
  'edit',
  'share-with-partners',
  'release',
  'set-standard',
  'withdraw-version',
  'see-withdrawn-versions',
  'see-downloads',
  'delete',
] as const;
export type DocumentAction = (typeof DOCUMENT_ACTIONS)[number];

export function canReadDocument(actor: Actor, document: DocumentSubject): boolean {
  switch (document.visibility) {
    case 'public':
      return true;
    case 'partners':
      return (
        hasRole(actor, document.owner, 'member') ||
        document.registerParties.some((party) => hasRole(actor, party, 'member'))
      );
    case 'organization':
      return hasRole(actor, document.owner, 'member');
  }
}

/**
 * The organizations whose membership lets someone read the document, the owner first: a read is
 * done on behalf of the first of them the reader belongs to (what the audit log records).
 */
export function organizationsGrantingRead(document: DocumentSubject): string[] {
  return document.visibility === 'partners'
    ? [document.owner, ...[...document.registerParties].sort()]
    : [document.owner];
}

/** Deny by default: an action not named here is refused. */
export function allowDocument(
  actor: Actor,
  action: DocumentAction,
  document: DocumentSubject,
): boolean {
  if (!canReadDocument(actor, document)) return false;
  switch (action) {
    case 'read':
      return true;
    case 'upload':
    case 'edit':
    case 'share-with-partners':
      return hasRole(actor, document.owner, 'editor');
    // Withdrawn versions stay listed, with their reason, for the owner's members; their content is
    // served to the owner's admins only (as withdraw-version).
    case 'see-withdrawn-versions':
      return hasRole(actor, document.owner, 'member');
    // Who downloaded the document, from the audit log: for those who manage it (the owner's
    // editors) and the operator, who reads the whole log anyway. A partner never learns who else
    // read it.
    case 'see-downloads':
      return actor.operator || hasRole(actor, document.owner, 'editor');
    case 'release':
    case 'set-standard':
    case 'withdraw-version':
    case 'delete':
      return hasRole(actor, document.owner, 'admin');
    default:
      return false;
  }
}

/**
 * How much of a person (an uploader, a withdrawer) a reader of the document is shown: members of
 * the owner organization see the e-mail address, other signed-in readers the name, the public
 * nobody (the owner organization is shown with every document).
 */
export type PersonShown = 'address' | 'name' | 'nobody';

export function personShownTo(actor: Actor, document: DocumentSubject): PersonShown {
  if (hasRole(actor, document.owner, 'member')) return 'address';
  return actor.userId === null ? 'nobody' : 'name';
}

/** Who may create a document owned by `organization`. */
export function canCreateDocument(actor: Actor, organization: string): boolean {
  return hasRole(actor, organization, 'editor');
}

/** The organizations the actor may create documents for. */
export function documentCreatingOrganizations(actor: Actor): string[] {
  return organizationsOf(actor).filter((organization) => canCreateDocument(actor, organization));
}

/**
 * What a new document is measured against: creating one public and informational or standard is
 * the same decision, and the same release, as changing an unreleased one to that.
 */
export const UNRELEASED_DOCUMENT = {
  visibility: 'organization',
  status: 'work-in-progress',
} as const;

/** Whether the actor may create a document of `organization` with this status and visibility. */
export function canCreateDocumentAs(
  actor: Actor,
  organization: string,
  start: { status: DocumentStatus; visibility: Visibility },
): boolean {
  const subject: DocumentSubject = { owner: organization, ...start, registerParties: [] };
  return (
    canCreateDocument(actor, organization) &&
    actionsForChange(UNRELEASED_DOCUMENT, start).every((action) =>
      allowDocument(actor, action, subject),
    )
  );
}

/**
 * The statuses and visibilities a new document of `organization` may start with (each with the
 * unreleased default of the other): editors make unreleased ones, admins anything.
 */
export function documentCreationChoices(
  actor: Actor,
  organization: string,
): { statuses: DocumentStatus[]; visibilities: Visibility[] } {
  return {
    statuses: DOCUMENT_STATUSES.filter((status) =>
      canCreateDocumentAs(actor, organization, { ...UNRELEASED_DOCUMENT, status }),
    ),
    visibilities: VISIBILITIES.filter((visibility) =>
      canCreateDocumentAs(actor, organization, { ...UNRELEASED_DOCUMENT, visibility }),
    ),
  };
}

/** What the caller may do with a document, returned with it so clients never re-derive the policy. */
export interface DocumentPermissions {
  edit: boolean;
  release: boolean;
  upload: boolean;
  delete: boolean;
  withdraw: boolean;
  /** Whether the "Who downloaded this" panel (GET /documents/:id/downloads) is theirs to see. */
  seeDownloads: boolean;
}

export function documentPermissions(actor: Actor, document: DocumentSubject): DocumentPermissions {
  return {
    edit: allowDocument(actor, 'edit', document),
    release: allowDocument(actor, 'release', document),
    upload: allowDocument(actor, 'upload', document),
    delete: allowDocument(actor, 'delete', document),
    withdraw: allowDocument(actor, 'withdraw-version', document),
    seeDownloads: allowDocument(actor, 'see-downloads', document),
  };
}

export interface DocumentChange {
  title?: string;
  abstract?: string;
  status?: DocumentStatus;
  visibility?: Visibility;
  /** Turning watermarks on or off is an edit like any other. */
  watermark?: boolean;
  registers?: readonly string[];
}

/**
 * The actions a metadata change needs. Making a document public, taking it out of public, and
 * anything touching `standard` are admin decisions; moving between organization and partners, and
 * every other edit, are editor work.
 */
export function actionsForChange(
  current: { visibility: Visibility; status: DocumentStatus },
  change: DocumentChange,
): DocumentAction[] {
  const actions = new Set<DocumentAction>(['edit']);
  if (change.visibility !== undefined && change.visibility !== current.visibility) {
    actions.add(
      change.visibility === 'public' || current.visibility === 'public'
        ? 'release'
        : 'share-with-partners',
    );
  }
  if (change.status !== undefined && change.status !== current.status) {
    if (change.status === 'standard' || current.status === 'standard') actions.add('set-standard');
  }
  return [...actions];
}

/**
 * Whether the caller is told that documents exist they do not see (the library's hint to sign
 * in): only anonymous callers, and only that some document is not public, never which or how many.
 * A signed-in caller is not told: it would tell a member that other organizations keep documents.
 */
export function isToldOfRestrictedDocuments(actor: Actor): boolean {
  return actor.userId === null;
}
