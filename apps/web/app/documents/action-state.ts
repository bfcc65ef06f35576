import type { FieldErrors } from '../../lib/document-rules';

/** What a document Server Action answers to the form that called it. */
export interface ActionState {
  status: 'idle' | 'error' | 'success';
  message?: string;
  fieldErrors?: FieldErrors;
  /** The document a successful "create" made. */
  documentId?: string;
  documentIdentifier?: string;
}

export const IDLE: ActionState = { status: 'idle' };
