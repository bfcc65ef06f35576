'use server';

import { isEmailAddress, isSlug, PERSON_NAME_MAX_LENGTH, ROLES, type Role } from '@liaison/core';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import {
  errorState,
  type FormState,
  formValues,
  invalidState,
  successState,
} from '../../../components/admin/form-state';
import { fromApi, type LiaisonClient } from '../../../lib/api';
import { tooLong } from '../../../lib/field-rules';
import { formText } from '../../../lib/form-text';
import { roleArticle } from '../../../lib/format';

/** A user's or an invitation's id. */
const USER_ID = /^[A-Za-z0-9-]{1,64}$/;

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** What is wrong with the organization, address and role of a person to invite or add. */
function newcomerProblems(organization: string, email: string, role: string) {
  const problems: Record<string, string> = {};
  if (!isSlug(organization)) problems.organization = 'Unknown organization.';
  if (!isEmailAddress(email)) problems.email = 'Enter an e-mail address.';
  if (!isRole(role)) problems.role = 'Choose a role.';
  return problems;
}

/**
 * The organization and the member or invitation (by `idField`) a row's form names, or null when
 * either is malformed.
 */
function rowTarget(form: FormData, idField: string): { organization: string; id: string } | null {
  const organization = formText(form, 'organization');
  const id = formText(form, idField);
  return isSlug(organization) && USER_ID.test(id) ? { organization, id } : null;
}

/**
 * Makes `call` as the session and refreshes the organization's members page; null when it
 * succeeded, else the API's refusal (with the form's `values` kept).
 */
async function changeMembers(
  organization: string,
  call: (client: LiaisonClient) => Promise<unknown>,
  values?: Record<string, string>,
): Promise<FormState | null> {
  const answer = await fromApi(call, { requireSession: true });
  if (!answer.ok) return errorState(answer.error, values);
  revalidatePath(`/admin/members/${organization}`);
  return null;
}

/** Sends an invitation: the person becomes a member when they accept the mailed link. */
export async function inviteMember(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const organization = formText(form, 'organization');
  const email = formText(form, 'email');
  const role = formText(form, 'role');
  const problems = newcomerProblems(organization, email, role);
  if (Object.keys(problems).length > 0 || !isRole(role)) return invalidState(problems, values);

  const refused = await changeMembers(
    organization,
    (client) => client.createInvitation(organization, { email, role }),
    values,
  );
  return (
    refused ??
    successState(
      `Invitation sent to ${email}: they join as ${roleArticle(role)} ${role} when they accept it.`,
    )
  );
}

export async function revokeInvitation(_previous: FormState, form: FormData): Promise<FormState> {
  const invitation = rowTarget(form, 'invitationId');
  if (!invitation) return invalidState({ invitationId: 'Unknown invitation.' });
  const { organization, id } = invitation;
  const refused = await changeMembers(organization, (client) =>
    client.revokeInvitation(organization, id),
  );
  return refused ?? successState('Invitation revoked.');
}

export async function addMember(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const organization = formText(form, 'organization');
  const email = formText(form, 'email');
  const name = formText(form, 'name');
  const role = formText(form, 'role');
  const problems = newcomerProblems(organization, email, role);
  tooLong(problems, 'name', name, PERSON_NAME_MAX_LENGTH);
  if (Object.keys(problems).length > 0 || !isRole(role)) return invalidState(problems, values);

  const refused = await changeMembers(
    organization,
    (client) => client.addMember(organization, { email, role, ...(name ? { name } : {}) }),
    values,
  );
  return (
    refused ?? successState(`${email} is now ${roleArticle(role)} ${role} of the organization.`)
  );
}

export async function changeRole(_previous: FormState, form: FormData): Promise<FormState> {
  const member = rowTarget(form, 'userId');
  const role = formText(form, 'role');
  if (!member || !isRole(role)) return invalidState({ role: 'Choose a role.' });
  const { organization, id } = member;
  const refused = await changeMembers(organization, (client) =>
    client.changeMemberRole(organization, id, role),
  );
  return refused ?? successState(`Role changed to ${role}.`);
}

export async function removeMember(_previous: FormState, form: FormData): Promise<FormState> {
  const member = rowTarget(form, 'userId');
  if (!member) return invalidState({ userId: 'Unknown member.' });
  const { organization, id } = member;
  const refused = await changeMembers(organization, (client) =>
    client.removeMember(organization, id),
  );
  if (refused) return refused;
  const email = formText(form, 'email');
  redirect(`/admin/members/${organization}?removed=${encodeURIComponent(email || 'member')}`);
}
