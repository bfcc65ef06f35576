import { type DocumentSummary, SUBMISSION_MAX_FILES, type Submission } from '@liaison/core';
import Link from 'next/link';
import { ApiErrorNotice } from '../../../components/admin/api-error-notice';
import { DetailPage } from '../../../components/detail-page';
import { Fact } from '../../../components/fact';
import { StoredFileTable } from '../../../components/stored-file-table';
import { AddFilesForm } from '../../../components/submission/add-files-form';
import { CreateDocumentForm, LinkDocumentForm } from '../../../components/submission/adopt-forms';
import { CommentForm } from '../../../components/submission/comment-form';
import { DecisionButton } from '../../../components/submission/decision-button';
import { SubmissionStateBadge } from '../../../components/submission/state-badge';
import { type AllPages, type ApiResponse, fromApiAllPages, listDocuments } from '../../../lib/api';
import { detailTitle } from '../../../lib/detail-loader';
import { formatDate, formatDateTime } from '../../../lib/format';
import { noticeFrom, type SegmentPageProps } from '../../../lib/page-props';
import { requireViewer } from '../../../lib/session';
import { submissionDownloadHref, submissionPath } from '../../../lib/submission-links';
import {
  attachOptions,
  type DecisionChoice,
  decisionChoices,
  historyLabel,
  SUBMISSION_STATE_DESCRIPTIONS,
  SUBMISSION_STATE_LABELS,
} from '../../../lib/submission-rules';
import {
  commentSubmissionAction,
  createDocumentFromSubmissionAction,
  linkDocumentToSubmissionAction,
  transitionSubmissionAction,
} from '../actions';
import { loadSubmission } from './data';

export const dynamic = 'force-dynamic';

const NOTICES: Record<string, string> = {
  submitted: 'Your submission was received. The admins of the receiving organization review it.',
  'under-review': 'The review has started; the submitter can see it.',
  accepted: 'The submission was accepted.',
  declined: 'The submission was declined.',
  withdrawn: 'The submission was withdrawn.',
  commented: 'Your comment was posted.',
  'document-created': 'The document was created from the submitted file.',
  'document-linked': 'The document was linked to this submission.',
  'files-added': 'The files were added. The receiving organization’s admins were told.',
};

export const generateMetadata = detailTitle(
  loadSubmission,
  (submission) => `${submission.reference} · ${submission.title}`,
  'Submission',
);

export default async function SubmissionPage({ params, searchParams }: SegmentPageProps<'id'>) {
  const { id } = await params;
  await requireViewer(submissionPath(id));
  const [result, query] = await Promise.all([loadSubmission(id), searchParams]);
  if (!result.ok) {
    return (
      <ApiErrorNotice error={result.error} what="this submission" returnTo={submissionPath(id)} />
    );
  }
  const submission = result.data;
  const { permissions } = submission;
  const notice = noticeFrom(query, NOTICES);
  const decisions = decisionChoices(permissions);
  const adoptable = permissions.adopt && submission.document === null;
  const receiverDocuments = adoptable
    ? await fromApiAllPages(
        (client, page) => client.listDocuments({ organization: submission.to.slug, ...page }),
        { maxPages: 3 },
      )
    : null;
  // The newest documents the person can read, to attach instead of uploading their files.
  const attachable = permissions.addFiles ? await listDocuments({ limit: 100 }) : null;

  return (
    <DetailPage
      className="submission"
      titleId="submission-title"
      title={submission.title}
      parent={{ href: '/submissions', label: 'Submissions' }}
      crumb={submission.title}
      eyebrowClassName="submission__route"
      eyebrow={
        <>
          <span className="submission__reference">{submission.reference}</span>
          <span aria-hidden="true"> · </span>
          <span>{submission.from.name}</span> <span aria-hidden="true">→</span>
          <span className="visually-hidden"> to </span> <span>{submission.to.name}</span>
          <span aria-hidden="true"> · </span>
          <span>under {submission.register.title}</span>
        </>
      }
      badges={<SubmissionStateBadge state={submission.state} />}
      headNote={
        <p className="muted submission__state-note">
          {SUBMISSION_STATE_DESCRIPTIONS[submission.state]}.
        </p>
      }
      notice={notice}
      summary={{
        headingId: 'description-title',
        heading: 'Description',
        text: submission.description,
        textClassName: 'submission__description',
        empty: 'No description.',
      }}
      main={
        <>
          {/* After acceptance, what comes next is at the top, not under the comments. */}
          {adoptable && (
            <AdoptSection submission={submission} receiverDocuments={receiverDocuments} />
          )}
          <FilesSection submission={submission} />
          {permissions.addFiles && (
            <section className="section" id="add-files" aria-labelledby="add-files-title">
              <h2 id="add-files-title">Add files</h2>
              <p className="muted">
                Until {submission.to.name} decides, you can add files; its admins are told.
              </p>
              <AddFilesForm
                submissionId={submission.id}
                toName={submission.to.name}
                room={Math.max(SUBMISSION_MAX_FILES - submission.files.length, 0)}
                attachOptions={attachable?.ok ? attachOptions(attachable.data.items) : []}
              />
            </section>
          )}
          <HistorySection submission={submission} />
          <section className="section" id="comments" aria-labelledby="comments-title">
            <h2 id="comments-title">Comments ({submission.comments.length})</h2>
            {submission.comments.length === 0 ? (
              <p className="empty">No comments yet.</p>
            ) : (
              <ol className="comment-list">
                {submission.comments.map((comment) => (
                  <li
                    key={comment.id}
                    className={`comment comment--${comment.side}`}
                    aria-label={`Comment by ${comment.by ?? 'a former member'}`}
                  >
                    <p className="comment__meta">
                      <strong>{comment.by ?? 'A former member'}</strong>{' '}
                      <span className="muted">
                        ({comment.side === 'submitting' ? submission.from.name : submission.to.name}
                        ) ·{' '}
                        <time dateTime={comment.at} title={formatDateTime(comment.at)}>
                          {formatDateTime(comment.at)}
                        </time>
                      </span>
                    </p>
                    <p className="comment__body">{comment.body}</p>
                  </li>
                ))}
              </ol>
            )}
            {permissions.comment && (
              <CommentForm
                action={commentSubmissionAction.bind(null, submission.id)}
                hint={`Read by the submitter, the admins of ${submission.from.name} and the admins of ${submission.to.name}.`}
              />
            )}
          </section>
        </>
      }
      asideLabel="About this submission"
      aside={
        <>
          <DecidedCard submission={submission} />
          {decisions.length > 0 && (
            <section className="card card--accent" aria-labelledby="decide-title">
              <h2 id="decide-title" className="card__title">
                {decisions.some((d) => d.to !== 'withdrawn') ? 'Decision' : 'Actions'}
              </h2>
              <div className="action-list">
                {decisions.map((choice) => (
                  <DecisionButton
                    key={choice.to}
                    action={transitionSubmissionAction.bind(null, submission.id, choice.to)}
                    label={choice.label}
                    title={dialogTitle(choice, submission)}
                    tone={choice.tone}
                    reasonRequired={choice.reasonRequired}
                  >
                    <p>{dialogText(choice, submission)}</p>
                  </DecisionButton>
                ))}
              </div>
            </section>
          )}

          <div className="card">
            <h2 className="card__title">Details</h2>
            <dl className="facts facts--stacked">
              <Fact term="From">{submission.from.name}</Fact>
              <Fact term="To">{submission.to.name}</Fact>
              <Fact term="Register">
                <Link href={`/registers/${submission.register.slug}`}>
                  {submission.register.title}
                </Link>
              </Fact>
              <Fact term="Submitted">
                <time dateTime={submission.createdAt}>{formatDateTime(submission.createdAt)}</time>
                {submission.submittedBy && (
                  <span className="facts__note">by {submission.submittedBy}</span>
                )}
              </Fact>
            </dl>
          </div>

          <section className="card" aria-labelledby="ipr-title">
            <h2 id="ipr-title" className="card__title">
              IPR acknowledgement
            </h2>
            <p className="small">
              The submitter acknowledged the IPR policy of {submission.to.name} as it was shown to
              them.
            </p>
            <dl className="facts facts--stacked">
              <Fact term="Acknowledged by">{submission.ipr.by ?? 'A former member'}</Fact>
              <Fact term="When">
                <time dateTime={submission.ipr.at}>{formatDateTime(submission.ipr.at)}</time>
              </Fact>
              <Fact term="Policy text SHA-256">
                <code className="checksum checksum--small" data-testid="ipr-policy-sha256">
                  {submission.ipr.policySha256}
                </code>
              </Fact>
            </dl>
          </section>

          {submission.document && (
            <section className="card" aria-labelledby="document-title">
              <h2 id="document-title" className="card__title">
                Document
              </h2>
              <p>
                <Link href={`/documents/${submission.document.id}`}>
                  <code className="identifier">{submission.document.identifier}</code>{' '}
                  {submission.document.title}
                </Link>
              </p>
              <p className="muted small">
                {submission.document.how === 'created' ? 'Created from' : 'Linked to'} this
                submission {formatDate(submission.document.at)}
                {submission.document.by ? ` by ${submission.document.by}` : ''}.
              </p>
            </section>
          )}
        </>
      }
    />
  );
}

function dialogTitle(choice: DecisionChoice, submission: Submission): string {
  if (choice.to === 'under-review') return `Start reviewing “${submission.title}”?`;
  if (choice.to === 'accepted') return `Accept “${submission.title}”?`;
  if (choice.to === 'declined') return `Decline “${submission.title}”?`;
  return `Withdraw “${submission.title}”?`;
}

function dialogText(choice: DecisionChoice, submission: Submission): string {
  if (choice.to === 'under-review') {
    return `${submission.from.name} will see that ${submission.to.name} is reviewing its submission. Accepting or declining it comes next.`;
  }
  if (choice.to === 'accepted') {
    return `The decision is final and ${submission.from.name} sees your reason. The admins of ${submission.to.name} can then turn it into a document.`;
  }
  if (choice.to === 'declined') {
    return `The decision is final and ${submission.from.name} sees your reason.`;
  }
  return `${submission.to.name} will no longer be asked to decide on it. This cannot be undone.`;
}

function FilesSection({ submission }: { submission: Submission }) {
  const copies = submission.files.filter((file) => file.copiedFrom !== null);
  return (
    <section className="section" id="files" aria-labelledby="files-title">
      <h2 id="files-title">Files ({submission.files.length})</h2>
      <StoredFileTable
        files={submission.files}
        caption="Files of this submission"
        empty="No file."
        hrefOf={(file) => submissionDownloadHref(submission.id, file.id)}
      />
      {copies.length > 0 && (
        <p className="muted small">
          {copies.map((file) => file.filename).join(', ')}{' '}
          {copies.length === 1 ? 'is a copy' : 'are copies'} of a Liaison document version, made
          when {copies.length === 1 ? 'it was' : 'they were'} attached.
        </p>
      )}
    </section>
  );
}

function HistorySection({ submission }: { submission: Submission }) {
  return (
    <section className="section" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <ol className="history">
        {submission.history.map((event) => (
          <li key={event.id} className="history__item" data-state={event.to}>
            <p className="history__head">
              <strong>{historyLabel(event.from, event.to)}</strong>{' '}
              <span className="muted">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                {event.by ? ` by ${event.by}` : ''}
              </span>
            </p>
            {event.reason && <p className="history__reason">{event.reason}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

type ReceiverDocuments = ApiResponse<AllPages<DocumentSummary>> | null;

function AdoptSection({
  submission,
  receiverDocuments,
}: {
  submission: Submission;
  receiverDocuments: ReceiverDocuments;
}) {
  return (
    <section className="section" id="adopt" aria-labelledby="adopt-title">
      <h2 id="adopt-title">Make it a document of {submission.to.name}</h2>
      <p className="muted">
        Turn one of the accepted files into a new document of {submission.to.name}, or link it to a
        document {submission.to.name} already has.
      </p>
      <div className="card-grid">
        <section className="card" aria-labelledby="adopt-create-title">
          <h3 id="adopt-create-title" className="card__title">
            Create a document
          </h3>
          {submission.files.length > 0 ? (
            <CreateDocumentForm
              action={createDocumentFromSubmissionAction.bind(null, submission.id)}
              files={submission.files.map(({ id, filename }) => ({ id, filename }))}
              defaultTitle={submission.title}
              organizationName={submission.to.name}
            />
          ) : (
            <p className="muted">This submission has no file to copy.</p>
          )}
        </section>
        <section className="card" aria-labelledby="adopt-link-title">
          <h3 id="adopt-link-title" className="card__title">
            Link an existing document
          </h3>
          {receiverDocuments && !receiverDocuments.ok ? (
            <ApiErrorNotice
              error={receiverDocuments.error}
              what={`the documents of ${submission.to.name}`}
            />
          ) : (receiverDocuments?.data.items.length ?? 0) === 0 ? (
            <p className="muted">{submission.to.name} has no document yet.</p>
          ) : (
            <LinkDocumentForm
              action={linkDocumentToSubmissionAction.bind(null, submission.id)}
              documents={(receiverDocuments?.data.items ?? []).map(
                ({ id: documentId, identifier, title }) => ({
                  id: documentId,
                  identifier,
                  title,
                }),
              )}
            />
          )}
        </section>
      </div>
    </section>
  );
}

const FINAL_STATES = new Set(['accepted', 'declined', 'withdrawn']);

/** Once decided or withdrawn: what happened, when, by whom and why, where the buttons were. */
function DecidedCard({ submission }: { submission: Submission }) {
  if (!FINAL_STATES.has(submission.state)) return null;
  const last = submission.history.at(-1);
  if (!last) return null;
  return (
    <section className="card card--accent" aria-labelledby="decided-title">
      <h2 id="decided-title" className="card__title">
        {SUBMISSION_STATE_LABELS[submission.state]}
      </h2>
      <p>
        {last.by ?? 'A former member'} ·{' '}
        <time dateTime={last.at} title={formatDateTime(last.at)}>
          {formatDateTime(last.at)}
        </time>
      </p>
      {last.reason && <p className="submission__description">{last.reason}</p>}
    </section>
  );
}
