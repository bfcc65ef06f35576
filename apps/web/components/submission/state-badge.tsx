import type { SubmissionState } from '@liaison/core';
import {
  SUBMISSION_STATE_DESCRIPTIONS,
  SUBMISSION_STATE_LABELS,
  SUBMISSION_STATE_TONES,
} from '../../lib/submission-rules';

export function SubmissionStateBadge({ state }: { state: SubmissionState }) {
  return (
    <span
      className={`badge badge--${SUBMISSION_STATE_TONES[state]}`}
      data-state={state}
      title={SUBMISSION_STATE_DESCRIPTIONS[state]}
    >
      <span className="visually-hidden">State: </span>
      {SUBMISSION_STATE_LABELS[state]}
    </span>
  );
}
