/**
 * The document policy, cell by cell, against the permission table of docs/architecture.md
 * ("Documents") as test/fixtures/permission-table.ts states it: who reads by visibility, and what
 * each role of the owner may do with a document it can read. The subject is an OFA document shared under a register whose parties are OFA and DMTF,
 * so DMTF is the co-party and SNIA a third organization.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../src/domain.js';
import { type Actor, ANONYMOUS, actorFromMemberships } from '../src/policy/actor.js';
import { actingOrganization } from '../src/policy/audit-policy.js';
import {
  actionsForChange,
  allowDocument,
  canCreateDocument,
  canCreateDocumentAs,
  canReadDocument,
  DOCUMENT_ACTIONS,
  type DocumentAction,
  type DocumentSubject,
  documentCreatingOrganizations,
  documentCreationChoices,
  documentPermissions,
  organizationsGrantingRead,
  personShownTo,
} from '../src/policy/document-policy.js';
import { type DocumentStatus, VISIBILITIES, type Visibility } from '../src/rules.js';
import { tableActors } from './fixtures/actors.js';
import {
  DOCUMENT_CREATORS,
  DOCUMENT_TABLE,
  type DocumentActorKind,
  documentTableAllows,
} from './fixtures/permission-table.js';

const person = (roles: Record<string, Role>, operator = false): Actor =>
  actorFromMemberships(
    { id: `user-${Object.keys(roles).join('-') || 'none'}`, email: 'someone@example', operator },
    Object.entries(roles).map(([organization, role]) => ({ organization, role })),
  );

const ACTORS = tableActors({
  owner: 'ofa',
  'co-party': 'dmtf',
  'third-party': 'snia',
}) satisfies Record<DocumentActorKind, Actor>;
type ActorKind = keyof typeof ACTORS;

const documentOf = (
  visibility: Visibility,
  registerParties = ['ofa', 'dmtf'],
): DocumentSubject => ({
  owner: 'ofa',
  visibility,
  status: 'informational',
  registerParties,
});

/** The table's answer (test/fixtures/permission-table.ts) for every policy action. */
function expected(visibility: Visibility, actor: ActorKind): Record<DocumentAction, boolean> {
  return Object.fromEntries(
    DOCUMENT_ACTIONS.map((action) => [action, documentTableAllows(actor, visibility, action)]),
  ) as Record<DocumentAction, boolean>;
}

const CELLS = VISIBILITIES.flatMap((visibility) =>
  (Object.keys(ACTORS) as ActorKind[]).map((actor) => ({ visibility, actor })),
);

describe('document policy: the permission table', () => {
  it('has a column for every document action', () => {
    const columns = new Set(['read', ...Object.values(DOCUMENT_TABLE).flatMap((row) => row.may)]);
    expect([...columns].sort()).toEqual([...DOCUMENT_ACTIONS].sort());
  });

  it.each(CELLS)('$visibility document, $actor', ({ visibility, actor }) => {
    const subject = documentOf(visibility);
    const answers = Object.fromEntries(
      DOCUMENT_ACTIONS.map((action) => [action, allowDocument(ACTORS[actor], action, subject)]),
    );
    expect(answers).toEqual(expected(visibility, actor));
  });

  it.each(CELLS)(
    'canReadDocument and permissions agree: $visibility, $actor',
    ({ visibility, actor }) => {
      const subject = documentOf(visibility);
      const row = expected(visibility, actor);
      expect(canReadDocument(ACTORS[actor], subject)).toBe(row.read);
      expect(documentPermissions(ACTORS[actor], subject)).toEqual({
        edit: row.edit,
        release: row.release,
        upload: row.upload,
        delete: row.delete,
        withdraw: row['withdraw-version'],
        seeDownloads: row['see-downloads'],
      });
    },
  );
});

describe('document policy: reading through registers', () => {
  it('shows a partners document shared under no register to its owner only', () => {
    const unshared = documentOf('partners', []);
    expect(canReadDocument(ACTORS['owner member'], unshared)).toBe(true);
    expect(canReadDocument(ACTORS['co-party member'], unshared)).toBe(false);
    expect(canReadDocument(ACTORS['co-party admin'], unshared)).toBe(false);
  });

  it('shows a partners document to the parties of every register it is shared under', () => {
    const twoRegisters = documentOf('partners', ['ofa', 'dmtf', 'ofa', 'snia']);
    expect(canReadDocument(ACTORS['third-party member'], twoRegisters)).toBe(true);
    expect(allowDocument(ACTORS['third-party member'], 'upload', twoRegisters)).toBe(false);
  });

  it('gives a person the rights of each of their memberships, never one for another', () => {
    const both = person({ ofa: 'member', dmtf: 'admin' });
    const subject = documentOf('partners');
    expect(allowDocument(both, 'read', subject)).toBe(true);
    expect(allowDocument(both, 'see-withdrawn-versions', subject)).toBe(true);
    expect(allowDocument(both, 'edit', subject)).toBe(false);
    expect(allowDocument(both, 'delete', subject)).toBe(false);
  });

  it('counts only the organization a single sign-on is scoped to', () => {
    const memberships = [
      { organization: 'ofa', role: 'admin' as const },
      { organization: 'dmtf', role: 'member' as const },
    ];
    const scoped = actorFromMemberships(
      { id: 'u', email: 'u@example', operator: true },
      memberships,
      'dmtf',
    );
    expect(allowDocument(scoped, 'read', documentOf('partners'))).toBe(true);
    expect(allowDocument(scoped, 'read', documentOf('organization'))).toBe(false);
    expect(allowDocument(scoped, 'delete', documentOf('public'))).toBe(false);
  });

  it('refuses an action it does not know (deny by default)', () => {
    const unknown = 'transfer' as DocumentAction;
    expect(allowDocument(ACTORS['owner admin'], unknown, documentOf('public'))).toBe(false);
  });
});

describe('document policy: creating documents', () => {
  it.each(Object.keys(ACTORS) as ActorKind[])('who may create an OFA document: %s', (actor) => {
    const allowed = DOCUMENT_CREATORS.some((role) => actor === `owner ${role}`);
    expect(canCreateDocument(ACTORS[actor], 'ofa')).toBe(allowed);
  });

  it('offers editors unreleased starts and admins every start', () => {
    expect(documentCreationChoices(ACTORS['owner editor'], 'ofa')).toEqual({
      statuses: ['work-in-progress', 'informational'],
      visibilities: ['partners', 'organization'],
    });
    expect(documentCreationChoices(ACTORS['owner admin'], 'ofa')).toEqual({
      statuses: ['work-in-progress', 'informational', 'standard'],
      visibilities: ['public', 'partners', 'organization'],
    });
    expect(documentCreationChoices(ACTORS['owner member'], 'ofa')).toEqual({
      statuses: [],
      visibilities: [],
    });
    expect(documentCreationChoices(ACTORS['owner admin'], 'dmtf')).toEqual({
      statuses: [],
      visibilities: [],
    });
  });

  it('measures a start as a release from an unreleased document', () => {
    const start = { status: 'standard', visibility: 'public' } as const;
    expect(canCreateDocumentAs(ACTORS['owner admin'], 'ofa', start)).toBe(true);
    expect(canCreateDocumentAs(ACTORS['owner editor'], 'ofa', start)).toBe(false);
  });

  it('lists the organizations a person may create documents for', () => {
    const mixed = person({ ofa: 'editor', dmtf: 'member', snia: 'admin' });
    expect(documentCreatingOrganizations(mixed).sort()).toEqual(['ofa', 'snia']);
    expect(documentCreatingOrganizations(ACTORS['operator, no membership'])).toEqual([]);
  });
});

describe('document policy: the actions a metadata change needs', () => {
  const current = { visibility: 'organization', status: 'work-in-progress' } as const;
  const cases: [
    string,
    { visibility: Visibility; status: DocumentStatus },
    Parameters<typeof actionsForChange>[1],
    DocumentAction[],
  ][] = [
    ['a title', current, { title: 'New title' }, ['edit']],
    ['the registers', current, { registers: ['ofa-dmtf'] }, ['edit']],
    ['nothing', current, {}, ['edit']],
    ['the same visibility', current, { visibility: 'organization' }, ['edit']],
    [
      'organization → partners',
      current,
      { visibility: 'partners' },
      ['edit', 'share-with-partners'],
    ],
    [
      'partners → organization',
      { visibility: 'partners', status: 'work-in-progress' },
      { visibility: 'organization' },
      ['edit', 'share-with-partners'],
    ],
    ['organization → public', current, { visibility: 'public' }, ['edit', 'release']],
    [
      'public → partners',
      { visibility: 'public', status: 'informational' },
      { visibility: 'partners' },
      ['edit', 'release'],
    ],
    ['work-in-progress → informational', current, { status: 'informational' }, ['edit']],
    ['work-in-progress → standard', current, { status: 'standard' }, ['edit', 'set-standard']],
    [
      'standard → informational',
      { visibility: 'public', status: 'standard' },
      { status: 'informational' },
      ['edit', 'set-standard'],
    ],
    [
      'public and standard at once',
      current,
      { visibility: 'public', status: 'standard' },
      ['edit', 'release', 'set-standard'],
    ],
  ];

  it.each(cases)('changing %s', (_what, from, change, actions) => {
    expect(actionsForChange(from, change).sort()).toEqual([...actions].sort());
  });

  it('lets an editor share with partners but leaves publishing to admins', () => {
    const subject = documentOf('organization');
    const allows = (actor: ActorKind, change: Parameters<typeof actionsForChange>[1]) =>
      actionsForChange(current, change).every((action) =>
        allowDocument(ACTORS[actor], action, subject),
      );
    expect(allows('owner editor', { visibility: 'partners' })).toBe(true);
    expect(allows('owner editor', { visibility: 'public' })).toBe(false);
    expect(allows('owner editor', { status: 'standard' })).toBe(false);
    expect(allows('owner admin', { visibility: 'public', status: 'standard' })).toBe(true);
    expect(allows('owner member', { title: 'New title' })).toBe(false);
  });
});

describe('document policy: on whose behalf a read is done', () => {
  it('grants a partners document through its owner first, then the parties in order', () => {
    expect(organizationsGrantingRead(documentOf('partners', ['snia', 'ofa', 'dmtf']))).toEqual([
      'ofa',
      'dmtf',
      'ofa',
      'snia',
    ]);
  });

  it('grants public and organization documents through the owner only', () => {
    expect(organizationsGrantingRead(documentOf('public'))).toEqual(['ofa']);
    expect(organizationsGrantingRead(documentOf('organization'))).toEqual(['ofa']);
  });

  it.each([
    ['a co-party member reads for the co-party', person({ dmtf: 'member' }), 'dmtf'],
    ['an owner member reads for the owner', person({ ofa: 'member' }), 'ofa'],
    ['a member of both reads for the owner', person({ dmtf: 'admin', ofa: 'member' }), 'ofa'],
    [
      'a member of two parties reads for the first in order',
      person({ snia: 'member', dmtf: 'member' }),
      'dmtf',
    ],
    ['the operator reads for nobody', person({}, true), null],
    ['an anonymous reader reads for nobody', ANONYMOUS, null],
  ] as const)('%s', (_what, actor, organization) => {
    const subject = documentOf('partners', ['ofa', 'dmtf', 'snia']);
    expect(actingOrganization(actor, organizationsGrantingRead(subject))).toBe(organization);
  });
});

describe('who a reader is shown as the uploader of a version', () => {
  it.each([
    ['an owner member sees the address', person({ ofa: 'member' }), 'address'],
    ['a co-party admin sees the name', person({ dmtf: 'admin' }), 'name'],
    ['the operator sees the name', person({}, true), 'name'],
    ['the public sees nobody', ANONYMOUS, 'nobody'],
  ] as const)('%s', (_what, actor, shown) => {
    expect(personShownTo(actor, documentOf('public'))).toBe(shown);
  });
});
