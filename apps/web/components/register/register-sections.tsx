import Link from 'next/link';
import type { FoundRegister } from '../../app/registers/data';
import {
  ACCESS_SCOPES,
  groupByDirection,
  groupByParty,
  section,
} from '../../lib/register-sections';
import { APPROVAL_LABELS, approvalStanding } from '../../lib/register-standing';
import { deliverableText, timeframeText } from '../../lib/register-timeline';
import { Fact } from '../fact';
import { ReviewDue } from './badges';
import { CalendarDate } from './dates';
import {
  ApprovalForm,
  CommitmentForm,
  ContactForm,
  MilestoneForm,
  type PartyOption,
  RemoveItemForm,
} from './edit-forms';
import { Linkified } from './linkified';
import { MilestoneTimeline } from './milestone-timeline';
import styles from './register.module.css';
import { DeliveryBadge, EditItem, OpenBadge, RegisterSection } from './register-parts';
import shared from './registers.module.css';

// The sections of the register page, each as the register writes it; a section's one "Edit" entry
// appears where the API's permissions allow it, and holds only the items the caller may change.

export type NameOf = (party: string | null) => string;

function partyOptions(register: FoundRegister): PartyOption[] {
  return register.parties.map((party) => ({ slug: party.organization, name: party.name }));
}

/** The parties the caller edits the register's commitments and contacts for (each its own). */
function ownParties(register: FoundRegister): PartyOption[] {
  return partyOptions(register).filter((party) => register.permissions.editAs.includes(party.slug));
}

function Empty({ children }: { children: string }) {
  return <p className={shared.empty}>{children}</p>;
}

export function Parties({ register }: { register: FoundRegister }) {
  return (
    <RegisterSection {...section('parties')}>
      {register.parties.length === 0 ? (
        <Empty>No parties recorded.</Empty>
      ) : (
        <ul className={styles.partyList}>
          {register.parties.map((party) => (
            <li key={party.organization}>
              <h3>{party.name}</h3>
              <p className={styles.slug}>{party.organization}</p>
              {party.description && <p>{party.description}</p>}
            </li>
          ))}
        </ul>
      )}
    </RegisterSection>
  );
}

/** Text items (benefits, activities, limitations): open ones say so. */
function TextList({ items }: { items: readonly { text: string; open: boolean }[] }) {
  return (
    <ul className={styles.textList}>
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the register's items have no ids, only order
        <li key={index}>
          {item.open && <OpenBadge />} {item.text ? <Linkified text={item.text} /> : '?'}
        </li>
      ))}
    </ul>
  );
}

/**
 * A section of text items grouped by party (benefits, activities, limitations), each group under
 * the heading `headingOf` gives its party, if any.
 */
function GroupedTexts({
  which,
  items,
  intro,
  headingOf,
}: {
  which: 'benefits' | 'activities' | 'limitations';
  items: readonly { party: string | null; text: string; open: boolean }[];
  intro?: string;
  headingOf: (party: string | null) => string | null;
}) {
  return (
    <RegisterSection {...section(which)} intro={intro}>
      {items.length === 0 ? (
        <Empty>{`The register names no ${which}.`}</Empty>
      ) : (
        groupByParty(items).map((group) => {
          const heading = headingOf(group.party);
          return (
            <div key={group.party ?? 'joint'} className={styles.group}>
              {heading !== null && <h3>{heading}</h3>}
              <TextList items={group.items} />
            </div>
          );
        })
      )}
    </RegisterSection>
  );
}

export function Benefits({ register, nameOf }: { register: FoundRegister; nameOf: NameOf }) {
  return (
    <GroupedTexts
      which="benefits"
      items={register.benefits}
      headingOf={(party) =>
        party === null
          ? 'This alliance will provide the following benefits:'
          : `${nameOf(party)} will benefit from:`
      }
    />
  );
}

export function Activities({ register, nameOf }: { register: FoundRegister; nameOf: NameOf }) {
  return (
    <GroupedTexts
      which="activities"
      items={register.activities}
      intro="The following activities are expected to occur during the duration of this work register."
      headingOf={(party) => `${nameOf(party)}:`}
    />
  );
}

export function Limitations({ register, nameOf }: { register: FoundRegister; nameOf: NameOf }) {
  return (
    <GroupedTexts
      which="limitations"
      items={register.limitations}
      headingOf={(party) => (party === null ? null : `${nameOf(party)}:`)}
    />
  );
}

export function Milestones({ register, now }: { register: FoundRegister; now: Date }) {
  const canEdit = register.permissions.editDetails;
  return (
    <RegisterSection
      {...section('milestones')}
      intro="Specific milestones that will be accomplished by the alliance partnership."
      edit={canEdit && <MilestoneEdits register={register} />}
    >
      {register.milestones.length === 0 ? (
        <Empty>The register names no milestones yet.</Empty>
      ) : (
        <MilestoneTimeline milestones={register.milestones} idBase="milestones" now={now} />
      )}
    </RegisterSection>
  );
}

/** Every milestone's form, then a new one: milestones are joint, so any party's admins edit them. */
function MilestoneEdits({ register }: { register: FoundRegister }) {
  return (
    <>
      <p className={styles.aside}>
        Milestones belong to the whole alliance: any party’s admins may change them, and the other
        parties’ admins get a mail saying who changed what.
      </p>
      {register.milestones.map((milestone) => {
        const label = `milestone “${deliverableText(milestone)}”`;
        return (
          <EditItem
            key={milestone.id}
            title={`${deliverableText(milestone)} (${timeframeText(milestone)})`}
            remove={
              <RemoveItemForm
                slug={register.slug}
                id={milestone.id}
                kind="milestone"
                label={label}
              />
            }
          >
            <MilestoneForm slug={register.slug} milestone={milestone} />
          </EditItem>
        );
      })}
      <EditItem title="Add a milestone">
        <MilestoneForm slug={register.slug} />
      </EditItem>
    </>
  );
}

export function Access({ register, nameOf }: { register: FoundRegister; nameOf: NameOf }) {
  return (
    <RegisterSection {...section('access')}>
      {register.accessRules.length === 0 ? (
        <Empty>The register sets no access rules.</Empty>
      ) : (
        ACCESS_SCOPES.map(({ scope, heading }) => {
          const rules = register.accessRules.filter((rule) => rule.scope === scope);
          if (rules.length === 0) return null;
          return (
            <div key={scope} className={styles.group}>
              {heading && <h3>{heading}</h3>}
              <ul className={styles.textList}>
                {rules.map((rule, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: access rules have no ids, only order
                  <li key={index}>
                    {rule.open && <OpenBadge />}{' '}
                    {rule.party && <strong>{nameOf(rule.party)}: </strong>}
                    {rule.text ? <Linkified text={rule.text} /> : '?'}
                  </li>
                ))}
              </ul>
            </div>
          );
        })
      )}
      <p className={styles.aside}>
        Liaison mirrors these rules: every document is public, for partners, or for its own
        organization only, and intellectual property goes through submissions.
      </p>
    </RegisterSection>
  );
}

export function Commitments({ register, nameOf }: { register: FoundRegister; nameOf: NameOf }) {
  return (
    <RegisterSection
      {...section('commitments')}
      intro="The documents each party makes available to the other, and whether they have been delivered."
      edit={
        register.permissions.editAs.length > 0 && (
          <CommitmentEdits register={register} nameOf={nameOf} />
        )
      }
    >
      {register.commitments.length === 0 ? (
        <Empty>The register names no documents to make available.</Empty>
      ) : (
        groupByDirection(register.commitments).map((group) => (
          <div key={`${group.from}-${group.to}`} className={styles.group}>
            <h3>
              {nameOf(group.from)} will make the following available to {nameOf(group.to)}:
            </h3>
            <ul className={styles.items}>
              {group.items.map((commitment) => (
                <li key={commitment.id} className={styles.item}>
                  <p className={styles.itemTitle}>
                    {commitment.open && <OpenBadge />} {commitmentTitle(commitment)}{' '}
                    {!commitment.open && <DeliveryBadge delivery={commitment.delivery} />}
                  </p>
                  {commitment.link ? (
                    <p>
                      Document:{' '}
                      <Link href={`/documents/${commitment.link.documentId}`}>
                        {commitment.link.title}
                      </Link>
                      {commitment.link.latestVersion && (
                        <span className="muted"> (version {commitment.link.latestVersion})</span>
                      )}
                    </p>
                  ) : commitment.document ? (
                    <p className="muted">
                      To be fulfilled by{' '}
                      <code>
                        {commitment.document.organization}/{commitment.document.identifier}
                      </code>
                      ; whether it has been delivered shows only to those who may read it.
                    </p>
                  ) : (
                    !commitment.open && <p className="muted">No portal document is linked yet.</p>
                  )}
                  {commitment.note && <p className={styles.note}>{commitment.note}</p>}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </RegisterSection>
  );
}

const commitmentTitle = (commitment: { title: string }) => commitment.title || 'Not named yet (?)';

/** The commitments of the parties the caller administers (each party edits its own), then a new one. */
function CommitmentEdits({ register, nameOf }: { register: FoundRegister; nameOf: NameOf }) {
  const parties = partyOptions(register);
  const own = ownParties(register);
  const documents = register.documents.map((document) => ({
    ref: `${document.organization}/${document.identifier}`,
    title: document.title,
  }));
  return (
    <>
      <p className={styles.aside}>
        You edit the commitments {joinNames(own.map((party) => party.name))} makes; each party edits
        its own.
      </p>
      {register.commitments
        .filter((commitment) => register.permissions.editAs.includes(commitment.from))
        .map((commitment) => {
          const label = `commitment “${commitmentTitle(commitment)}”`;
          return (
            <EditItem
              key={commitment.id}
              title={`${commitmentTitle(commitment)} (${nameOf(commitment.from)} → ${nameOf(commitment.to)})`}
              remove={
                <RemoveItemForm
                  slug={register.slug}
                  id={commitment.id}
                  kind="commitment"
                  label={label}
                />
              }
            >
              <CommitmentForm
                slug={register.slug}
                commitment={commitment}
                parties={parties}
                fromParties={own}
                documents={documents}
              />
            </EditItem>
          );
        })}
      <EditItem title="Add a documentation commitment">
        <CommitmentForm
          slug={register.slug}
          parties={parties}
          fromParties={own}
          documents={documents}
        />
      </EditItem>
    </>
  );
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function Review({ register, now }: { register: FoundRegister; now: Date }) {
  return (
    <RegisterSection {...section('review')}>
      <dl className={`facts facts--grid ${styles.wrapFacts}`}>
        <Fact term="Next review">
          <ReviewDue value={register.reviewDue} asWritten={register.reviewDueAsWritten} now={now} />
        </Fact>
        <Fact term="Review process">
          {register.reviewProcess ? (
            register.reviewProcessUrl &&
            !register.reviewProcess.includes(register.reviewProcessUrl) ? (
              <a href={register.reviewProcessUrl} rel="noopener noreferrer">
                {register.reviewProcess}
              </a>
            ) : (
              <Linkified text={register.reviewProcess} />
            )
          ) : (
            <span className="muted">Not named</span>
          )}
        </Fact>
      </dl>
    </RegisterSection>
  );
}

export function Contacts({ register, nameOf }: { register: FoundRegister; nameOf: NameOf }) {
  return (
    <RegisterSection
      {...section('contacts')}
      intro="The members of each organization that act as points of contact between the organizations."
      edit={
        register.permissions.editAs.length > 0 && (
          <ContactEdits register={register} nameOf={nameOf} />
        )
      }
    >
      <div className={styles.columns}>
        {register.parties.map((party) => {
          const contacts = register.contacts.filter((c) => c.party === party.organization);
          return (
            <div key={party.organization} className={styles.group}>
              <h3>{party.name}</h3>
              {contacts.length === 0 ? (
                <p className="muted">None named.</p>
              ) : (
                <ul className={styles.items}>
                  {contacts.map((contact) => (
                    <li key={contact.id} className={styles.item}>
                      <p className={styles.itemTitle}>
                        {contact.open && <OpenBadge />} {contact.role || (contact.open ? '?' : '')}
                      </p>
                      {contact.address ? (
                        <p>
                          <a href={`mailto:${contact.address}`}>{contact.address}</a>
                        </p>
                      ) : (
                        <p className="muted">No address yet.</p>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </RegisterSection>
  );
}

/** The contacts of the parties the caller administers (each party edits its own), then a new one. */
function ContactEdits({ register, nameOf }: { register: FoundRegister; nameOf: NameOf }) {
  const own = ownParties(register);
  return (
    <>
      {register.contacts
        .filter((contact) => register.permissions.editAs.includes(contact.party))
        .map((contact) => {
          const label = `contact “${contact.role || contact.address || 'open'}” of ${nameOf(contact.party)}`;
          return (
            <EditItem
              key={contact.id}
              title={`${contact.role || contact.address || 'Open contact'} (${nameOf(contact.party)})`}
              remove={
                <RemoveItemForm slug={register.slug} id={contact.id} kind="contact" label={label} />
              }
            >
              <ContactForm slug={register.slug} contact={contact} parties={own} />
            </EditItem>
          );
        })}
      <EditItem title="Add a point of contact">
        <ContactForm slug={register.slug} parties={own} />
      </EditItem>
    </>
  );
}

export function Approvals({ register, nameOf }: { register: FoundRegister; nameOf: NameOf }) {
  const own = register.approvals.filter((approval) =>
    register.permissions.approveAs.includes(approval.party),
  );
  return (
    <RegisterSection
      {...section('approvals')}
      edit={
        own.length > 0 &&
        own.map((approval) => {
          const party = { slug: approval.party, name: nameOf(approval.party) };
          return (
            <EditItem
              key={approval.party}
              title={
                approval.state === 'approved'
                  ? `Correct the approval of ${party.name}`
                  : `Record the approval of ${party.name}`
              }
            >
              <ApprovalForm slug={register.slug} party={party} approval={approval} />
            </EditItem>
          );
        })
      }
    >
      <ul className={styles.approvals}>
        {register.approvals.map((approval) => (
          <li key={approval.party} className={styles.item}>
            <h3>{nameOf(approval.party)}</h3>
            <ApprovalLine approval={approval} state={register.state} />
            {approval.asWritten && (
              <blockquote className={styles.asWritten}>
                <p>{approval.asWritten}</p>
                <footer className="muted">As the register writes it.</footer>
              </blockquote>
            )}
            {approval.note && <p className={styles.note}>{approval.note}</p>}
          </li>
        ))}
      </ul>
    </RegisterSection>
  );
}

/** The party's approval in one sentence that agrees with the register's state. */
function ApprovalLine({
  approval,
  state,
}: {
  approval: FoundRegister['approvals'][number];
  state: FoundRegister['state'];
}) {
  const standing = approvalStanding(state, approval);
  const label = APPROVAL_LABELS[standing.kind];
  if (standing.kind === 'not-recorded' || standing.kind === 'pending') {
    return (
      <p>
        <OpenBadge>{label}</OpenBadge>{' '}
        {standing.kind === 'not-recorded'
          ? `The register is approved; ${approval.body ? `the ${approval.body}’s` : 'this party’s'} approval is not recorded in Liaison yet.`
          : approval.body
            ? `Awaiting approval by the ${approval.body}.`
            : 'Not approved yet.'}
      </p>
    );
  }
  return (
    <p>
      <span className={`${shared.badge} ${styles.delivered}`}>
        <span aria-hidden="true">✓ </span>
        {label}
      </span>{' '}
      by {approval.body || 'its board'}
      {approval.resolution && <>, resolution {approval.resolution}</>}
      {approval.approvedOn && (
        <>
          , on <CalendarDate value={approval.approvedOn} />
        </>
      )}
      .
      {approval.resolutionLink ? (
        <>
          {' '}
          Resolution:{' '}
          <Link href={`/documents/${approval.resolutionLink.documentId}`}>
            {approval.resolutionLink.title}
          </Link>
          .
        </>
      ) : (
        approval.resolutionDocument && (
          <span className="muted">
            {' '}
            Resolution document:{' '}
            <code>
              {approval.resolutionDocument.organization}/{approval.resolutionDocument.identifier}
            </code>
            .
          </span>
        )
      )}
    </p>
  );
}
