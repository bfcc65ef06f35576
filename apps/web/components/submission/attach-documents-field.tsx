'use client';

import { useState } from 'react';
import type { AttachOption } from '../../lib/submission-rules';
import { ChoiceOptions } from '../select-options';

interface AttachDocumentsFieldProps {
  formId: string;
  options: readonly AttachOption[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  toName: string;
  disabled: boolean;
}

/**
 * Attaching Liaison documents instead of uploading their files: the API copies the chosen version
 * into the submission, so the receiver sees that copy (and never the document itself).
 */
export function AttachDocumentsField({
  formId: id,
  options,
  chosen,
  onChange,
  toName,
  disabled,
}: AttachDocumentsFieldProps) {
  const [selected, setSelected] = useState('');
  const left = options.filter((option) => !chosen.includes(option.value));
  const labelOf = (value: string) =>
    options.find((option) => option.value === value)?.label ?? value;
  if (options.length === 0) return null;
  return (
    <div className="field" data-field="attach">
      <label htmlFor={`${id}-attach`}>
        Liaison documents<span className="field__optional"> (optional)</span>
      </label>
      <div className="button-row">
        <select
          id={`${id}-attach`}
          value={selected}
          disabled={disabled || left.length === 0}
          onChange={(event) => setSelected(event.target.value)}
          aria-describedby={`${id}-attach-hint`}
        >
          <option value="">Choose a document…</option>
          <ChoiceOptions options={left} />
        </select>
        <button
          type="button"
          className="button button--secondary"
          disabled={disabled || selected === ''}
          onClick={() => {
            onChange([...chosen, selected]);
            setSelected('');
          }}
        >
          Attach
        </button>
      </div>
      <p id={`${id}-attach-hint`} className="field__hint">
        {toName} will see a copy of the version attached, as it is now: not the document itself, nor
        its later versions. Documents that require watermarks are not listed: upload their file
        instead.
      </p>
      {chosen.length > 0 && (
        <ul className="file-list" aria-label="Attached documents">
          {chosen.map((value) => (
            <li key={value}>
              <span className="filename">{labelOf(value)}</span>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={disabled}
                onClick={() => onChange(chosen.filter((other) => other !== value))}
              >
                Remove<span className="visually-hidden"> {labelOf(value)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
