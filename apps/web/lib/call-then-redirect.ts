import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { errorState, type FormState } from '../components/admin/form-state';
import { type ApiCall, callApi } from './api';

/** What a form's action does once the API has agreed to its change. */
export interface AfterChange {
  /** The pages that show what changed, refreshed before going on. */
  refresh: string[];
  /** Where the browser goes next, usually a page that confirms the change. */
  redirectTo: string;
  /** What was submitted, kept by the form when the API refuses. */
  values?: Record<string, string>;
}

/**
 * The end of a form's server action: makes the API call and, when the API agrees, refreshes the
 * pages that show the change and redirects; when it refuses, the form shows the refusal.
 */
export async function callApiThenRedirect(
  path: string,
  call: ApiCall,
  { refresh, redirectTo, values }: AfterChange,
): Promise<FormState> {
  const answer = await callApi(path, call);
  if (!answer.ok) return errorState(answer.error, values);
  for (const page of refresh) revalidatePath(page);
  redirect(redirectTo);
}
