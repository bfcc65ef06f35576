import type { DocumentStatus, Visibility } from '@liaison/core';
import {
  STATUS_LABELS,
  STATUS_TONES,
  VISIBILITY_DESCRIPTIONS,
  VISIBILITY_LABELS,
  VISIBILITY_TONES,
} from '../lib/format';
import { OutlineIcon } from './outline-icon';

export function StatusBadge({ status }: { status: DocumentStatus }) {
  return (
    <span className={`badge badge--${STATUS_TONES[status]}`} data-status={status}>
      <span className="visually-hidden">Status: </span>
      {STATUS_LABELS[status]}
    </span>
  );
}

export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  return (
    <span
      className={`badge badge--outline badge--${VISIBILITY_TONES[visibility]}`}
      data-visibility={visibility}
      title={VISIBILITY_DESCRIPTIONS[visibility]}
    >
      <VisibilityIcon visibility={visibility} />
      <span className="visually-hidden">Visibility: </span>
      {VISIBILITY_LABELS[visibility]}
    </span>
  );
}

function VisibilityIcon({ visibility }: { visibility: Visibility }) {
  return (
    <OutlineIcon className="badge__icon" viewBox="0 0 16 16" size={14}>
      {visibility === 'public' && (
        <>
          <circle cx="8" cy="8" r="6.2" />
          <path d="M1.8 8h12.4M8 1.8c1.8 1.7 2.6 3.8 2.6 6.2S9.8 12.5 8 14.2M8 1.8C6.2 3.5 5.4 5.6 5.4 8s.8 4.5 2.6 6.2" />
        </>
      )}
      {visibility === 'partners' && (
        <>
          <circle cx="5.5" cy="5.5" r="2.3" />
          <circle cx="11" cy="6.5" r="2" />
          <path d="M1.5 13.5c.4-2.4 2-3.8 4-3.8s3.6 1.4 4 3.8M10 10.1c.3-.1.7-.2 1-.2 1.8 0 3.1 1.2 3.5 3.4" />
        </>
      )}
      {visibility === 'organization' && (
        <>
          <rect x="3" y="7" width="10" height="7" rx="1.5" />
          <path d="M5.3 7V5a2.7 2.7 0 0 1 5.4 0v2" />
        </>
      )}
    </OutlineIcon>
  );
}
