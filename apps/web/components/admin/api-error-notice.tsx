import Link from 'next/link';
import type { ApiError } from '../../lib/api';
import styles from './admin.module.css';

/** A failed API call, explained where the content would have been. */
export function ApiErrorNotice({
  error,
  what,
  returnTo,
}: {
  error: ApiError;
  /** What could not be loaded: "the members of OFA". */
  what: string;
  /** Where to come back after signing in again (for expired sessions). */
  returnTo?: string;
}) {
  const missingRoute = error.status === 404 && error.message.startsWith('No route for');
  return (
    <div className={styles.error} role="alert">
      <p className={styles.messageTitle}>
        {capitalizeFirst(what)} cannot be shown{error.status ? ` (HTTP ${error.status})` : ''}.
      </p>
      <p>
        {missingRoute
          ? `The Liaison API does not offer this yet: ${error.message}.`
          : error.message}
      </p>
      {error.status === 401 && (
        <p>
          <Link
            href={`/login?error=expired${returnTo ? `&callbackUrl=${encodeURIComponent(returnTo)}` : ''}`}
          >
            Sign in again
          </Link>
        </p>
      )}
    </div>
  );
}

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
