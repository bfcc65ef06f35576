import { PASSWORD_RESET_VALID_MINUTES } from '@liaison/core';
import { enqueueMail, type Queryable } from '@liaison/db';

/**
 * In the transaction that recorded the reset: the mail with its link. The link carries the secret
 * token, which is stored nowhere else in clear.
 */
export function enqueuePasswordResetMail(
  client: Queryable,
  reset: { email: string; name: string; token: string },
): Promise<number> {
  return enqueueMail(client, {
    kind: 'account.password-reset',
    recipients: [reset.email],
    subject: 'Reset your Liaison password',
    text: [
      `Hello ${reset.name},`,
      '',
      `Someone, probably you, asked to reset the password of your Liaison account. Open the link below within ${PASSWORD_RESET_VALID_MINUTES} minutes to choose a new one; it works once.`,
      'Choosing a new password signs you out everywhere else.',
      'If you did not ask for this, ignore this mail: your password stays as it is.',
    ].join('\n'),
    linkPath: `/password-reset/${reset.token}`,
  });
}
