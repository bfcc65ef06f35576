/**
 * The dimensions the document matrices share (authorization-matrix.test.ts,
 * search-authorization-matrix.test.ts): the demo actors, and every kind of document, owned by
 * each demo organization, with each visibility, shared under each register its owner is a party
 * of or, except `partners`, under none. A `partners` document is always shared under a register:
 * the API refuses one under none (partners-registers.test.ts covers the refusal and the rows saved
 * before the rule).
 */
import type { DocumentActorKind } from '../../../packages/core/test/fixtures/permission-table.js';

export const ORGANIZATIONS = ['ofa', 'dmtf', 'snia'] as const;
export type Organization = (typeof ORGANIZATIONS)[number];
export const ROLES = ['admin', 'editor', 'member'] as const;
export type Role = (typeof ROLES)[number];
export const VISIBILITIES = ['public', 'partners', 'organization'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** The demo registers and their parties (the main matrix checks them against the API). */
export const REGISTER_PARTIES = {
  'ofa-dmtf': ['ofa', 'dmtf'],
  'snia-dmtf': ['snia', 'dmtf'],
} as const satisfies Record<string, readonly Organization[]>;
export type Register = keyof typeof REGISTER_PARTIES;
export const REGISTERS = Object.keys(REGISTER_PARTIES) as Register[];

export const registersOf = (organization: Organization): Register[] =>
  REGISTERS.filter((register) =>
    (REGISTER_PARTIES[register] as readonly Organization[]).includes(organization),
  );

/** The registers a document of `owner` with `visibility` may be shared under, null for none. */
export const registerChoices = (owner: Organization, visibility: Visibility) =>
  visibility === 'partners' ? registersOf(owner) : [null, ...registersOf(owner)];

export interface ActorSpec {
  /** The e-mail address, or 'anonymous'. */
  name: string;
  email: string | null;
  /** The one organization the demo user belongs to, with their role there. */
  membership: { organization: Organization; role: Role } | null;
}

/** The nine organization users, the operator and an anonymous caller. */
export const ACTORS: ActorSpec[] = [
  ...ORGANIZATIONS.flatMap((organization) =>
    ROLES.map((role) => ({
      name: `${role}@${organization}.example`,
      email: `${role}@${organization}.example`,
      membership: { organization, role },
    })),
  ),
  { name: 'operator@liaison.example', email: 'operator@liaison.example', membership: null },
  { name: 'anonymous', email: null, membership: null },
];

export interface DocumentKind {
  owner: Organization;
  visibility: Visibility;
  register: Register | null;
}

export const DOCUMENT_KINDS: DocumentKind[] = ORGANIZATIONS.flatMap((owner) =>
  VISIBILITIES.flatMap((visibility) =>
    registerChoices(owner, visibility).map((register) => ({ owner, visibility, register })),
  ),
);

export const describeDocument = (document: DocumentKind) =>
  `${document.owner}/${document.visibility}/${document.register ?? 'no-register'}`;

/** How the actor stands to the document, as the permission table names it. */
export function actorKind(actor: ActorSpec, document: DocumentKind): DocumentActorKind {
  const membership = actor.membership;
  if (membership === null) return actor.email === null ? 'anonymous' : 'operator, no membership';
  if (membership.organization === document.owner) return `owner ${membership.role}`;
  const coParty =
    document.register !== null &&
    (REGISTER_PARTIES[document.register] as readonly Organization[]).includes(
      membership.organization,
    );
  return coParty ? `co-party ${membership.role}` : `third-party ${membership.role}`;
}
