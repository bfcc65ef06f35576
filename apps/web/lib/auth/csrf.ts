import 'server-only';
import { cookies } from 'next/headers';

const CSRF_COOKIES = ['__Host-next-auth.csrf-token', 'next-auth.csrf-token'];

/**
 * next-auth's CSRF token, read on the server from its cookie (`<token>|<hash>`), so the login and
 * sign-out forms work as plain HTML forms. Empty when the visitor has no such cookie yet: the
 * form then fetches one before it submits (lib/auth/csrf-form.tsx).
 */
export async function csrfToken(): Promise<string> {
  const jar = await cookies();
  const raw = CSRF_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!raw) return '';
  let value = raw;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return '';
  }
  const token = value.split('|')[0] ?? '';
  return /^[0-9a-f]{64}$/.test(token) ? token : '';
}
