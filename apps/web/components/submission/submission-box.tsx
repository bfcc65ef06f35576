import { reviewingOrganizations, submittingOrganizations } from '@liaison/core';
import Link from 'next/link';
import { viewerActor } from '../../lib/auth/viewer-actor';
import { requireViewer } from '../../lib/session';
import { listSubmissions } from '../../lib/submission-api';
import { ApiErrorNotice } from '../admin/api-error-notice';
import { SubmissionTable } from './submission-table';
import { SubmissionTabs } from './submission-tabs';

const OPEN_STATES = new Set(['submitted', 'under-review']);

/** One box of submissions (what my side sent, or what my organizations received), open first. */
export async function SubmissionBox({ box }: { box: 'outgoing' | 'incoming' }) {
  const path = box === 'outgoing' ? '/submissions' : '/submissions/incoming';
  const viewer = await requireViewer(path);
  const actor = viewerActor(viewer);
  const isAdmin = reviewingOrganizations(actor).length > 0;
  const canSubmit = submittingOrganizations(actor).length > 0;
  const result = box === 'incoming' && !isAdmin ? null : await listSubmissions(box);
  const items = result?.ok ? result.data.items : [];
  const open = items.filter((item) => OPEN_STATES.has(item.state));
  const closed = items.filter((item) => !OPEN_STATES.has(item.state));
  const what = box === 'outgoing' ? 'sent' : 'received';

  return (
    <>
      <div className="page-head">
        <div className="page-head__text">
          <h1>{box === 'outgoing' ? 'My submissions' : 'Incoming submissions'}</h1>
          <p className="lead">
            {box === 'outgoing'
              ? isAdmin
                ? 'Contributions you, and the organizations you administer, submitted to partners under a work register.'
                : 'Contributions you submitted to partners under a work register.'
              : 'Contributions partners submitted to the organizations you administer: review them, comment and decide.'}
          </p>
        </div>
        {canSubmit && (
          <Link className="button" href="/submissions/new">
            New submission
          </Link>
        )}
      </div>
      <SubmissionTabs current={box} incoming={isAdmin} />

      {result === null ? (
        <p className="empty">
          Incoming submissions are reviewed by the admins of the receiving organization.
        </p>
      ) : !result.ok ? (
        <ApiErrorNotice error={result.error} what="the submissions" returnTo={path} />
      ) : items.length === 0 ? (
        <p className="empty">
          {box === 'outgoing' ? 'Nothing submitted yet.' : 'No submission has been received yet.'}
          {box === 'outgoing' && canSubmit && (
            <>
              {' '}
              <Link href="/submissions/new">Submit a contribution</Link>.
            </>
          )}
        </p>
      ) : (
        <>
          <section className="section" aria-labelledby={`${box}-open`}>
            <h2 id={`${box}-open`}>Open ({open.length})</h2>
            {open.length === 0 ? (
              <p className="empty">No submission {what} is waiting for a decision.</p>
            ) : (
              <SubmissionTable caption={`Open submissions ${what}`} submissions={open} />
            )}
          </section>
          {closed.length > 0 && (
            <section className="section" aria-labelledby={`${box}-closed`}>
              <h2 id={`${box}-closed`}>Decided or withdrawn ({closed.length})</h2>
              <SubmissionTable
                caption={`Submissions ${what} that were decided or withdrawn`}
                submissions={closed}
              />
            </section>
          )}
          {result.data.truncated && (
            <p className="muted">Only the newest {items.length} submissions are shown.</p>
          )}
        </>
      )}
    </>
  );
}
