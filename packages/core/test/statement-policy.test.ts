/**
 * The statement policy, checked against the permission table (fixtures/permission-table.ts) and
 * the rules of issue 12 that the table does not show: scoped sign-ins, replies, address checks.
 */
import { describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../src/policy/actor.js';
import {
  allowStatement,
  isStatementOwed,
  repliesFor,
  type StatementAction,
  statementAddressRefusal,
  statementApprovingOrganizations,
  statementPermissions,
  statementWritingOrganizations,
} from '../src/policy/statement-policy.js';
import type { StatementPurpose, StatementState } from '../src/statement-schemas.js';
import { person, tableActors } from './fixtures/actors.js';
import {
  type StatementActorKind,
  type StatementTableAction,
  type StatementTableCase,
  statementTableAllows,
} from './fixtures/permission-table.js';

const KINDS = tableActors({
  sending: 'ofa',
  receiving: 'dmtf',
  'third-party': 'snia',
}) satisfies Record<StatementActorKind, Actor>;

const CASES: Record<
  StatementTableCase,
  { state: StatementState; visibility: 'parties' | 'public' }
> = {
  draft: { state: 'draft', visibility: 'parties' },
  'sent to parties': { state: 'sent', visibility: 'parties' },
  'sent public': { state: 'sent', visibility: 'public' },
};

const statement = (
  state: StatementState,
  visibility: 'parties' | 'public' = 'parties',
  purpose: StatementPurpose = 'comment',
) => ({ from: 'ofa', to: ['dmtf'], state, visibility, purpose, answered: false });

/** What the caller may do now: read from the policy, the rest from the permissions it returns. */
function allowedNow(actor: Actor, subject: ReturnType<typeof statement>): StatementTableAction[] {
  const permissions = statementPermissions(actor, subject);
  const now: StatementTableAction[] = [];
  if (allowStatement(actor, 'read', subject)) now.push('read');
  if (permissions.edit) now.push('edit');
  if (permissions.send) now.push('send');
  if (permissions.withdraw) now.push('withdraw');
  if (permissions.markAnswered) now.push('mark-answered');
  if (permissions.reply) now.push('reply');
  return now;
}

describe('statement policy: the permission table', () => {
  for (const [name, { state, visibility }] of Object.entries(CASES) as Array<
    [StatementTableCase, (typeof CASES)[StatementTableCase]]
  >) {
    it.each(Object.keys(KINDS) as StatementActorKind[])(`${name}: %s`, (kind) => {
      const expected = (
        ['read', 'edit', 'send', 'withdraw', 'mark-answered', 'reply'] as const
      ).filter((action) => statementTableAllows(kind, name, action));
      expect(allowedNow(KINDS[kind], statement(state, visibility))).toEqual(expected);
    });
  }
});

describe('statement policy', () => {
  it('keeps a withdrawn statement readable to its audience, and nothing else', () => {
    const withdrawn = statement('withdrawn');
    expect(allowedNow(KINDS['receiving admin'], withdrawn)).toEqual(['read']);
    expect(allowedNow(KINDS['sending admin'], withdrawn)).toEqual(['read']);
    expect(allowedNow(KINDS['third-party admin'], withdrawn)).toEqual([]);
  });

  it('lets every receiver of a statement to several organizations read it', () => {
    const toTwo = { ...statement('sent'), to: ['dmtf', 'snia'] };
    expect(allowStatement(KINDS['third-party member'], 'read', toTwo)).toBe(true);
    expect(allowStatement(person('x', { spdk: 'admin' }), 'read', toTwo)).toBe(false);
  });

  it('counts a scoped sign-in only for its own organization', () => {
    const both = { ofa: 'admin', dmtf: 'admin' } as const;
    const viaDmtf = person('p', both, { scope: 'dmtf' });
    expect(allowStatement(viaDmtf, 'send', statement('draft'))).toBe(false);
    expect(allowStatement(viaDmtf, 'read', statement('draft'))).toBe(false);
    expect(allowStatement(viaDmtf, 'mark-answered', statement('sent'))).toBe(true);
  });

  it('marks answered only what is owed: a sent comment or action not yet answered', () => {
    const admin = KINDS['receiving admin'];
    const owedCases: Array<[StatementPurpose, StatementState, boolean, boolean]> = [
      ['comment', 'sent', false, true],
      ['action', 'sent', false, true],
      ['information', 'sent', false, false],
      ['response', 'sent', false, false],
      ['comment', 'sent', true, false],
      ['comment', 'withdrawn', false, false],
      ['comment', 'draft', false, false],
    ];
    for (const [purpose, state, answered, owed] of owedCases) {
      expect(isStatementOwed({ purpose, state, answered })).toBe(owed);
      const subject = { ...statement(state, 'parties', purpose), answered };
      expect(statementPermissions(admin, subject).markAnswered).toBe(owed);
    }
  });

  it('lets editors and admins of the receivers reply, for their own organization only', () => {
    const editorOfBoth = person('e', { dmtf: 'editor', snia: 'member' });
    expect(repliesFor(editorOfBoth, { to: ['dmtf', 'snia'] })).toEqual(['dmtf']);
    expect(repliesFor(KINDS['receiving member'], { to: ['dmtf'] })).toEqual([]);
  });

  it('refuses every action but read to an anonymous caller, even on a public statement', () => {
    const actions: StatementAction[] = ['edit', 'send', 'withdraw', 'mark-answered', 'reply'];
    for (const action of actions) {
      expect(allowStatement(ANONYMOUS, action, statement('sent', 'public'))).toBe(false);
    }
  });

  it('names the organizations a person writes for and approves for', () => {
    const actor = person('p', { ofa: 'admin', dmtf: 'editor', snia: 'member' });
    expect(statementWritingOrganizations(actor).sort()).toEqual(['dmtf', 'ofa']);
    expect(statementApprovingOrganizations(actor)).toEqual(['ofa']);
  });
});

describe('statement addresses', () => {
  const register = { state: 'approved' as const, parties: ['ofa', 'dmtf'] };

  it('accepts a party writing to another party of an approved register', () => {
    expect(statementAddressRefusal({ from: 'ofa', to: ['dmtf'] }, register)).toBeNull();
  });

  it('refuses a draft register, a stranger, and writing to oneself', () => {
    expect(
      statementAddressRefusal({ from: 'ofa', to: ['dmtf'] }, { ...register, state: 'draft' }),
    ).toBe('register_not_approved');
    expect(statementAddressRefusal({ from: 'ofa', to: ['dmtf', 'snia'] }, register)).toBe(
      'not_a_party',
    );
    expect(statementAddressRefusal({ from: 'snia', to: ['dmtf'] }, register)).toBe('not_a_party');
    expect(statementAddressRefusal({ from: 'ofa', to: ['ofa'] }, register)).toBe(
      'statement_to_self',
    );
  });
});
