import { reviewingOrganizations, submittingOrganizations } from '@liaison/core';
import Link from 'next/link';
import { listOrganizations } from '../../lib/api';
import { viewerActor } from '../../lib/auth/viewer-actor';
import { requireViewer } from '../../lib/session';
import {
  adminsToAsk,
  incomingWaitingCount,
  listSubmissions,
  openOutgoingCount,
} from '../../lib/submission-api';
import { ApiErrorNotice } from '../admin/api-error-notice';
import { PageHead } from '../page-head';
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
  const [result, otherCount] = await Promise.all([
    box === 'incoming' && !isAdmin ? null : listSubmissions(box),
    box === 'outgoing' ? (isAdmin ? incomingWaitingCount() : null) : openOutgoingCount(),
  ]);
  const items = result?.ok ? result.data.items : [];
  const open = items.filter((item) => OPEN_STATES.has(item.state));
  const closed = items.filter((item) => !OPEN_STATES.has(item.state));
  const shownCount =
    result?.ok === true
      ? box === 'outgoing'
        ? open.length
        : items.filter((item) => item.state === 'submitted').length
      : null;
  const what = box === 'outgoing' ? 'sent' : 'received';

  return (
    <>
      <PageHead
        title={box === 'outgoing' ? 'My submissions' : 'Incoming submissions'}
        lead={
          box === 'outgoing'
            ? isAdmin
              ? 'Contributions you, and the organizations you administer, submitted to partners under a work register.'
              : 'Contributions you submitted to partners under a work register.'
            : 'Contributions partners submitted to the organizations you administer: review them, comment and decide.'
        }
      >
        {canSubmit && (
          <Link className="button" href="/submissions/new">
            New submission
          </Link>
        )}
      </PageHead>
      <SubmissionTabs
        current={box}
        incoming={isAdmin}
        openOutgoing={box === 'outgoing' ? shownCount : otherCount}
        newIncoming={box === 'incoming' ? shownCount : otherCount}
      />
      {!canSubmit && box === 'outgoing' && <WhoMaySubmit organizations={[...actor.roles.keys()]} />}

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

/**
 * Why a member sees no "New submission", and whom to ask: submitting is for editors and admins,
 * so the member's own organizations' admins are named (the API shows them to members only).
 */
async function WhoMaySubmit({ organizations }: { organizations: string[] }) {
  if (organizations.length === 0) return null;
  const [asked, known] = await Promise.all([adminsToAsk(organizations), listOrganizations()]);
  const nameOf = (slug: string) =>
    (known.ok ? known.data.find((organization) => organization.slug === slug)?.name : null) ?? slug;
  return (
    <div className="notice notice--info">
      <p className="notice__title">Submitting is for editors and admins</p>
      <ul>
        {asked.map(({ organization, admins }) => (
          <li key={organization}>
            To submit for {nameOf(organization)}, ask{' '}
            {admins.length === 0
              ? 'one of its admins'
              : admins.map((admin, index) => (
                  <span key={admin.email}>
                    {index > 0 && (index === admins.length - 1 ? ' or ' : ', ')}
                    {admin.name} (<a href={`mailto:${admin.email}`}>{admin.email}</a>)
                  </span>
                ))}{' '}
            to make you an editor.
          </li>
        ))}
      </ul>
    </div>
  );
}
