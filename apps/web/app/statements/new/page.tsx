import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiErrorNotice } from '../../../components/admin/api-error-notice';
import { Breadcrumb } from '../../../components/breadcrumb';
import { PageHead } from '../../../components/page-head';
import { StatementForm } from '../../../components/statement/statement-form';
import type { QueryPageProps } from '../../../lib/page-props';
import { isUuid } from '../../../lib/proxy';
import { requireViewer } from '../../../lib/session';
import { getStatement } from '../../../lib/statement-api';
import { statementRegister, writableRegisters } from '../../../lib/statement-form-data';
import { newStatementPath, statementPath } from '../../../lib/statement-links';
import {
  EMPTY_STATEMENT_FORM,
  replyValues,
  type StatementFormValues,
} from '../../../lib/statement-rules';
import { saveStatementAction } from '../actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'New liaison statement' };

const text = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

export default async function NewStatementPage({ searchParams }: QueryPageProps) {
  const query = await searchParams;
  const replyTo = text(query.replyTo);
  let registerSlug = text(query.register);
  const returnTo = replyTo
    ? newStatementPath(registerSlug, { replyTo })
    : `/statements/new${registerSlug ? `?register=${encodeURIComponent(registerSlug)}` : ''}`;
  const viewer = await requireViewer(returnTo);

  // A reply is written under the original's register, whatever the address says.
  const original = replyTo && isUuid(replyTo) ? await getStatement(replyTo) : null;
  if (replyTo && (!original || (!original.ok && original.error.status === 404))) notFound();
  if (original && !original.ok) {
    return (
      <ApiErrorNotice error={original.error} what="the statement to reply to" returnTo={returnTo} />
    );
  }
  if (original?.ok) registerSlug = original.data.register.slug;

  if (!registerSlug) {
    const registers = await writableRegisters(viewer);
    return (
      <>
        <PageHead
          title="New liaison statement"
          lead="A statement is written under the work register that authorises the exchange. Choose one."
        />
        {!registers.ok ? (
          <ApiErrorNotice error={registers.error} what="the work registers" returnTo={returnTo} />
        ) : registers.data.length === 0 ? (
          <p className="empty">
            Statements are written by editors and admins of a party to an approved work register.
            None of your organizations is one yet.
          </p>
        ) : (
          <ul className="plain-list">
            {registers.data.map((register) => (
              <li key={register.slug}>
                <Link href={newStatementPath(register.slug)}>{register.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }

  const register = await statementRegister(registerSlug, viewer);
  if (!register.ok) {
    return <ApiErrorNotice error={register.error} what="the work register" returnTo={returnTo} />;
  }
  if (!register.data) notFound();
  const { writesFor, parties, approved, title, slug } = register.data;
  const cancelHref = original?.ok
    ? statementPath(original.data.id)
    : `/registers/${slug}#statements`;

  let initial: StatementFormValues;
  if (original?.ok) {
    initial = replyValues(
      original.data,
      writesFor.map((party) => party.slug),
    );
  } else {
    const to = text(query.to)
      .split(',')
      .filter((party) => parties.some((p) => p.slug === party));
    initial = { ...EMPTY_STATEMENT_FORM, to };
  }
  // A reply comes from the receiving organization the viewer writes for.
  const fromChoices = original?.ok
    ? writesFor.filter((party) => party.slug === initial.from)
    : writesFor;

  return (
    <>
      <Breadcrumb
        trail={[{ href: `/registers/${slug}#statements`, label: title }]}
        current={original?.ok ? 'Reply' : 'New statement'}
      />
      <PageHead
        title={original?.ok ? `Reply to “${original.data.title}”` : 'New liaison statement'}
        lead={`Under the ${title}. It is saved as a draft that only your organization’s editors and admins see; you can add attachments to it, and an admin of your organization sends it.`}
      />
      {!approved || fromChoices.length === 0 ? (
        <p className="empty">
          {approved
            ? `You are not an editor or admin of ${original?.ok ? 'a receiving organization of this statement' : 'a party of this register'}, so you cannot write statements here.`
            : 'Statements are exchanged under approved registers only; this one is a draft.'}
        </p>
      ) : (
        <div className="card card--form">
          <StatementForm
            action={saveStatementAction.bind(null, slug, null)}
            initial={initial}
            fromChoices={fromChoices}
            parties={parties}
            submitLabel="Save draft"
            cancelHref={cancelHref}
          />
        </div>
      )}
    </>
  );
}
