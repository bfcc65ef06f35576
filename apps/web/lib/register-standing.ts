/**
 * What the register page says about a register's standing, in one consistent voice: the state
 * and each party's approval agree (an approved register whose party approval is not recorded in
 * Liaison says so, instead of showing "Approved" beside "Pending"), and the review notice is a
 * red alert for the parties' admins, who act on it, and a calm note for everyone else.
 */
import type { RegisterApproval, RegisterPermissions, RegisterState } from '@liaison/core';

export type ApprovalStanding =
  | { kind: 'approved' }
  /** Approved, with no date recorded. */
  | { kind: 'approved-undated' }
  /** The register is approved but this party's approval is not recorded in Liaison. */
  | { kind: 'not-recorded' }
  /** A draft waiting for this party's approval. */
  | { kind: 'pending' };

export function approvalStanding(
  state: RegisterState,
  approval: Pick<RegisterApproval, 'state' | 'approvedOn'>,
): ApprovalStanding {
  if (approval.state === 'approved') {
    return approval.approvedOn ? { kind: 'approved' } : { kind: 'approved-undated' };
  }
  return state === 'approved' ? { kind: 'not-recorded' } : { kind: 'pending' };
}

export const APPROVAL_LABELS: Record<ApprovalStanding['kind'], string> = {
  approved: 'Approved',
  'approved-undated': 'Approved, date not recorded',
  'not-recorded': 'Approval not recorded',
  pending: 'Pending',
};

/**
 * The one line beside the title that says where the register stands: "Approved", "Approved; the
 * approval of DMTF is not recorded here", "Draft: awaiting the approval of …".
 */
export function standingSummary(
  state: RegisterState,
  approvals: readonly Pick<RegisterApproval, 'party' | 'state' | 'approvedOn'>[],
  nameOf: (party: string) => string,
): string {
  const missing = approvals
    .filter((approval) => approval.state !== 'approved')
    .map((approval) => nameOf(approval.party));
  if (state === 'draft') {
    return missing.length === 0
      ? 'Draft: every party has approved it; the operator has not marked it approved yet.'
      : `Draft: awaiting the approval of ${joinNames(missing)}.`;
  }
  return missing.length === 0
    ? 'Approved by every party.'
    : `Approved; the approval of ${joinNames(missing)} is not recorded in Liaison.`;
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * How an overdue review is shown: as an alert to the parties' admins (who may edit the register,
 * the API's `permissions.editDetails`), as a calm note to everyone else.
 */
export function overdueNotice(permissions: Pick<RegisterPermissions, 'editDetails'>) {
  return permissions.editDetails ? 'alert' : 'note';
}
