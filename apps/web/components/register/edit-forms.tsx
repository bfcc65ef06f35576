'use client';

import type {
  RegisterApproval,
  RegisterCommitment,
  RegisterContact,
  RegisterMilestone,
} from '@liaison/core';
import { TITLE_MAX_LENGTH } from '@liaison/core';
import { useActionState, useId } from 'react';
import {
  recordApproval,
  removeCommitment,
  removeContact,
  removeMilestone,
  saveCommitment,
  saveContact,
  saveMilestone,
} from '../../app/registers/[slug]/actions';
import { MILESTONE_STATES } from '../../lib/register-edit';
import styles from '../admin/admin.module.css';
import {
  FormMessage,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../admin/form-parts';
import { type FormState, IDLE } from '../admin/form-state';

type Action = (previous: FormState, form: FormData) => Promise<FormState>;

export interface PartyOption {
  slug: string;
  name: string;
}

/** The values to show: what was submitted after a failure, else the item's own. */
function useForm(action: Action) {
  const [state, formAction] = useActionState(action, IDLE);
  const failed = state.status === 'error';
  return {
    state,
    formAction,
    submitted: failed ? (state.values ?? {}) : {},
    errors: state.fieldErrors ?? {},
  };
}

function Hidden({ fields }: { fields: Record<string, string | undefined> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
    </>
  );
}

export function MilestoneForm({
  slug,
  milestone,
}: {
  slug: string;
  milestone?: RegisterMilestone;
}) {
  const { state, formAction, submitted: v, errors } = useForm(saveMilestone);
  return (
    <form action={formAction} className={styles.form}>
      <FormMessage state={state} />
      <Hidden fields={{ slug, id: milestone?.id }} />
      <TextField
        label="Deliverable"
        name="deliverable"
        maxLength={500}
        hint="“?” (or nothing) keeps it an open item, as the register has it."
        defaultValue={v.deliverable ?? milestone?.deliverable}
        error={errors.deliverable}
      />
      <div className={styles.row}>
        <TextField
          label="Timeframe"
          name="timeframe"
          maxLength={100}
          hint="As the register writes it, e.g. “Oct 2018”; “?” while open."
          defaultValue={v.timeframe ?? milestone?.timeframe}
          error={errors.timeframe}
        />
        <SelectField
          label="State"
          name="state"
          options={MILESTONE_STATES}
          defaultValue={v.state ?? milestone?.state ?? 'planned'}
          error={errors.state}
        />
        <TextField
          label="Date done"
          name="doneOn"
          type="date"
          optional
          hint="Only when done."
          defaultValue={v.doneOn ?? milestone?.doneOn ?? ''}
          error={errors.doneOn}
        />
      </div>
      <div className={styles.actions}>
        <SubmitButton pendingText="Saving…">
          {milestone ? 'Save milestone' : 'Add milestone'}
        </SubmitButton>
      </div>
    </form>
  );
}

export function CommitmentForm({
  slug,
  commitment,
  parties,
  documents,
}: {
  slug: string;
  commitment?: RegisterCommitment;
  parties: readonly PartyOption[];
  /** Suggestions for the document field: "dmtf/DSP0266 — title". */
  documents: readonly { ref: string; title: string }[];
}) {
  const { state, formAction, submitted: v, errors } = useForm(saveCommitment);
  const listId = `${useId()}-documents`;
  const options = parties.map((party) => ({ value: party.slug, label: party.name }));
  const ref = commitment?.document
    ? `${commitment.document.organization}/${commitment.document.identifier}`
    : '';
  return (
    <form action={formAction} className={styles.form}>
      <FormMessage state={state} />
      <Hidden
        fields={{ slug, id: commitment?.id, parties: parties.map((p) => p.slug).join(',') }}
      />
      <div className={styles.row}>
        <SelectField
          label="Made available by"
          name="from"
          options={options}
          defaultValue={v.from ?? commitment?.from ?? parties[0]?.slug}
          error={errors.from}
        />
        <SelectField
          label="To"
          name="to"
          options={options}
          defaultValue={v.to ?? commitment?.to ?? parties[1]?.slug}
          error={errors.to}
        />
      </div>
      <TextField
        label="Document title"
        name="title"
        maxLength={TITLE_MAX_LENGTH}
        hint="As the register names it; “?” keeps it an open item."
        defaultValue={v.title ?? commitment?.title}
        error={errors.title}
      />
      <TextField
        label="Linked document"
        name="document"
        optional
        list={listId}
        autoComplete="off"
        spellCheck={false}
        hint="The portal document that fulfils it, as organization/identifier (e.g. dmtf/DSP0266). It shows as delivered once that document has a file."
        defaultValue={v.document ?? ref}
        error={errors.document}
      />
      <datalist id={listId}>
        {documents.map((document) => (
          <option key={document.ref} value={document.ref}>
            {document.title}
          </option>
        ))}
      </datalist>
      <TextAreaField
        label="Note"
        name="note"
        optional
        rows={2}
        maxLength={2000}
        defaultValue={v.note ?? commitment?.note}
        error={errors.note}
      />
      <div className={styles.actions}>
        <SubmitButton pendingText="Saving…">
          {commitment ? 'Save commitment' : 'Add commitment'}
        </SubmitButton>
      </div>
    </form>
  );
}

export function ContactForm({
  slug,
  contact,
  parties,
}: {
  slug: string;
  contact?: RegisterContact;
  parties: readonly PartyOption[];
}) {
  const { state, formAction, submitted: v, errors } = useForm(saveContact);
  return (
    <form action={formAction} className={styles.form}>
      <FormMessage state={state} />
      <Hidden fields={{ slug, id: contact?.id, parties: parties.map((p) => p.slug).join(',') }} />
      <div className={styles.row}>
        <SelectField
          label="Party"
          name="party"
          options={parties.map((party) => ({ value: party.slug, label: party.name }))}
          defaultValue={v.party ?? contact?.party ?? parties[0]?.slug}
          error={errors.party}
        />
        <TextField
          label="Role"
          name="role"
          maxLength={300}
          hint="E.g. “VP of Alliances”, or the mailing list’s purpose."
          defaultValue={v.role ?? contact?.role}
          error={errors.role}
        />
        <TextField
          label="E-mail address"
          name="address"
          type="email"
          optional
          maxLength={320}
          hint="A person or a mailing list; without one the contact stays open."
          defaultValue={v.address ?? contact?.address ?? ''}
          error={errors.address}
        />
      </div>
      <div className={styles.actions}>
        <SubmitButton pendingText="Saving…">
          {contact ? 'Save contact' : 'Add contact'}
        </SubmitButton>
      </div>
    </form>
  );
}

const REMOVE: Record<'milestone' | 'commitment' | 'contact', Action> = {
  milestone: removeMilestone,
  commitment: removeCommitment,
  contact: removeContact,
};

/** Removes one milestone, commitment or contact; the API's refusal shows next to the button. */
export function RemoveItemForm({
  slug,
  id,
  kind,
  label,
}: {
  slug: string;
  id: string;
  kind: keyof typeof REMOVE;
  /** What is removed, for screen readers: "milestone “Oct 2018”". */
  label: string;
}) {
  const [state, formAction] = useActionState(REMOVE[kind], IDLE);
  return (
    <form action={formAction} className={styles.inlineForm}>
      <FormMessage state={state} />
      <Hidden fields={{ slug, id }} />
      <SubmitButton variant="danger" small pendingText="Removing…" aria-label={`Remove ${label}`}>
        Remove
      </SubmitButton>
    </form>
  );
}

/** The caller's own organization's approval: body, resolution, date. */
export function ApprovalForm({
  slug,
  party,
  approval,
}: {
  slug: string;
  party: PartyOption;
  approval?: RegisterApproval;
}) {
  const { state, formAction, submitted: v, errors } = useForm(recordApproval);
  return (
    <form action={formAction} className={styles.form}>
      <FormMessage state={state} />
      <Hidden fields={{ slug, organization: party.slug }} />
      <TextField
        label="Approving body"
        name="body"
        required
        maxLength={200}
        hint={`E.g. “${party.slug.toUpperCase()} Board of Directors”.`}
        defaultValue={v.body ?? approval?.body}
        error={errors.body}
      />
      <div className={styles.row}>
        <TextField
          label="Resolution"
          name="resolution"
          optional
          maxLength={200}
          defaultValue={v.resolution ?? approval?.resolution ?? ''}
          error={errors.resolution}
        />
        <TextField
          label="Approved on"
          name="approvedOn"
          type="date"
          required
          defaultValue={v.approvedOn ?? approval?.approvedOn ?? ''}
          error={errors.approvedOn}
        />
      </div>
      <div className={styles.actions}>
        <SubmitButton pendingText="Recording…">Record {party.name}’s approval</SubmitButton>
      </div>
    </form>
  );
}
