import {
  documentCreatingOrganizations,
  statementApprovingOrganizations,
  utcDate,
} from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiErrorNotice } from '../../components/admin/api-error-notice';
import { PageHead } from '../../components/page-head';
import { RegisterStateBadge, VisibilityBadge } from '../../components/register/badges';
import { DocumentTable } from '../../components/register/document-table';
import { ReviewTable } from '../../components/review/review-table';
import { StatementTable } from '../../components/statement/statement-table';
import { type ApiError, fromApi, fromApiAllPages } from '../../lib/api';
import { viewerActor } from '../../lib/auth/viewer-actor';
import { VISIBILITIES_NARROWEST_FIRST, VISIBILITY_DESCRIPTIONS } from '../../lib/format';
import { listOpenReviews } from '../../lib/review-api';
import { byClosingSoonest } from '../../lib/review-rules';
import { requireViewer } from '../../lib/session';
import { listStatements } from '../../lib/statement-api';
import { bySoonestDeadline } from '../../lib/statement-rules';
import { groupWorkspace, registersOf } from '../../lib/workspace-groups';
import styles from './workspace.module.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Workspace' };

export default async function WorkspacePage() {
  const viewer = await requireViewer('/workspace');
  const organizations = [...new Set(viewer.memberships.map((m) => m.organization))];

  const approves = statementApprovingOrganizations(viewerActor(viewer)).length > 0;
  const [registerAnswer, organizationAnswer, owedAnswer, awaitingAnswer, reviewAnswer] =
    await Promise.all([
      fromApi((client) => client.listRegisters()),
      fromApi((client) => client.listOrganizations()),
      listStatements({ owed: true }),
      approves ? listStatements({ box: 'awaiting-approval' }) : null,
      listOpenReviews(),
    ]);
  const today = utcDate(new Date());
  const names = new Map<string, string>(
    organizationAnswer.ok ? organizationAnswer.data.items.map((o) => [o.slug, o.name]) : [],
  );
  const registers = registerAnswer.ok ? registerAnswer.data.items : [];
  const myRegisters = registersOf(registers, organizations);

  // Everything under the viewer's registers, and everything their organizations own.
  const lists = await Promise.all([
    ...myRegisters.map((r) =>
      fromApiAllPages((client, page) => client.listDocuments({ register: r.slug, ...page })),
    ),
    ...organizations.map((o) =>
      fromApiAllPages((client, page) => client.listDocuments({ organization: o, ...page })),
    ),
  ]);
  const errors: ApiError[] = [
    ...(registerAnswer.ok ? [] : [registerAnswer.error]),
    ...(owedAnswer.ok ? [] : [owedAnswer.error]),
    ...(reviewAnswer.ok ? [] : [reviewAnswer.error]),
    ...(awaitingAnswer && !awaitingAnswer.ok ? [awaitingAnswer.error] : []),
    ...lists.flatMap((list) => (list.ok ? [] : [list.error])),
  ];
  const documents = lists.flatMap((list) => (list.ok ? list.data.items : []));
  const truncated = lists.some((list) => list.ok && list.data.truncated);
  const workspace = groupWorkspace(documents, registers, organizations);
  const myNames = organizations.map((slug) => names.get(slug) ?? slug);

  return (
    <>
      <PageHead
        title="Workspace"
        lead={
          organizations.length === 0
            ? 'Your organizations’ documents and the work in progress partners share with you.'
            : `Documents of ${joinNames(myNames)} and the work in progress your partners share with you, by work register.`
        }
      >
        {documentCreatingOrganizations(viewerActor(viewer)).length > 0 && (
          <Link className="button" href="/documents/new">
            New document
          </Link>
        )}
      </PageHead>

      {errors[0] && (
        <ApiErrorNotice error={errors[0]} what="part of your workspace" returnTo="/workspace" />
      )}

      {organizations.length === 0 ? (
        <p className="muted">
          You are not a member of any organization, so there is nothing in your workspace. The
          public library and the <Link href="/registers">work registers</Link> are open to you.
        </p>
      ) : (
        <>
          <ul className={styles.legend} aria-label="Visibility markers">
            {VISIBILITIES_NARROWEST_FIRST.map((visibility) => (
              <li key={visibility}>
                <VisibilityBadge visibility={visibility} /> {VISIBILITY_DESCRIPTIONS[visibility]}
              </li>
            ))}
          </ul>

          <section
            id="action-needed"
            className={styles.register}
            aria-labelledby="action-needed-title"
          >
            <h2 id="action-needed-title">Action needed</h2>
            <p className={styles.with}>
              Statements for comment or action your organizations owe an answer to, soonest deadline
              first.
            </p>
            <StatementTable
              statements={owedAnswer.ok ? [...owedAnswer.data.items].sort(bySoonestDeadline) : []}
              caption="Statements your organizations owe an answer to"
              empty="Nothing owed: no statement waits for an answer from your organizations."
              today={today}
            />
          </section>

          <section
            id="open-reviews"
            className={styles.register}
            aria-labelledby="open-reviews-title"
          >
            <h2 id="open-reviews-title">Reviews open to me</h2>
            <p className={styles.with}>
              Calls for comments on work in progress you may comment on, closing soonest first.
            </p>
            <ReviewTable
              reviews={reviewAnswer.ok ? byClosingSoonest(reviewAnswer.data.items) : []}
              caption="Reviews open to your comments, closing soonest first"
              empty="No review is open to your comments."
            />
          </section>

          {awaitingAnswer && (
            <section
              id="awaiting-approval"
              className={styles.register}
              aria-labelledby="awaiting-approval-title"
            >
              <h2 id="awaiting-approval-title">Drafts awaiting approval</h2>
              <p className={styles.with}>
                Draft statements of the organizations you administer: an admin reads them and sends
                them.
              </p>
              <StatementTable
                statements={awaitingAnswer.ok ? awaitingAnswer.data.items : []}
                caption="Draft statements waiting for an admin to send them"
                empty="No draft waits for your approval."
                today={today}
              />
            </section>
          )}

          <nav className={styles.toc} aria-labelledby="toc-title">
            <h2 id="toc-title">On this page</h2>
            <ul>
              {workspace.registers.map(({ register, ours, partners }) => (
                <li key={register.slug}>
                  <a href={`#register-${register.slug}`}>{register.title}</a>{' '}
                  <span className="muted">({ours.length + partners.length})</span>
                </li>
              ))}
              <li>
                <a href="#not-shared">My organizations’ documents (not shared)</a>{' '}
                <span className="muted">({workspace.unshared.length})</span>
              </li>
            </ul>
          </nav>

          {workspace.registers.length === 0 && registerAnswer.ok && (
            <p className="muted">
              Your organizations are not party to any work register yet, so no partner shares work
              with you here.
            </p>
          )}

          {workspace.registers.map(({ register, ours, partners }) => {
            const partnerNames = register.parties
              .filter((p) => !organizations.includes(p.organization))
              .map((p) => p.name);
            return (
              <section
                key={register.slug}
                id={`register-${register.slug}`}
                className={styles.register}
                aria-labelledby={`register-${register.slug}-title`}
              >
                <div className={styles.registerHead}>
                  <h2 id={`register-${register.slug}-title`}>{register.title}</h2>
                  <RegisterStateBadge state={register.state} />
                </div>
                <p className={styles.with}>
                  {partnerNames.length > 0 ? `With ${joinNames(partnerNames)}. ` : ''}
                  <Link href={`/registers/${register.slug}`}>
                    About this register<span className="visually-hidden">: {register.title}</span>
                  </Link>
                </p>
                <div className={styles.group}>
                  <h3>Shared by your organization</h3>
                  <DocumentTable
                    documents={ours}
                    caption={`${joinNames(myNames)}: documents shared under the ${register.title}`}
                    organizationNames={names}
                    showOwner={organizations.length > 1}
                    empty="Your organization shares no documents under this register yet."
                  />
                </div>
                <div className={styles.group}>
                  <h3>Shared with you by partners</h3>
                  <DocumentTable
                    documents={partners}
                    caption={`Partners’ work shared under the ${register.title}`}
                    organizationNames={names}
                    empty="No partner shares work in progress under this register yet."
                  />
                </div>
              </section>
            );
          })}

          <section id="not-shared" className={styles.register} aria-labelledby="not-shared-title">
            <h2 id="not-shared-title">My organizations’ documents (not shared)</h2>
            <p className={styles.with}>
              Shared under none of your work registers, or visible to your organization only.
            </p>
            <DocumentTable
              documents={workspace.unshared}
              caption="Documents of your organizations that no partner sees through a register"
              organizationNames={names}
              showOwner={organizations.length > 1}
              empty="Every document of your organizations is shared under a work register."
            />
          </section>

          {workspace.published.length > 0 && (
            <section id="published" className={styles.register} aria-labelledby="published-title">
              <h2 id="published-title">My organizations’ public documents</h2>
              <p className={styles.with}>Outside your work registers, readable by everyone.</p>
              <DocumentTable
                documents={workspace.published}
                caption="Public documents of your organizations shared under none of your work registers"
                organizationNames={names}
                showOwner={organizations.length > 1}
                empty=""
              />
            </section>
          )}

          {truncated && (
            <p className="muted">
              Some lists were long and only their newest documents are shown; the library has them
              all.
            </p>
          )}
        </>
      )}
    </>
  );
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
