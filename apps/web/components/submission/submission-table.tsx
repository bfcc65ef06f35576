import type { SubmissionSummary } from '@liaison/core';
import Link from 'next/link';
import { submissionPath } from '../../lib/submission-links';
import { ShortDate } from '../register/dates';
import { StackedTable } from '../stacked-table';
import { SubmissionStateBadge } from './state-badge';

/** Submissions as a table, newest first (as the API lists them). */
export function SubmissionTable({
  caption,
  submissions,
}: {
  caption: string;
  submissions: SubmissionSummary[];
}) {
  return (
    <StackedTable
      caption={caption}
      columns={[
        'Reference',
        'Title',
        'From → to',
        'Register',
        'State',
        'Files',
        'Submitted',
        'Last change',
      ]}
      className="submission-table"
    >
      {submissions.map((submission) => (
        <tr key={submission.id}>
          <td data-label="Reference">
            <div className="submission__reference">{submission.reference}</div>
          </td>
          <th scope="row" data-label="Title">
            <div>
              <Link href={submissionPath(submission.id)}>{submission.title}</Link>
            </div>
          </th>
          <td data-label="From → to">
            <div>
              {submission.from.name} <span aria-hidden="true">→</span>
              <span className="visually-hidden"> to </span> {submission.to.name}
            </div>
          </td>
          <td data-label="Register">
            <div>{submission.register.title}</div>
          </td>
          <td data-label="State">
            <div>
              <SubmissionStateBadge state={submission.state} />
            </div>
          </td>
          <td data-label="Files">
            <div>{submission.fileCount}</div>
          </td>
          <td data-label="Submitted">
            <div>
              <ShortDate value={submission.createdAt} />
              {submission.submittedBy && (
                <span className="muted small">by {submission.submittedBy}</span>
              )}
            </div>
          </td>
          <td data-label="Last change">
            <div>
              <ShortDate value={submission.updatedAt} />
            </div>
          </td>
        </tr>
      ))}
    </StackedTable>
  );
}
