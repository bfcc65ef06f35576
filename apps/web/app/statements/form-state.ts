import type { StatementFormValues } from '../../lib/statement-rules';
import type { SubmissionActionState } from '../submissions/action-state';

/** What saving the draft form answers: on a refusal, the values sent, to show them again. */
export interface StatementFormState extends SubmissionActionState {
  values?: StatementFormValues;
  /** Counts the refusals, so the form is rebuilt with the values after each one. */
  attempt?: number;
}
