import type { JobList, JobState } from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminPageHead } from '../../../components/admin/admin-page-head';
import { ApiErrorNotice } from '../../../components/admin/api-error-notice';
import { OperatorOnly } from '../../../components/admin/operator-only';
import { CaptionedTable } from '../../../components/captioned-table';
import { DateTime } from '../../../components/register/dates';
import tables from '../../../components/register/registers.module.css';
import { callApi } from '../../../lib/api';
import type { QueryPageProps } from '../../../lib/page-props';
import { requireViewer } from '../../../lib/session';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Background jobs' };

const STATES: { state: JobState; label: string; empty: string }[] = [
  { state: 'failed', label: 'Failed', empty: 'No failed jobs.' },
  { state: 'pending', label: 'Pending', empty: 'Nothing waiting: the queue is empty.' },
];

/** The operator's view of the background job queue: jobs out of attempts, and the backlog. */
export default async function AdminJobsPage({ searchParams }: QueryPageProps) {
  const viewer = await requireViewer('/admin/jobs');
  if (!viewer.operator) return <OperatorOnly title="Background jobs" />;
  const { state: asked } = await searchParams;
  const shown = STATES.find((entry) => entry.state === asked) ?? STATES[0]!;
  const jobs = await callApi<JobList>('/api/v1/admin/jobs', {
    query: { state: shown.state, limit: 200 },
  });

  return (
    <>
      <AdminPageHead title="Background jobs">
        Mail delivery, reminders and the storage reaper run as jobs. A job that fails is tried again
        later, waiting longer each time; one that has failed every attempt stays here as failed
        until someone looks into it. Times are in UTC.
      </AdminPageHead>
      <p>
        {STATES.map((entry, index) => (
          <span key={entry.state}>
            {index > 0 && ' · '}
            {entry.state === shown.state ? (
              <strong aria-current="page">{entry.label}</strong>
            ) : (
              <Link href={`/admin/jobs?state=${entry.state}`}>{entry.label}</Link>
            )}
          </span>
        ))}
      </p>
      {!jobs.ok ? (
        <ApiErrorNotice error={jobs.error} what="the jobs" returnTo="/admin/jobs" />
      ) : jobs.data.items.length === 0 ? (
        <p className={tables.empty}>{shown.empty}</p>
      ) : (
        <CaptionedTable
          caption={
            <>
              {shown.label} jobs ({jobs.data.items.length})
            </>
          }
          columns={[
            'Task',
            'Attempts',
            shown.state === 'failed' ? 'Last due' : 'Runs at',
            'Last error',
          ]}
        >
          {jobs.data.items.map((job) => (
            <tr key={job.id}>
              <th scope="row">
                <code>{job.task}</code>
                <span className={tables.identifier}>job {job.id}</span>
              </th>
              <td data-label="Attempts">
                {job.attempts} of {job.maxAttempts}
                {job.running && ' (running)'}
              </td>
              <td data-label={shown.state === 'failed' ? 'Last due' : 'Runs at'}>
                <DateTime value={job.runAt} />
              </td>
              <td data-label="Last error">{job.lastError ?? '—'}</td>
            </tr>
          ))}
        </CaptionedTable>
      )}
    </>
  );
}
