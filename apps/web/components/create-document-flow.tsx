'use client';

import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionState } from '../app/documents/action-state';
import { NO_CHOICES } from '../lib/document-rules';
import {
  DocumentForm,
  type DocumentFormValues,
  type OrganizationOption,
  type RegisterOption,
} from './document-form';
import { VersionUpload } from './version-upload';

export interface CreateDocumentFlowProps {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  organizations: OrganizationOption[];
  registers: RegisterOption[];
  defaultOrganization: string;
}

/** "New document": step 1 describes it (a Server Action creates it), step 2 uploads its first file. */
export function CreateDocumentFlow({
  action,
  organizations,
  registers,
  defaultOrganization,
}: CreateDocumentFlowProps) {
  const [created, setCreated] = useState<{ id: string; identifier: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const choices =
    organizations.find((org) => org.slug === defaultOrganization)?.choices ?? NO_CHOICES;
  const initial: DocumentFormValues = {
    organization: defaultOrganization,
    identifier: '',
    title: '',
    abstract: '',
    status: choices.statuses[0] ?? 'work-in-progress',
    visibility: 'organization',
    // The API's default for a new organization or partners document (defaultWatermark).
    watermark: true,
    registers: [],
  };

  const onSuccess = useCallback((state: ActionState) => {
    if (state.documentId) {
      setCreated({ id: state.documentId, identifier: state.documentIdentifier ?? 'The document' });
    }
  }, []);

  useEffect(() => {
    if (created) headingRef.current?.focus();
  }, [created]);

  if (created) {
    const href = `/documents/${created.id}`;
    return (
      <>
        <ol className="steps" aria-label="Progress">
          <li className="steps__item steps__item--done">
            <span className="visually-hidden">Done: </span>Describe the document
          </li>
          <li className="steps__item steps__item--current" aria-current="step">
            Upload the first version
          </li>
        </ol>
        <div className="notice notice--success" role="status">
          <p className="notice__title">{created.identifier} was created.</p>
          <p>
            Only its metadata exists so far. Upload its first file now, or{' '}
            <Link href={href}>go to the document</Link> and do it later.
          </p>
        </div>
        <h2 ref={headingRef} tabIndex={-1} className="step-title">
          Step 2 of 2: upload the first version
        </h2>
        <VersionUpload
          documentId={created.id}
          documentIdentifier={created.identifier}
          existingLabels={[]}
          documentHref={href}
        />
      </>
    );
  }

  return (
    <>
      <ol className="steps" aria-label="Progress">
        <li className="steps__item steps__item--current" aria-current="step">
          Describe the document
        </li>
        <li className="steps__item">Upload the first version</li>
      </ol>
      <h2 className="step-title">Step 1 of 2: describe the document</h2>
      <DocumentForm
        mode="create"
        action={action}
        initial={initial}
        registers={registers}
        organizations={organizations}
        submitLabel="Create and continue"
        cancelHref="/"
        onSuccess={onSuccess}
      />
    </>
  );
}
