'use server';

// Document mutations. Each one is a call to the API with the session's token: the API is the only
// enforcement point. What is checked here is for the person filling in the form (clear messages
// before a round trip), never for security.

import {
  canCreateDocument,
  type DocumentStatus,
  documentCreationChoices,
  PARTNERS_WITHOUT_REGISTER_CODE,
  type UpdateDocumentBody,
  type Visibility,
} from '@liaison/core';
import { redirect } from 'next/navigation';
import { type ApiError, callApi, fromApi, getDocument, listRegisters } from '../../lib/api';
import { viewerActor } from '../../lib/auth/viewer-actor';
import { boundIdAction } from '../../lib/bound-id-action';
import {
  changedFields,
  documentFieldErrors,
  editChoices,
  identifierError,
  readDocumentFields,
  reasonError,
  registersOf,
} from '../../lib/document-rules';
import { describeApiError } from '../../lib/errors';
import { isUuid } from '../../lib/proxy';
import { getAccessToken, getViewer } from '../../lib/session';
import type { ActionState } from './action-state';

function failure({ error }: { error: ApiError }): ActionState {
  // An answer that is not the JSON expected is the server's fault, whatever its status said.
  const status = error.code === 'invalid_response' ? 502 : error.status;
  return {
    status: 'error',
    message: describeApiError({ status, code: error.code, detail: error.message }),
  };
}

/** The API's refusals that are about the registers field. */
const REGISTER_ERRORS = new Set(['register_not_shared', PARTNERS_WITHOUT_REGISTER_CODE]);

const signedOut: ActionState = {
  status: 'error',
  message: 'Your session has expired. Sign in again, then retry.',
};

const invalid: ActionState = { status: 'error', message: 'This document cannot be found.' };

/**
 * An action on the document the page bound, made as the session: a malformed id and an expired
 * session are answered before `handle` runs.
 */
function documentAction(
  handle: (documentId: string, token: string, form: FormData) => Promise<ActionState>,
) {
  return boundIdAction(invalid, async (documentId, form) => {
    const token = await getAccessToken();
    return token ? handle(documentId, token, form) : signedOut;
  });
}

/** Step one of "New document": the metadata. The page uploads the first version next. */
export async function createDocumentAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const [viewer, token] = await Promise.all([getViewer(), getAccessToken()]);
  if (!viewer || !token) return signedOut;

  const organization = String(form.get('organization') ?? '');
  const identifier = String(form.get('identifier') ?? '').trim();
  const fields = readDocumentFields(form);
  const actor = viewerActor(viewer);
  const registers = await listRegisters({ token });
  const allowed = registers.ok
    ? registersOf(registers.data, organization).map((register) => register.slug)
    : [];

  const fieldErrors = documentFieldErrors(
    fields,
    documentCreationChoices(actor, organization),
    allowed,
  );
  if (!canCreateDocument(actor, organization)) {
    fieldErrors.organization = 'Choose an organization where you are an editor or admin.';
  }
  const identifierProblem = identifierError(identifier);
  if (identifierProblem) fieldErrors.identifier = identifierProblem;
  if (Object.keys(fieldErrors).length > 0) {
    return { status: 'error', message: 'Check the fields marked below.', fieldErrors };
  }

  const result = await fromApi(
    (client) =>
      client.createDocument({
        organization,
        identifier,
        title: fields.title,
        abstract: fields.abstract,
        // Checked by documentFieldErrors above (and by the API again).
        status: fields.status as DocumentStatus,
        visibility: fields.visibility as Visibility,
        watermark: fields.watermark,
        registers: fields.registers,
      }),
    { token },
  );
  if (!result.ok) {
    const state = failure(result);
    if (result.error.code === 'duplicate_identifier') {
      return {
        ...state,
        message: 'Check the fields marked below.',
        fieldErrors: { identifier: state.message },
      };
    }
    if (REGISTER_ERRORS.has(result.error.code)) {
      return { ...state, fieldErrors: { registers: state.message } };
    }
    return state;
  }
  return {
    status: 'success',
    message: `${result.data.identifier} was created.`,
    documentId: result.data.id,
    documentIdentifier: result.data.identifier,
  };
}

/** Saves the metadata form; sends only what changed. */
export const updateDocumentAction = documentAction(async (documentId, token, form) => {
  const [current, registers] = await Promise.all([
    getDocument(documentId, { token }),
    listRegisters({ token }),
  ]);
  if (!current.ok) return failure(current);
  const document = current.data;
  const fields = readDocumentFields(form);
  const allowed = [
    ...new Set([
      ...document.registers,
      ...(registers.ok ? registersOf(registers.data, document.organization) : []).map(
        (register) => register.slug,
      ),
    ]),
  ];
  const fieldErrors = documentFieldErrors(
    fields,
    editChoices(document, document.permissions),
    allowed,
  );
  if (Object.keys(fieldErrors).length > 0) {
    return { status: 'error', message: 'Check the fields marked below.', fieldErrors };
  }
  const change = changedFields(
    { ...document, registers: document.registers },
    {
      ...fields,
      status: fields.status as DocumentStatus,
      visibility: fields.visibility as Visibility,
    },
  );
  if (Object.keys(change).length > 0) {
    const result = await fromApi((client) => client.updateDocument(documentId, change), {
      token,
    });
    if (!result.ok) {
      const state = failure(result);
      if (REGISTER_ERRORS.has(result.error.code)) {
        return { ...state, fieldErrors: { registers: state.message } };
      }
      if (result.error.code === 'watermark_too_large') {
        return { ...state, fieldErrors: { watermark: state.message } };
      }
      return state;
    }
  }
  redirect(`/documents/${documentId}?notice=saved`);
});

/** Changes one thing of the document; back to its page with `notice`. */
function patch(body: UpdateDocumentBody, notice: string) {
  return documentAction(async (documentId, token) => {
    const result = await fromApi((client) => client.updateDocument(documentId, body), { token });
    if (!result.ok) return failure(result);
    redirect(`/documents/${documentId}?notice=${notice}`);
  });
}

/** Makes a document public: anyone can then read it and download its versions. */
export const releaseDocumentAction = patch({ visibility: 'public' }, 'released');

export const setStandardAction = patch({ status: 'standard' }, 'standard');

export async function withdrawVersionAction(
  documentId: string,
  versionId: string,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  if (!isUuid(documentId) || !isUuid(versionId)) return invalid;
  const reason = String(form.get('reason') ?? '').trim();
  const problem = reasonError(reason);
  if (problem) return { status: 'error', message: problem, fieldErrors: { reason: problem } };
  const token = await getAccessToken();
  if (!token) return signedOut;
  const result = await callApi(`/api/v1/documents/${documentId}/versions/${versionId}/withdraw`, {
    method: 'POST',
    token,
    body: { reason },
  });
  if (!result.ok) return failure(result);
  redirect(`/documents/${documentId}?notice=withdrawn`);
}

export const deleteDocumentAction = documentAction(async (documentId, token) => {
  const result = await fromApi((client) => client.deleteDocument(documentId), { token });
  if (!result.ok) return failure(result);
  redirect('/?notice=deleted');
});
