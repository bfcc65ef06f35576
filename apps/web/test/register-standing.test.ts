import type { RegisterHistoryEvent } from '@liaison/core';
import { describe, expect, it } from 'vitest';
import { describeEvent, fieldChanges } from '../lib/register-history';
import { approvalStanding, overdueNotice, standingSummary } from '../lib/register-standing';

const names: Record<string, string> = { ofa: 'OpenFabrics Alliance', dmtf: 'DMTF' };
const nameOf = (party: string) => names[party] ?? party;

describe('the register’s standing', () => {
  it('says an approved register whose party approval is not recorded so, never “Pending”', () => {
    const approvals = [
      { party: 'ofa', state: 'approved' as const, approvedOn: null },
      { party: 'dmtf', state: 'pending' as const, approvedOn: null },
    ];
    expect(standingSummary('approved', approvals, nameOf)).toBe(
      'Approved; the approval of DMTF is not recorded in Liaison.',
    );
    expect(approvalStanding('approved', approvals[1]!)).toEqual({ kind: 'not-recorded' });
    expect(approvalStanding('draft', approvals[1]!)).toEqual({ kind: 'pending' });
    expect(approvalStanding('approved', approvals[0]!)).toEqual({ kind: 'approved-undated' });
    expect(standingSummary('draft', approvals, nameOf)).toBe(
      'Draft: awaiting the approval of DMTF.',
    );
    expect(
      standingSummary(
        'approved',
        approvals.map((a) => ({ ...a, state: 'approved' as const })),
        nameOf,
      ),
    ).toBe('Approved by every party.');
  });

  it('alerts the parties’ admins to an overdue review and tells everyone else calmly', () => {
    expect(overdueNotice({ editDetails: true })).toBe('alert');
    expect(overdueNotice({ editDetails: false })).toBe('note');
  });
});

const event = (fields: Partial<RegisterHistoryEvent>): RegisterHistoryEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  at: '2026-12-05T00:00:00.000Z',
  actor: { name: 'OFA Admin', email: 'admin@ofa.example' },
  onBehalfOf: 'ofa',
  action: 'register.milestone.edit',
  itemKind: 'milestone',
  itemId: 'm1',
  before: null,
  after: null,
  ...fields,
});

describe('the register’s history', () => {
  it('names what changed and each field before → after', () => {
    const changed = event({
      before: { id: 'm1', deliverable: 'Plugfest', state: 'planned', doneOn: null },
      after: { id: 'm1', deliverable: 'Plugfest', state: 'done', doneOn: '2018-11-01' },
    });
    expect(describeEvent(changed, nameOf)).toBe('Changed the milestone “Plugfest”');
    expect(fieldChanges(changed)).toEqual([
      { field: 'State', before: 'planned', after: 'done' },
      { field: 'Date done', before: '–', after: '2018-11-01' },
    ]);
  });

  it('describes additions, removals and approvals', () => {
    const added = event({
      action: 'register.contact.add',
      itemKind: 'contact',
      after: { id: 'c', party: 'dmtf', role: 'VP', address: 'vp@dmtf.example', open: false },
    });
    expect(describeEvent(added, nameOf)).toBe('Added the point of contact “VP”');
    expect(fieldChanges(added)).toContainEqual({
      field: 'Address',
      before: '',
      after: 'vp@dmtf.example',
    });
    const approval = event({
      action: 'register.approval.record',
      itemKind: 'approval',
      itemId: 'dmtf',
      before: { state: 'pending', resolutionDocument: null },
      after: {
        state: 'approved',
        resolutionDocument: { organization: 'dmtf', identifier: 'BR-1' },
      },
    });
    expect(describeEvent(approval, nameOf)).toBe('Recorded the approval of DMTF');
    expect(fieldChanges(approval)).toContainEqual({
      field: 'Resolution document',
      before: '–',
      after: 'dmtf/BR-1',
    });
  });
});
