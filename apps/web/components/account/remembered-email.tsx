'use client';

import { EMAIL_MAX_LENGTH } from '@liaison/core';
import { useEffect, useRef } from 'react';

const KEY = 'liaison.sign-in-email';

/**
 * The sign-in form's e-mail field. A failed sign-in comes back through next-auth's redirect with an
 * empty form; the address typed last (kept in this tab's session storage) is filled in again so
 * only the password needs retyping.
 */
export function RememberedEmail({
  describedBy,
  refill,
}: {
  describedBy?: string;
  refill: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const field = input.current;
    if (!field) return;
    if (refill && !field.value) field.value = sessionStorage.getItem(KEY) ?? '';
    const remember = () => sessionStorage.setItem(KEY, field.value);
    field.form?.addEventListener('submit', remember);
    return () => field.form?.removeEventListener('submit', remember);
  }, [refill]);
  return (
    <input
      ref={input}
      id="email"
      name="email"
      type="email"
      autoComplete="username"
      required
      maxLength={EMAIL_MAX_LENGTH}
      aria-describedby={describedBy}
    />
  );
}
