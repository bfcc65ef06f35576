/** What a submission Server Action answers to the form that called it. */
export interface SubmissionActionState {
  status: 'idle' | 'error' | 'success';
  message?: string;
  fieldErrors?: Partial<Record<string, string>>;
}

export const IDLE: SubmissionActionState = { status: 'idle' };
