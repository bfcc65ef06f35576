import 'server-only';
import { createHash } from 'node:crypto';
import type { Submission, SubmissionBox, SubmissionSummary } from '@liaison/core';
import { type AllPages, type ApiResponse, fromApi, fromApiAllPages } from './api';

// The submission calls the pages make, as the signed-in person. The API decides what they may
// see; a submission they may not read answers 404 like a missing one.

export function getSubmission(id: string): Promise<ApiResponse<Submission>> {
  return fromApi((client) => client.getSubmission(id));
}

export function listSubmissions(
  box: SubmissionBox,
): Promise<ApiResponse<AllPages<SubmissionSummary>>> {
  return fromApiAllPages((client, page) => client.listSubmissions({ box, ...page }));
}

export interface ShownPolicy {
  text: string;
  /** SHA-256 of exactly the text above (UTF-8), computed here from what the page shows. */
  sha256: string;
  /** Where the organization publishes its official policy (https), or null. */
  url: string | null;
}

/** An organization's IPR policy as the create form shows it; null when it has none. */
export async function getIprPolicy(slug: string): Promise<ApiResponse<ShownPolicy | null>> {
  const answer = await fromApi((client) => client.getIprPolicy(slug));
  if (!answer.ok) {
    if (answer.error.status === 404 || answer.error.code === 'no_ipr_policy') {
      return { ok: true, data: null };
    }
    return answer;
  }
  const text = answer.data.text;
  if (text.trim() === '') return { ok: true, data: null };
  return {
    ok: true,
    data: {
      text,
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      url: answer.data.url,
    },
  };
}

/**
 * How many submissions to organizations the viewer administers wait for a review to start (for
 * the main navigation); null when the API does not say in time. Capped at the API's page size.
 */
export async function incomingWaitingCount(): Promise<number | null> {
  const answer = await fromApi(
    (client) => client.listSubmissions({ box: 'incoming', state: 'submitted', limit: 100 }),
    { timeoutMs: 2_000 },
  );
  return answer.ok ? answer.data.items.length : null;
}

/** Open submissions the viewer's side sent (submitted or under review); null when not known. */
export async function openOutgoingCount(): Promise<number | null> {
  const answer = await listSubmissions('outgoing');
  return answer.ok
    ? answer.data.items.filter(
        (item) => item.state === 'submitted' || item.state === 'under-review',
      ).length
    : null;
}

/** For a member who may not submit: each of their organizations' admins, whom to ask. */
export async function adminsToAsk(
  organizations: readonly string[],
): Promise<Array<{ organization: string; admins: Array<{ name: string; email: string }> }>> {
  const answers = await Promise.all(
    organizations.map((organization) =>
      fromApi((client) => client.listOrganizationAdmins(organization)),
    ),
  );
  return organizations.map((organization, index) => {
    const answer = answers[index];
    return { organization, admins: answer?.ok ? answer.data.items : [] };
  });
}
