'use server';

import { isSlug } from '@liaison/core';
import { type FormState, formValues, invalidState } from '../../../components/admin/form-state';
import { type AfterChange, callApiThenRedirect } from '../../../lib/call-then-redirect';
import { formText } from '../../../lib/form-text';
import {
  type Read,
  readApprovalForm,
  readCommitmentForm,
  readContactForm,
  readMilestoneForm,
} from '../../../lib/register-edit';

// The register page's edit forms. Each names its register (and item) in hidden fields; the API
// decides whether the caller may make the change and answers with the reason when not.

type ItemKind = 'milestones' | 'commitments' | 'contacts';

const SAVED: Record<ItemKind, string> = {
  milestones: 'milestone',
  commitments: 'commitment',
  contacts: 'contact',
};

const ID = /^[0-9a-f-]{36}$/i;

/** The register (and item) the form is about, or an error state when the form was tampered with. */
function target(form: FormData, needsId: boolean): { slug: string; id: string } | FormState {
  const slug = formText(form, 'slug');
  const id = formText(form, 'id');
  if (!isSlug(slug) || (needsId && !ID.test(id)) || (id && !ID.test(id))) {
    return damaged(formValues(form));
  }
  return { slug, id };
}

function damaged(values: Record<string, string>): FormState {
  return {
    status: 'error',
    message: 'The form is damaged; reload the page.',
    values,
    at: Date.now(),
  };
}

function parties(form: FormData): string[] {
  return formText(form, 'parties').split(',').filter(Boolean);
}

/** Back to the register's section `anchor`, which confirms what was `saved`. */
function backToRegister(
  slug: string,
  saved: string,
  anchor: string,
  values?: Record<string, string>,
): AfterChange {
  return {
    refresh: [`/registers/${slug}`],
    redirectTo: `/registers/${slug}?saved=${saved}#${anchor}`,
    values,
  };
}

async function saveItem<T>(kind: ItemKind, form: FormData, read: Read<T>): Promise<FormState> {
  const values = formValues(form);
  const where = target(form, false);
  if ('status' in where) return where;
  if (!read.ok) return invalidState(read.problems, values);
  const base = `/api/v1/registers/${encodeURIComponent(where.slug)}/${kind}`;
  return callApiThenRedirect(
    where.id ? `${base}/${encodeURIComponent(where.id)}` : base,
    { method: where.id ? 'PATCH' : 'POST', body: read.body },
    backToRegister(where.slug, SAVED[kind], kind, values),
  );
}

async function removeItem(kind: ItemKind, form: FormData): Promise<FormState> {
  const where = target(form, true);
  if ('status' in where) return where;
  return callApiThenRedirect(
    `/api/v1/registers/${encodeURIComponent(where.slug)}/${kind}/${encodeURIComponent(where.id)}`,
    { method: 'DELETE' },
    backToRegister(where.slug, `${SAVED[kind]}-removed`, kind),
  );
}

export async function saveMilestone(_previous: FormState, form: FormData): Promise<FormState> {
  return saveItem('milestones', form, readMilestoneForm(form));
}

export async function removeMilestone(_previous: FormState, form: FormData): Promise<FormState> {
  return removeItem('milestones', form);
}

export async function saveCommitment(_previous: FormState, form: FormData): Promise<FormState> {
  return saveItem('commitments', form, readCommitmentForm(form, parties(form)));
}

export async function removeCommitment(_previous: FormState, form: FormData): Promise<FormState> {
  return removeItem('commitments', form);
}

export async function saveContact(_previous: FormState, form: FormData): Promise<FormState> {
  return saveItem('contacts', form, readContactForm(form, parties(form)));
}

export async function removeContact(_previous: FormState, form: FormData): Promise<FormState> {
  return removeItem('contacts', form);
}

/** PUT …/approvals/:organization: the caller's own organization's approval. */
export async function recordApproval(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const where = target(form, false);
  if ('status' in where) return where;
  const organization = formText(form, 'organization');
  if (!isSlug(organization)) {
    return damaged(values);
  }
  const read = readApprovalForm(form, organization);
  if (!read.ok) return invalidState(read.problems, values);
  return callApiThenRedirect(
    `/api/v1/registers/${encodeURIComponent(where.slug)}/approvals/${encodeURIComponent(organization)}`,
    { method: 'PUT', body: read.body },
    backToRegister(where.slug, `approval-${organization}`, 'approvals', values),
  );
}
