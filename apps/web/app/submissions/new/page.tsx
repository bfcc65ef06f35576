import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiErrorNotice } from '../../../components/admin/api-error-notice';
import { Breadcrumb } from '../../../components/breadcrumb';
import { PageHead } from '../../../components/page-head';
import {
  CreateSubmissionForm,
  type PolicyByOrganization,
} from '../../../components/submission/create-submission-form';
import { UnavailableNotice } from '../../../components/unavailable-notice';
import { listDocuments, listRegisters } from '../../../lib/api';
import { viewerActor } from '../../../lib/auth/viewer-actor';
import type { QueryPageProps } from '../../../lib/page-props';
import { getAccessToken, requireViewer } from '../../../lib/session';
import { getIprPolicy } from '../../../lib/submission-api';
import { attachOptions, submissionRoutes } from '../../../lib/submission-rules';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'New submission' };

export default async function NewSubmissionPage({ searchParams }: QueryPageProps) {
  const viewer = await requireViewer('/submissions/new');
  const token = await getAccessToken();
  const [registers, documents, query] = await Promise.all([
    listRegisters({ token }),
    // The newest documents the person can read, to attach instead of uploading their files.
    listDocuments({ limit: 100 }, { token }),
    searchParams,
  ]);
  const routes = registers.ok ? submissionRoutes(registers.data, viewerActor(viewer)) : [];
  const receivers = [...new Set(routes.map((route) => route.to.slug))];
  const answers = await Promise.all(receivers.map((slug) => getIprPolicy(slug)));
  const policies: PolicyByOrganization = {};
  const failed = answers.find((answer) => !answer.ok);
  receivers.forEach((slug, index) => {
    const answer = answers[index];
    policies[slug] = answer?.ok ? answer.data : null;
  });
  const text = (value: string | string[] | undefined) =>
    typeof value === 'string' ? value : undefined;

  return (
    <>
      <Breadcrumb
        trail={[{ href: '/submissions', label: 'Submissions' }]}
        current="New submission"
      />
      <PageHead
        title="New submission"
        lead="Contribute work to a partner under a work register. The receiving organization’s IPR policy applies: read it and acknowledge it below. Only you, your organization’s admins and the receiving organization’s admins can see the submission."
      />
      {!registers.ok ? (
        <UnavailableNotice title="The work registers cannot be loaded right now" />
      ) : routes.length === 0 ? (
        <section className="empty-state" aria-label="Nothing to submit to">
          <p>
            Submissions are made by editors and admins of an organization that is a party to an
            approved work register, to another party of that register. None of your organizations
            can submit anywhere yet.
          </p>
          <Link className="button" href="/submissions">
            Back to my submissions
          </Link>
        </section>
      ) : (
        <>
          {failed && !failed.ok && (
            <ApiErrorNotice error={failed.error} what="an IPR policy" returnTo="/submissions/new" />
          )}
          <div className="card card--form">
            <CreateSubmissionForm
              routes={routes}
              policies={policies}
              initial={{ register: text(query.register), to: text(query.to) }}
              attachOptions={documents.ok ? attachOptions(documents.data.items) : []}
            />
          </div>
        </>
      )}
    </>
  );
}
