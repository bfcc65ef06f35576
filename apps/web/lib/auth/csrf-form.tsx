'use client';

import type { FormEvent, ReactNode } from 'react';

// One request for a CSRF token however many forms on the page need one: each request without the
// cookie would set a new token and invalidate the others'.
let pendingToken: Promise<string> | undefined;

function fetchCsrfToken(): Promise<string> {
  pendingToken ??= fetch('/api/auth/csrf', { cache: 'no-store', credentials: 'same-origin' })
    .then((response) => response.json() as Promise<{ csrfToken?: unknown }>)
    .then((body) => (typeof body.csrfToken === 'string' ? body.csrfToken : ''))
    .catch(() => '')
    .finally(() => {
      pendingToken = undefined;
    });
  return pendingToken;
}

/**
 * A plain HTML form that posts to next-auth with its CSRF token. The server renders the token
 * from next-auth's cookie; when there was none yet, the token is fetched just before submitting.
 * Without JavaScript and without the cookie, next-auth refuses the post and the login page says
 * the form had expired (the refusal sets the cookie, so the next try works).
 */
export function CsrfForm({
  action,
  csrfToken,
  className,
  children,
  'aria-labelledby': labelledBy,
}: {
  action: string;
  csrfToken: string;
  className?: string;
  children: ReactNode;
  'aria-labelledby'?: string;
}) {
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const field = form.elements.namedItem('csrfToken');
    if (!(field instanceof HTMLInputElement) || field.value) return;
    event.preventDefault();
    field.value = await fetchCsrfToken();
    form.submit();
  }

  return (
    <form
      method="post"
      action={action}
      className={className}
      onSubmit={onSubmit}
      aria-labelledby={labelledBy}
    >
      <input type="hidden" name="csrfToken" defaultValue={csrfToken} />
      {children}
    </form>
  );
}
