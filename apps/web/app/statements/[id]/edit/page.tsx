import type { Metadata } from 'next';
import { ApiErrorNotice } from '../../../../components/admin/api-error-notice';
import { Breadcrumb } from '../../../../components/breadcrumb';
import { PageHead } from '../../../../components/page-head';
import { StatementForm } from '../../../../components/statement/statement-form';
import { requireViewer } from '../../../../lib/session';
import { statementRegister } from '../../../../lib/statement-form-data';
import { statementPath } from '../../../../lib/statement-links';
import { formValuesOf } from '../../../../lib/statement-rules';
import { saveStatementAction } from '../../actions';
import { loadStatement } from '../data';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Edit draft statement' };

type Props = { params: Promise<{ id: string }> };

export default async function EditStatementPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`${statementPath(id)}/edit`);
  const result = await loadStatement(id);
  if (!result.ok) {
    return (
      <ApiErrorNotice error={result.error} what="this statement" returnTo={statementPath(id)} />
    );
  }
  const statement = result.data;
  const register = await statementRegister(statement.register.slug, viewer);
  if (!register.ok) {
    return <ApiErrorNotice error={register.error} what="the work register" />;
  }

  return (
    <>
      <Breadcrumb trail={[{ href: statementPath(id), label: statement.title }]} current="Edit" />
      <PageHead title="Edit the draft" />
      {!statement.permissions.edit || !register.data ? (
        <p className="empty">
          {statement.state === 'draft'
            ? 'Only the editors and admins of the sending organization change a draft.'
            : 'This statement was sent: a sent statement cannot change. A correction is a new statement that refers to it.'}
        </p>
      ) : (
        <div className="card card--form">
          <StatementForm
            action={saveStatementAction.bind(null, statement.register.slug, statement.id)}
            initial={formValuesOf(statement)}
            fromChoices={[statement.from]}
            parties={register.data.parties}
            submitLabel="Save draft"
            cancelHref={statementPath(id)}
          />
        </div>
      )}
    </>
  );
}
