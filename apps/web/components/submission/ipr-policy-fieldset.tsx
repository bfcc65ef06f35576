import type { ShownPolicy } from '../../lib/submission-api';
import type { SubmissionFieldErrors } from '../../lib/submission-rules';
import { describedBy, FieldError } from '../field-error';

/** An organization's IPR policy as shown, with the SHA-256 of exactly that text; null: none. */
export type PolicyByOrganization = Record<string, ShownPolicy | null>;

interface IprPolicyFieldsetProps {
  formId: string;
  policy: ShownPolicy | null;
  toName: string;
  fromName: string;
  acknowledged: boolean;
  onAcknowledge: (acknowledged: boolean) => void;
  errors: SubmissionFieldErrors;
  disabled: boolean;
}

/** The receiver's IPR policy, in full, and the sender's acknowledgement of it. */
export function IprPolicyFieldset({
  formId: id,
  policy,
  toName,
  fromName,
  acknowledged,
  onAcknowledge,
  errors,
  disabled,
}: IprPolicyFieldsetProps) {
  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>IPR policy of {toName}</legend>
      {policy ? (
        <>
          <p className="field__hint">
            Read the whole policy: your acknowledgement is recorded with your name, the time and a
            fingerprint (SHA-256) of exactly this text.
          </p>
          <section
            className="policy-text"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the policy scrolls; keyboards must reach it
            tabIndex={0}
            aria-label={`IPR policy of ${toName}`}
            data-testid="ipr-policy-text"
          >
            {policy.text}
          </section>
          <p className="muted small">
            SHA-256 of this text: <code className="checksum--inline">{policy.sha256}</code>
          </p>
          {policy.url && (
            <p className="small">
              <a href={policy.url} target="_blank" rel="noopener noreferrer">
                {toName}’s official IPR policy
              </a>{' '}
              (opens on {new URL(policy.url).host})
            </p>
          )}
          <div className="field">
            <label className="choice choice--acknowledge">
              <input
                id={`${id}-acceptIpr`}
                type="checkbox"
                checked={acknowledged}
                onChange={(event) => onAcknowledge(event.target.checked)}
                required
                aria-required="true"
                aria-invalid={errors.acceptIpr ? true : undefined}
                aria-describedby={describedBy(id, errors, 'acceptIpr')}
              />
              <span className="choice__label">
                I have read the IPR policy of {toName} above and acknowledge that this contribution
                from {fromName} is made under it.
              </span>
            </label>
            <FieldError formId={id} errors={errors} name="acceptIpr" />
          </div>
        </>
      ) : (
        <div className="notice notice--info">
          <p>
            {toName} has not published an IPR policy in Liaison, so it cannot receive submissions
            yet.
          </p>
        </div>
      )}
    </fieldset>
  );
}
