import { createHash } from 'node:crypto';
import { ConflictError } from '@liaison/core';

/** The SHA-256 a submitter or commenter acknowledges: of the policy text's UTF-8 bytes, as shown. */
export function iprPolicySha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The refusal of an acknowledgement that does not name the text it acknowledges. */
export const IPR_HASH_MISSING = {
  code: 'ipr_not_accepted',
  message: "Send 'iprPolicySha256': the SHA-256 (64 lowercase hex digits) of the policy text shown",
};

/**
 * The acknowledged SHA-256 must be that of `text`, the policy in force: checked before any byte is
 * stored, and again under the policy's lock just before the write.
 */
export function requireCurrentPolicy(text: string, acknowledgedSha256: string | undefined): void {
  if (iprPolicySha256(text) !== acknowledgedSha256) {
    throw new ConflictError(
      'The IPR policy changed since it was shown: read the current text and acknowledge it again',
      'ipr_policy_changed',
    );
  }
}
