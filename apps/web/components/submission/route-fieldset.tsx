'use client';

import type { SubmissionFieldErrors } from '../../lib/submission-rules';
import { RadioChoices } from '../choice';
import { describedBy, FieldError } from '../field-error';
import { OrganizationOptions, RegisterOptions } from '../select-options';
import type { PolicyByOrganization } from './ipr-policy-fieldset';
import type { RouteChoice } from './use-route-choice';

interface RouteFieldsetProps {
  formId: string;
  choice: RouteChoice;
  policies: PolicyByOrganization;
  errors: SubmissionFieldErrors;
  disabled: boolean;
}

/** Where a submission goes: the register, on whose behalf, and to which organization. */
export function RouteFieldset({
  formId: id,
  choice,
  policies,
  errors,
  disabled,
}: RouteFieldsetProps) {
  const { registers, register, setRegister, fromChoices, from, fromName, setFrom } = choice;
  const { toChoices, to, setTo } = choice;
  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>Where it goes</legend>
      <div className="field">
        <label htmlFor={`${id}-route`}>Work register</label>
        <select
          id={`${id}-route`}
          value={register}
          onChange={(event) => setRegister(event.target.value)}
          aria-invalid={errors.route ? true : undefined}
          aria-describedby={describedBy(id, errors, 'route', true)}
        >
          <RegisterOptions registers={registers} />
        </select>
        <p id={`${id}-route-hint`} className="field__hint">
          Submissions go from one party of an approved register to another.
        </p>
        <FieldError formId={id} errors={errors} name="route" />
      </div>
      {fromChoices.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-from`}>Submit on behalf of</label>
          <select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)}>
            <OrganizationOptions organizations={fromChoices} />
          </select>
        </div>
      )}
      <fieldset className="fieldset fieldset--plain">
        <legend className="field__label">Submit to</legend>
        <div className="choice-list">
          <RadioChoices
            name="to"
            choices={toChoices.map((t) => ({
              value: t.slug,
              label: t.name,
              hint: policies[t.slug] ? 'Reviewed by its admins' : 'No IPR policy published yet',
            }))}
            value={to}
            onChange={setTo}
          />
        </div>
      </fieldset>
      {fromChoices.length === 1 && (
        <p className="muted small">Submitted on behalf of {fromName}.</p>
      )}
    </fieldset>
  );
}
