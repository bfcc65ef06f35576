import {
  STATEMENT_NOTE_MAX_LENGTH,
  type Statement,
  type StatementLink,
  utcDate,
} from '@liaison/core';
import Link from 'next/link';
import { ApiErrorNotice } from '../../../components/admin/api-error-notice';
import { DetailPage } from '../../../components/detail-page';
import { Fact } from '../../../components/fact';
import { AttachmentUpload } from '../../../components/statement/attachment-upload';
import {
  Deadline,
  PurposeBadge,
  StandingBadge,
} from '../../../components/statement/statement-badges';
import { StatementBody } from '../../../components/statement/statement-body';
import { StoredFileTable } from '../../../components/stored-file-table';
import { DecisionButton } from '../../../components/submission/decision-button';
import { detailTitle } from '../../../lib/detail-loader';
import { formatDateTime } from '../../../lib/format';
import { noticeFrom, type SegmentPageProps } from '../../../lib/page-props';
import {
  newStatementPath,
  statementAttachmentHref,
  statementPath,
} from '../../../lib/statement-links';
import {
  PURPOSE_DESCRIPTIONS,
  PURPOSE_LABELS,
  STATEMENT_VISIBILITY_LABELS,
} from '../../../lib/statement-rules';
import {
  discardStatementAction,
  markStatementAnsweredAction,
  removeAttachmentAction,
  sendStatementAction,
  withdrawStatementAction,
} from '../actions';
import { loadStatement } from './data';

export const dynamic = 'force-dynamic';

const NOTICES: Record<string, string> = {
  created: 'The draft is saved. Add attachments, then an admin of your organization sends it.',
  saved: 'The draft is saved.',
  sent: 'The statement was sent. The receiving organizations’ admins and its contacts are told.',
  withdraw: 'The statement was withdrawn. It stays readable, marked withdrawn.',
  answered: 'The statement is marked answered.',
  'attachment-removed': 'The attachment was removed.',
};

const HISTORY_LABELS: Record<Statement['history'][number]['what'], string> = {
  created: 'Draft written',
  edited: 'Draft edited',
  sent: 'Sent',
  withdrawn: 'Withdrawn',
  answered: 'Marked answered',
};

export const generateMetadata = detailTitle(
  loadStatement,
  (statement) => statement.title,
  'Liaison statement',
);

export default async function StatementPage({ params, searchParams }: SegmentPageProps<'id'>) {
  const { id } = await params;
  const [result, query] = await Promise.all([loadStatement(id), searchParams]);
  if (!result.ok) {
    return (
      <ApiErrorNotice error={result.error} what="this statement" returnTo={statementPath(id)} />
    );
  }
  const statement = result.data;
  const { permissions } = statement;
  const today = utcDate(new Date());
  const notice = noticeFrom(query, NOTICES);
  const draft = statement.state === 'draft';
  const actions =
    permissions.send ||
    permissions.withdraw ||
    permissions.markAnswered ||
    permissions.reply ||
    permissions.edit;

  return (
    <DetailPage
      className="statement"
      titleId="statement-title"
      title={statement.title}
      parent={{
        href: `/registers/${statement.register.slug}#statements`,
        label: statement.register.title,
      }}
      crumb={statement.title}
      eyebrowClassName="statement__route"
      eyebrow={
        <>
          <span>{statement.from.name}</span> <span aria-hidden="true">→</span>
          <span className="visually-hidden"> to </span>{' '}
          <span>{statement.to.map((party) => party.name).join(', ')}</span>
          <span aria-hidden="true"> · </span>
          <span>Liaison statement under {statement.register.title}</span>
        </>
      }
      badges={
        <>
          <PurposeBadge purpose={statement.purpose} />
          <StandingBadge statement={statement} today={today} />
        </>
      }
      headNote={
        statement.withdrawal ? (
          <p className="notice notice--warning" data-testid="withdrawal">
            Withdrawn {formatDateTime(statement.withdrawal.at)}
            {statement.withdrawal.by ? ` by ${statement.withdrawal.by}` : ''}:{' '}
            {statement.withdrawal.reason}
          </p>
        ) : draft ? (
          <p className="muted">
            A draft: only the editors and admins of {statement.from.name} see it. An admin of{' '}
            {statement.from.name} sends it.
          </p>
        ) : undefined
      }
      notice={notice}
      summary={{
        headingId: 'statement-summary',
        heading: 'Purpose',
        text: PURPOSE_DESCRIPTIONS[statement.purpose],
        empty: '',
      }}
      main={
        <>
          <section className="section" aria-labelledby="body-title">
            <h2 id="body-title">Statement</h2>
            <StatementBody text={statement.body} />
          </section>
          <AttachmentsSection statement={statement} />
          <ThreadSection statement={statement} />
          <HistorySection statement={statement} />
        </>
      }
      asideLabel="About this statement"
      aside={
        <>
          {actions && (
            <section className="card card--accent" aria-labelledby="actions-title">
              <h2 id="actions-title" className="card__title">
                Actions
              </h2>
              <div className="action-list">
                {permissions.send && (
                  <DecisionButton
                    action={sendStatementAction.bind(null, statement.id)}
                    label="Send"
                    title={`Send “${statement.title}”?`}
                    tone="primary"
                    reasonRequired={false}
                    noReason
                  >
                    <p>
                      {statement.to.map((party) => party.name).join(', ')} receive it and their
                      admins are told. A sent statement cannot change: a correction is a new
                      statement that refers to it.
                    </p>
                  </DecisionButton>
                )}
                {permissions.edit && (
                  <Link
                    className="button button--secondary"
                    href={`${statementPath(statement.id)}/edit`}
                  >
                    Edit
                  </Link>
                )}
                {permissions.reply && (
                  <Link
                    className="button"
                    href={newStatementPath(statement.register.slug, { replyTo: statement.id })}
                  >
                    Reply
                  </Link>
                )}
                {permissions.markAnswered && (
                  <DecisionButton
                    action={markStatementAnsweredAction.bind(null, statement.id)}
                    label="Mark answered"
                    title={`Mark “${statement.title}” answered?`}
                    tone="primary"
                    reasonRequired={false}
                    reasonLabel="Note"
                    reasonMaxLength={STATEMENT_NOTE_MAX_LENGTH}
                    reasonHint="How it was answered, e.g. at a meeting; both sides read it."
                  >
                    <p>
                      It leaves the Action needed list and its reminders stop. Sending a response
                      that refers to it does this by itself.
                    </p>
                  </DecisionButton>
                )}
                {permissions.withdraw && (
                  <DecisionButton
                    action={withdrawStatementAction.bind(null, statement.id)}
                    label="Withdraw"
                    title={`Withdraw “${statement.title}”?`}
                    tone="danger"
                    reasonRequired
                    reasonMaxLength={STATEMENT_NOTE_MAX_LENGTH}
                    reasonHint="Shown with the statement, which stays readable, marked withdrawn."
                  >
                    <p>The receivers no longer owe an answer. This cannot be undone.</p>
                  </DecisionButton>
                )}
                {permissions.edit && (
                  <DecisionButton
                    action={discardStatementAction.bind(
                      null,
                      statement.id,
                      statement.register.slug,
                    )}
                    label="Discard draft"
                    title={`Discard the draft “${statement.title}”?`}
                    tone="danger"
                    reasonRequired={false}
                    noReason
                  >
                    <p>The draft and its attachments are deleted. Nobody else has seen it.</p>
                  </DecisionButton>
                )}
              </div>
            </section>
          )}
          <Details statement={statement} today={today} />
        </>
      }
    />
  );
}

function Details({ statement, today }: { statement: Statement; today: string }) {
  const contacts = (list: Statement['responseContacts']) =>
    list.length === 0 ? (
      <span className="muted">None</span>
    ) : (
      <ul className="plain-list">
        {list.map((contact) => (
          <li key={contact.email}>
            {contact.name} (<a href={`mailto:${contact.email}`}>{contact.email}</a>)
          </li>
        ))}
      </ul>
    );
  return (
    <div className="card">
      <h2 className="card__title">Details</h2>
      <dl className="facts facts--stacked">
        <Fact term="From">{statement.from.name}</Fact>
        <Fact term="To">{statement.to.map((party) => party.name).join(', ')}</Fact>
        <div>
          <dt>Deadline</dt>
          <dd data-testid="statement-deadline">
            <Deadline statement={statement} today={today} />
          </dd>
        </div>
        <div>
          <dt>Answer</dt>
          <dd data-testid="statement-answer">
            {statement.answer ? (
              <>
                Answered by {statement.answer.organization.name}{' '}
                <time dateTime={statement.answer.at}>{formatDateTime(statement.answer.at)}</time>
                {statement.answer.response && (
                  <span className="facts__note">
                    with{' '}
                    <Link href={statementPath(statement.answer.response.id)}>
                      {statement.answer.response.title}
                    </Link>
                  </span>
                )}
                {statement.answer.note && (
                  <span className="facts__note">{statement.answer.note}</span>
                )}
              </>
            ) : statement.owed ? (
              'Owed'
            ) : (
              <span className="muted">None expected</span>
            )}
          </dd>
        </div>
        <Fact term="Register">
          <Link href={`/registers/${statement.register.slug}`}>{statement.register.title}</Link>
        </Fact>
        <Fact term="Sent">
          {statement.sentAt ? (
            <>
              <time dateTime={statement.sentAt}>{formatDateTime(statement.sentAt)}</time>
              {statement.sentBy && <span className="facts__note">by {statement.sentBy}</span>}
            </>
          ) : (
            <span className="muted">Not yet</span>
          )}
        </Fact>
        <Fact term="Sender’s reference">
          {statement.senderReference ?? <span className="muted">None</span>}
        </Fact>
        <Fact term="Receiver’s reference">
          {statement.receiverReference ?? <span className="muted">None</span>}
        </Fact>
        <Fact term="Response contacts">{contacts(statement.responseContacts)}</Fact>
        <Fact term="Technical contacts">{contacts(statement.technicalContacts)}</Fact>
        <Fact term="Visibility">{STATEMENT_VISIBILITY_LABELS[statement.visibility]}</Fact>
      </dl>
    </div>
  );
}

function AttachmentsSection({ statement }: { statement: Statement }) {
  const editable = statement.permissions.edit;
  return (
    <section className="section" id="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title">Attachments ({statement.attachments.length})</h2>
      <StoredFileTable
        files={statement.attachments}
        caption="Attachments of this statement"
        empty="No attachment."
        hrefOf={(file) => statementAttachmentHref(statement.id, file.id)}
        actionsOf={(file) =>
          editable && (
            <DecisionButton
              action={removeAttachmentAction.bind(null, statement.id, file.id)}
              label="Remove"
              title={`Remove ${file.filename} from the draft?`}
              tone="danger"
              reasonRequired={false}
              noReason
            >
              <p>The file is deleted from the draft.</p>
            </DecisionButton>
          )
        }
      />
      {editable && <AttachmentUpload statementId={statement.id} />}
    </section>
  );
}

function LinkList({ links, empty }: { links: StatementLink[]; empty: string }) {
  if (links.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="plain-list">
      {links.map((link) => (
        <li key={link.id}>
          <Link href={statementPath(link.id)}>{link.title}</Link>{' '}
          <span className="muted">
            ({link.from.name}, {PURPOSE_LABELS[link.purpose].toLowerCase()}
            {link.sentAt ? `, sent ${formatDateTime(link.sentAt)}` : ''}
            {link.state === 'withdrawn' ? ', withdrawn' : ''})
          </span>
        </li>
      ))}
    </ul>
  );
}

function ThreadSection({ statement }: { statement: Statement }) {
  return (
    <section className="section" id="thread" aria-labelledby="thread-title">
      <h2 id="thread-title">Thread</h2>
      <h3>Refers to</h3>
      <LinkList links={statement.refersTo} empty="No earlier statement." />
      <h3>Referred to by</h3>
      <LinkList links={statement.referredBy} empty="No statement refers to this one yet." />
    </section>
  );
}

function HistorySection({ statement }: { statement: Statement }) {
  return (
    <section className="section" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <ol className="history">
        {statement.history.map((event) => (
          <li key={event.id} className="history__item">
            <p className="history__head">
              <strong>{HISTORY_LABELS[event.what]}</strong>{' '}
              <span className="muted">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                {event.by ? ` by ${event.by}` : ''}
              </span>
            </p>
            {event.note && <p className="history__reason">{event.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
