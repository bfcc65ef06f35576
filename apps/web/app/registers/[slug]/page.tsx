import { statementWritingOrganizations, utcDate } from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import admin from '../../../components/admin/admin.module.css';
import { ApiErrorNotice } from '../../../components/admin/api-error-notice';
import { FollowButton } from '../../../components/follow-button';
import { RegisterStateBadge } from '../../../components/register/badges';
import { DocumentTable } from '../../../components/register/document-table';
import { Linkified } from '../../../components/register/linkified';
import styles from '../../../components/register/register.module.css';
import { RegisterHistoryTable } from '../../../components/register/register-history';
import { RegisterFacts, RegisterSection } from '../../../components/register/register-parts';
import {
  Access,
  Activities,
  Approvals,
  Benefits,
  Commitments,
  Contacts,
  Limitations,
  Milestones,
  Parties,
  Review,
} from '../../../components/register/register-sections';
import { StatementTable } from '../../../components/statement/statement-table';
import { viewerActor } from '../../../lib/auth/viewer-actor';
import { followOf, loadFollows } from '../../../lib/follows';
import type { SegmentPageProps } from '../../../lib/page-props';
import { describeReview, reviewState } from '../../../lib/register-review';
import {
  openItemsBySection,
  SECTIONS,
  savedMessage,
  section,
} from '../../../lib/register-sections';
import { overdueNotice, standingSummary } from '../../../lib/register-standing';
import { getViewer } from '../../../lib/session';
import { listStatements } from '../../../lib/statement-api';
import { newStatementPath, statementFeedPath } from '../../../lib/statement-links';
import { getRegister, getRegisterHistory, listOrganizations } from '../data';
import pageStyles from '../registers.module.css';

export const dynamic = 'force-dynamic';

type Props = SegmentPageProps<'slug'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const lookup = await getRegister(slug);
  return { title: lookup.kind === 'found' ? lookup.register.title : 'Work register' };
}

export default async function RegisterPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { saved } = await searchParams;
  const [lookup, organizations, viewer] = await Promise.all([
    getRegister(slug),
    listOrganizations(),
    getViewer(),
  ]);
  if (lookup.kind === 'missing') notFound();
  const follows = await loadFollows(viewer !== null);

  const breadcrumb = (
    <nav aria-label="Breadcrumb" className={pageStyles.breadcrumb}>
      <Link href="/registers">← All work registers</Link>
    </nav>
  );

  if (lookup.kind === 'error') {
    return (
      <>
        {breadcrumb}
        <h1>Work register</h1>
        <ApiErrorNotice
          error={lookup.error}
          what="this work register"
          returnTo={`/registers/${slug}`}
        />
      </>
    );
  }

  const { register, truncated } = lookup;
  const names = new Map<string, string>(
    organizations.ok ? organizations.data.items.map((org) => [org.slug, org.name]) : [],
  );
  for (const party of register.parties) names.set(party.organization, party.name);
  const nameOf = (party: string | null) => (party === null ? 'Joint' : (names.get(party) ?? party));
  const confirmation = savedMessage(typeof saved === 'string' ? saved : undefined, nameOf);
  const now = new Date();
  const review = reviewState(register.reviewDue, now);
  const openGroups = openItemsBySection(register.openItems);
  const statements = await listStatements({ register: register.slug }, { maxPages: 4 });
  const history = register.permissions.readHistory
    ? await getRegisterHistory(register.slug)
    : undefined;
  const standing = standingSummary(register.state, register.approvals, (party) => nameOf(party));
  const dueAsWritten = register.reviewDueAsWritten.trim();
  const writesFor = viewer
    ? statementWritingOrganizations(viewerActor(viewer)).filter((org) =>
        register.parties.some((party) => party.organization === org),
      )
    : [];

  return (
    <>
      {breadcrumb}
      <div className={pageStyles.titleRow}>
        <h1>{register.title}</h1>
        <RegisterStateBadge state={register.state} />
        {viewer && (
          <FollowButton
            kind="register"
            targetKey={register.slug}
            follow={followOf(follows, 'register', register.slug)}
            page={`/registers/${register.slug}`}
            label="Follow new documents"
          />
        )}
      </div>
      <p className={pageStyles.standing}>
        {standing}{' '}
        {register.state === 'draft' &&
          'Only members of its parties and the portal operator can see it.'}
      </p>

      <RegisterFacts
        register={register}
        initiatedLabel="Date initiated"
        dueAsWritten={dueAsWritten}
        now={now}
      />

      <p className={styles.exportLine}>
        <a href={`/registers/${register.slug}/export`} download={`${register.slug}.json`}>
          Export this register (JSON)
        </a>{' '}
        <span className="muted">
          – the whole register as a structured file, to archive it or set up an alliance like it.
        </span>
      </p>

      {confirmation && (
        <div className={admin.success} role="status">
          <p>{confirmation}</p>
        </div>
      )}

      {review.kind === 'overdue' &&
        (overdueNotice(register.permissions) === 'alert' ? (
          <section className={styles.overdueBanner} aria-labelledby="overdue-title">
            <h2 id="overdue-title">This register’s review is overdue</h2>
            <p>
              The next review was expected{' '}
              {dueAsWritten ? `in ${dueAsWritten}` : `on ${review.due}`}:{' '}
              {describeReview(review).toLowerCase()}. As an admin of a party, arrange the review
              with the other parties; see <a href="#review">Work register review</a> for how the
              register is reviewed.
            </p>
          </section>
        ) : (
          <p className={styles.overdueNote}>
            The review planned for {dueAsWritten || review.due} has not been recorded here yet; the
            register stays in force until the parties review it.
          </p>
        ))}

      {register.summary && (
        <p className={pageStyles.prose}>
          <Linkified text={register.summary} />
        </p>
      )}

      {openGroups.length > 0 && (
        <section className={styles.openItems} aria-labelledby="open-items-title">
          <h2 id="open-items-title">
            Open items <span className={styles.count}>({register.openItems.length})</span>
          </h2>
          <p>The register leaves these open (“?” or a placeholder in its text):</p>
          <ul>
            {openGroups.map((group) =>
              group.items.map((item, index) => (
                <li key={`${group.id}-${item.itemId ?? index}`}>
                  <a href={`#${group.id}`}>{group.title}</a>: {item.description}
                </li>
              )),
            )}
          </ul>
        </section>
      )}

      <nav aria-label="Sections of the register" className={styles.toc}>
        <ul>
          {SECTIONS.filter((entry) => entry.key !== 'history' || history !== undefined).map(
            (entry) => (
              <li key={entry.id}>
                <a href={`#${entry.id}`}>{entry.title}</a>
              </li>
            ),
          )}
        </ul>
      </nav>

      <Parties register={register} />
      <Benefits register={register} nameOf={nameOf} />
      <Activities register={register} nameOf={nameOf} />
      <Limitations register={register} nameOf={nameOf} />
      <Milestones register={register} now={now} />
      <Access register={register} nameOf={nameOf} />
      <Commitments register={register} nameOf={nameOf} />
      <Review register={register} now={now} />
      <Contacts register={register} nameOf={nameOf} />
      <Approvals register={register} nameOf={nameOf} />

      <RegisterSection {...section('documents')}>
        <DocumentTable
          documents={register.documents}
          caption={
            <>
              Documents shared under the {register.title} that you may read
              <span className="muted"> ({register.documents.length})</span>
            </>
          }
          organizationNames={names}
          empty="No documents you may read are shared under this register yet."
        />
        {register.documents.length > 0 && (
          <p className={styles.exportLine}>
            <a
              className="button button--secondary"
              href={`/registers/${register.slug}/files.zip`}
              download={`${register.slug}-files.zip`}
            >
              Download all (zip)
            </a>{' '}
            <span className="muted">
              – the current version of every file you may read here, each named like its own
              download; watermarked copies where a document requires them.
            </span>
          </p>
        )}
        {truncated && (
          <p className="muted">Only the first {register.documents.length} documents are listed.</p>
        )}
      </RegisterSection>

      <RegisterSection
        {...section('statements')}
        intro="Formal letters between the parties of this register: for information, for comment or for action by a deadline, and the responses to them."
      >
        {register.state === 'approved' && writesFor.length > 0 && (
          <p>
            <Link className="button" href={newStatementPath(register.slug)}>
              New statement
            </Link>
          </p>
        )}
        {statements.ok ? (
          <>
            <StatementTable
              statements={statements.data.items.filter((s) => s.state !== 'draft')}
              caption={`Statements sent under the ${register.title} that you may read`}
              empty="No statement you may read has been sent under this register yet."
              today={utcDate(now)}
            />
            {statements.data.items.some((s) => s.state === 'draft') && (
              <>
                <h3>Drafts of your organization</h3>
                <StatementTable
                  statements={statements.data.items.filter((s) => s.state === 'draft')}
                  caption="Draft statements, not sent yet"
                  empty=""
                  today={utcDate(now)}
                />
              </>
            )}
          </>
        ) : (
          <ApiErrorNotice error={statements.error} what="the statements of this register" />
        )}
        <p className="muted small">
          Public statements are also in the{' '}
          <a href={statementFeedPath(register.slug)} type="application/atom+xml">
            Atom feed of this register’s statements
          </a>
          .
        </p>
      </RegisterSection>

      {history && (
        <RegisterSection
          {...section('history')}
          intro="Every change made in Liaison: who made it, for which party, when, and what each field was before and after. Shown to the members of the parties and the portal operator."
        >
          {history.ok ? (
            <RegisterHistoryTable events={history.data.items} nameOf={(party) => nameOf(party)} />
          ) : (
            <ApiErrorNotice error={history.error} what="the history of this register" />
          )}
        </RegisterSection>
      )}
    </>
  );
}
