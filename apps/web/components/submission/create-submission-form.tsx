'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { submissionPath } from '../../lib/submission-links';
import {
  type AttachOption,
  describeSubmissionError,
  type SubmissionFieldErrors,
  type SubmissionRoute,
  submissionDraftErrors,
} from '../../lib/submission-rules';
import { startSubmissionUpload } from '../../lib/submission-upload';
import { FilesUploadStatus, UploadAction } from '../upload/upload-status';
import { AttachDocumentsField } from './attach-documents-field';
import { useChosenFilesUpload } from './chosen-files';
import { ContributionFieldset } from './contribution-fieldset';
import { IprPolicyFieldset, type PolicyByOrganization } from './ipr-policy-fieldset';
import { RouteFieldset } from './route-fieldset';
import { useRouteChoice } from './use-route-choice';

export type { PolicyByOrganization } from './ipr-policy-fieldset';

export interface CreateSubmissionFormProps {
  routes: SubmissionRoute[];
  policies: PolicyByOrganization;
  initial: { register?: string | undefined; to?: string | undefined };
  /** Liaison document versions the person may attach instead of uploading their files. */
  attachOptions: AttachOption[];
}

export function CreateSubmissionForm({
  routes,
  policies,
  initial,
  attachOptions,
}: CreateSubmissionFormProps) {
  const router = useRouter();
  const id = useId();
  const choice = useRouteChoice(routes, initial);
  const { register, from, to, toName, fromName } = choice;
  const policy = policies[to] ?? null;

  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  // Acknowledged for one receiver's policy only: choosing another receiver asks again.
  const [acknowledged, setAcknowledged] = useState<string | null>(null);
  const acceptIpr = acknowledged === to && policy !== null;
  const [attach, setAttach] = useState<string[]>([]);
  const [errors, setErrors] = useState<SubmissionFieldErrors>({});
  const { upload, busy, chosenFiles } = useChosenFilesUpload(() =>
    setErrors((current) => ({ ...current, files: undefined })),
  );
  const { files, bytes } = chosenFiles;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found = submissionDraftErrors(
      { register, from, to, title, description, acceptIpr, files, attached: attach.length },
      routes,
    );
    if (!policy && !found.route) {
      found.route = `${toName} has not published an IPR policy in Liaison, so it cannot receive submissions yet.`;
    }
    setErrors(found);
    const first = (['route', 'title', 'description', 'acceptIpr', 'files'] as const).find(
      (key) => found[key],
    );
    if (first || !policy) {
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }

    const outcome = await upload.start(
      bytes,
      (callbacks) =>
        startSubmissionUpload(
          {
            register,
            to,
            from,
            title: title.trim(),
            description: description.trim(),
            acceptIpr,
            iprPolicySha256: policy.sha256,
            attach,
          },
          files,
          callbacks,
        ),
      describeSubmissionError,
    );
    if (outcome.ok) router.push(`${submissionPath(outcome.id)}?notice=submitted`);
  };

  // What each fieldset of the form is given alike.
  const fieldset = { formId: id, errors, disabled: busy };

  return (
    <form className="form submission-form" onSubmit={submit} noValidate aria-busy={busy}>
      <RouteFieldset {...fieldset} choice={choice} policies={policies} />
      <ContributionFieldset
        {...fieldset}
        toName={toName}
        title={title}
        onTitle={setTitle}
        description={description}
        onDescription={setDescription}
        chosenFiles={chosenFiles}
        attachField={
          <AttachDocumentsField
            formId={id}
            options={attachOptions}
            chosen={attach}
            onChange={(chosen) => {
              setAttach(chosen);
              setErrors((current) => ({ ...current, files: undefined }));
            }}
            toName={toName}
            disabled={busy}
          />
        }
      />
      <IprPolicyFieldset
        {...fieldset}
        policy={policy}
        toName={toName}
        fromName={fromName}
        acknowledged={acceptIpr}
        onAcknowledge={(checked) => setAcknowledged(checked ? to : null)}
      />

      <FilesUploadStatus
        upload={upload}
        formId={id}
        files={files}
        doneLabel="Submitted. Opening the submission…"
        failedTitle="The submission failed"
        cancelledText="Nothing was submitted. You can start again when you are ready."
      />

      <div className="form__actions">
        <UploadAction upload={upload} submitLabel={`Submit to ${toName}`} submitDisabled={busy} />
        {!busy && (
          <Link className="button button--secondary" href="/submissions">
            Cancel
          </Link>
        )}
      </div>
    </form>
  );
}
