'use client';

import type {
  RegisterApproval,
  RegisterCommitment,
  RegisterContact,
  RegisterMilestone,
} from '@liaison/core';
import {
  APPROVAL_BODY_MAX_LENGTH,
  CONTACT_ROLE_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  MILESTONE_DELIVERABLE_MAX_LENGTH,
  REGISTER_TEXT_MAX_LENGTH,
  TIMEFRAME_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from '@liaison/core';
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
  bindFields,
  FormMessage,
  HiddenFields,
  SelectField,
  SubmitButton,
  SubmitRow,
  TextAreaField,
  TextField,
} from '../admin/form-parts';
import { type FormAction, IDLE } from '../admin/form-state';

export interface PartyOption {
  slug: string;
  name: string;
}

/** The form's state, its fields showing what was submitted after a failure, else the item's own. */
function useForm(action: FormAction) {
  const [state, formAction] = useActionState(action, IDLE);
  return { state, formAction, bind: bindFields(state) };
}

export function MilestoneForm({
  slug,
  milestone,
}: {
  slug: string;
  milestone?: RegisterMilestone;
}) {
  const { state, formAction, bind } = useForm(saveMilestone);
  return (
    <form action={formAction} className={styles.form}>
      <FormMessage state={state} />
      <HiddenFields fields={{ slug, id: milestone?.id }} />
      <TextField
        label="Deliverable"
        maxLength={MILESTONE_DELIVERABLE_MAX_LENGTH}
        hint="“?” (or nothing) keeps it an open item, as the register has it."
        {...bind('deliverable', milestone?.deliverable)}
      />
      <div className={styles.row}>
        <TextField
          label="Timeframe"
          maxLength={TIMEFRAME_MAX_LENGTH}
          hint="As the register writes it, e.g. “Oct 2018”; “?” while open."
          {...bind('timeframe', milestone?.timeframe)}
        />
        <SelectField
          label="State"
          options={MILESTONE_STATES}
          {...bind('state', milestone?.state ?? 'planned')}
        />
        <TextField
          label="Date done"
          type="date"
          optional
          hint="Only when done."
          {...bind('doneOn', milestone?.doneOn ?? '')}
        />
      </div>
      <SubmitRow pendingText="Saving…">{milestone ? 'Save milestone' : 'Add milestone'}</SubmitRow>
    </form>
  );
}

export function CommitmentForm({
  slug,
  commitment,
  parties,
  fromParties = parties,
  documents,
}: {
  slug: string;
  commitment?: RegisterCommitment;
  parties: readonly PartyOption[];
  /** The parties the caller may make a commitment for (their own). */
  fromParties?: readonly PartyOption[];
  /** Suggestions for the document field: "dmtf/DSP0266 — title". */
  documents: readonly { ref: string; title: string }[];
}) {
  const { state, formAction, bind } = useForm(saveCommitment);
  const listId = `${useId()}-documents`;
  const options = parties.map((party) => ({ value: party.slug, label: party.name }));
  const ref = commitment?.document
    ? `${commitment.document.organization}/${commitment.document.identifier}`
    : '';
  return (
    <form action={formAction} className={styles.form}>
      <FormMessage state={state} />
      <HiddenFields
        fields={{ slug, id: commitment?.id, parties: parties.map((p) => p.slug).join(',') }}
      />
      <div className={styles.row}>
        <SelectField
          label="Made available by"
          options={fromParties.map((party) => ({ value: party.slug, label: party.name }))}
          {...bind('from', commitment?.from ?? fromParties[0]?.slug)}
        />
        <SelectField
          label="To"
          options={options}
          {...bind(
            'to',
            commitment?.to ?? parties.find((party) => party.slug !== fromParties[0]?.slug)?.slug,
          )}
        />
      </div>
      <TextField
        label="Document title"
        maxLength={TITLE_MAX_LENGTH}
        hint="As the register names it; “?” keeps it an open item."
        {...bind('title', commitment?.title)}
      />
      <TextField
        label="Linked document"
        optional
        list={listId}
        autoComplete="off"
        spellCheck={false}
        hint="The portal document that fulfils it, as organization/identifier (e.g. dmtf/DSP0266). It shows as delivered once that document has a file."
        {...bind('document', ref)}
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
        optional
        rows={2}
        maxLength={REGISTER_TEXT_MAX_LENGTH}
        {...bind('note', commitment?.note)}
      />
      <SubmitRow pendingText="Saving…">
        {commitment ? 'Save commitment' : 'Add commitment'}
      </SubmitRow>
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
  const { state, formAction, bind } = useForm(saveContact);
  return (
    <form action={formAction} className={styles.form}>
      <FormMessage state={state} />
      <HiddenFields
        fields={{ slug, id: contact?.id, parties: parties.map((p) => p.slug).join(',') }}
      />
      <div className={styles.row}>
        <SelectField
          label="Party"
          options={parties.map((party) => ({ value: party.slug, label: party.name }))}
          {...bind('party', contact?.party ?? parties[0]?.slug)}
        />
        <TextField
          label="Role"
          maxLength={CONTACT_ROLE_MAX_LENGTH}
          hint="E.g. “VP of Alliances”, or the mailing list’s purpose."
          {...bind('role', contact?.role)}
        />
        <TextField
          label="E-mail address"
          type="email"
          optional
          maxLength={EMAIL_MAX_LENGTH}
          hint="A person or a mailing list; without one the contact stays open."
          {...bind('address', contact?.address ?? '')}
        />
      </div>
      <SubmitRow pendingText="Saving…">{contact ? 'Save contact' : 'Add contact'}</SubmitRow>
    </form>
  );
}

const REMOVE: Record<'milestone' | 'commitment' | 'contact', FormAction> = {
  milestone: removeMilestone,
  commitment: removeCommitment,
  contact: removeContact,
};

/**
 * Removes one milestone, commitment or contact, apart from its "Save" and only after a
 * confirmation: "Remove…" opens the question, "Yes, remove" removes. The API's refusal shows next
 * to the button.
 */
export function RemoveItemForm({
  slug,
  id,
  kind,
  label,
}: {
  slug: string;
  id: string;
  kind: keyof typeof REMOVE;
  /** What is removed, in words: "milestone “Oct 2018”". */
  label: string;
}) {
  const [state, formAction] = useActionState(REMOVE[kind], IDLE);
  return (
    <details open={state.status === 'error'}>
      <summary>
        Remove…<span className="visually-hidden"> {label}</span>
      </summary>
      <form action={formAction} className={styles.inlineForm}>
        <FormMessage state={state} />
        <p>Remove the {label} from the register? The register’s history keeps what it said.</p>
        <HiddenFields fields={{ slug, id }} />
        <SubmitButton
          variant="danger"
          small
          pendingText="Removing…"
          aria-label={`Yes, remove the ${label}`}
        >
          Yes, remove
        </SubmitButton>
      </form>
    </details>
  );
}

/** The caller's own organization's approval: body, resolution and its document, date. */
export function ApprovalForm({
  slug,
  party,
  approval,
}: {
  slug: string;
  party: PartyOption;
  approval?: RegisterApproval;
}) {
  const { state, formAction, bind } = useForm(recordApproval);
  return (
    <form action={formAction} className={styles.form}>
      <FormMessage state={state} />
      <HiddenFields fields={{ slug, organization: party.slug }} />
      <TextField
        label="Approving body"
        required
        maxLength={APPROVAL_BODY_MAX_LENGTH}
        hint={`E.g. “${party.slug.toUpperCase()} Board of Directors”.`}
        {...bind('body', approval?.body)}
      />
      <div className={styles.row}>
        <TextField
          label="Resolution"
          optional
          maxLength={APPROVAL_BODY_MAX_LENGTH}
          {...bind('resolution', approval?.resolution ?? '')}
        />
        <TextField
          label="Approved on"
          type="date"
          required
          {...bind('approvedOn', approval?.approvedOn ?? '')}
        />
      </div>
      <TextField
        label="Resolution document"
        optional
        autoComplete="off"
        spellCheck={false}
        hint={`The board resolution, if it is a Liaison document you can read: its identifier (one of ${party.name}’s), or organization/identifier.`}
        {...bind(
          'resolutionDocument',
          approval?.resolutionDocument
            ? `${approval.resolutionDocument.organization}/${approval.resolutionDocument.identifier}`
            : '',
        )}
      />
      <SubmitRow pendingText="Recording…">Record {party.name}’s approval</SubmitRow>
    </form>
  );
}
