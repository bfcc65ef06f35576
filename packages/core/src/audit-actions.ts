/**
 * Every action the audit log records, with the words the audit page shows for it. The API can
 * record no other (NewAuditEvent.action is typed by this list) and its filter accepts no other, so
 * the page's choice of actions is always complete and never offers one that matches nothing.
 */
export const AUDIT_ACTIONS = {
  'auth.login': 'Signed in',
  'auth.login-failed': 'Failed to sign in',
  'auth.sign-out': 'Signed out',
  'document.create': 'Created a document',
  'document.update': 'Changed a document',
  'document.delete': 'Deleted a document',
  'version.upload': 'Uploaded a version',
  'version.view': 'Previewed a version',
  'version.download': 'Downloaded a version',
  'version.withdraw': 'Withdrew a version',
  'token.create': 'Created an API token',
  'token.revoke': 'Revoked an API token',
  'membership.invite': 'Invited a member',
  'membership.revoke-invitation': 'Revoked an invitation',
  'membership.accept-invitation': 'Accepted an invitation',
  'membership.add': 'Added a member',
  'membership.change-role': "Changed a member's role",
  'membership.remove': 'Removed a member',
  'organization.create': 'Created an organization',
  'organization.update': 'Changed an organization',
  'organization.sso-configure': "Configured an organization's sign-in",
  'organization.sso-remove': "Removed an organization's sign-in",
  'register.create': 'Created a register',
  'register.update': 'Changed a register',
  'register.import.create': 'Imported a new register',
  'register.import.replace': 'Imported over a register',
  'register.milestone.add': 'Added a milestone',
  'register.milestone.edit': 'Changed a milestone',
  'register.milestone.remove': 'Removed a milestone',
  'register.commitment.add': 'Added a commitment',
  'register.commitment.edit': 'Changed a commitment',
  'register.commitment.remove': 'Removed a commitment',
  'register.contact.add': 'Added a contact',
  'register.contact.edit': 'Changed a contact',
  'register.contact.remove': 'Removed a contact',
  'register.approval.record': 'Recorded an approval',
  'register.approval.clear': 'Cleared an approval',
  'submission.create': 'Submitted',
  'submission.comment': 'Commented on a submission',
  'submission.transition': 'Changed the state of a submission',
  'submission.file.view': 'Previewed a submission file',
  'submission.file.download': 'Downloaded a submission file',
  'submission.document.create': 'Made a document from a submission',
  'submission.document.link': 'Linked a document to a submission',
  'statement.create': 'Drafted a liaison statement',
  'statement.update': 'Changed a draft statement',
  'statement.delete': 'Discarded a draft statement',
  'statement.attachment.add': 'Attached a file to a statement',
  'statement.attachment.remove': 'Removed a file from a statement',
  'statement.attachment.view': 'Previewed a statement attachment',
  'statement.attachment.download': 'Downloaded a statement attachment',
  'statement.send': 'Sent a liaison statement',
  'statement.withdraw': 'Withdrew a liaison statement',
  'statement.answer': 'Marked a statement answered',
  'review.open': 'Opened a review',
  'review.update': 'Changed a review',
  'review.close': 'Closed a review early',
  'review.log.publish': 'Published a resolution log',
  'review.comment.create': 'Commented in a review',
  'review.comment.update': 'Edited a review comment',
  'review.comment.withdraw': 'Withdrew a review comment',
  'review.comment.dispose': 'Gave a review comment its disposition',
  'review.comment.attachment.view': 'Previewed a review comment attachment',
  'review.comment.attachment.download': 'Downloaded a review comment attachment',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && Object.hasOwn(AUDIT_ACTIONS, value);
}
