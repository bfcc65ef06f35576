import Link from 'next/link';
import type { FoundRegister } from '../../app/registers/data';
import {
  ACCESS_SCOPES,
  groupByDirection,
  groupByParty,
  section,
} from '../../lib/register-sections';
import { deliverableText, timeframeText } from '../../lib/register-timeline';
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
import { DeliveryBadge, EditDisclosure, OpenBadge, RegisterSection } from './register-parts';
import shared from './registers.module.css';

// The sections of the register page, each as the register writes it; the edit controls appear
// where the API's permissions allow them.

export type NameOf = (party: string | null) => string;

function partyOptions(register: FoundRegister): PartyOption[] {
  return register.parties.map((party) => ({ slug: party.organization, name: party.name }));
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

export function Benefits({ register, nameOf }: { register: FoundRegister; nameOf: NameOf }) {
  return (
    <RegisterSection {...section('benefits')}>
      {register.benefits.length === 0 ? (
        <Empty>The register names no benefits.</Empty>
      ) : (
        groupByParty(register.benefits).map((group) => (
          <div key={group.party ?? 'joint'} className={styles.group}>
            <h3>
              {group.party === null
                ? 'This alliance will provide the following benefits:'
                : `${nameOf(group.party)} will benefit from:`}
            </h3>
            <TextList items={group.items} />
          </div>
        ))
      )}
    </RegisterSection>
  );
}

export function Activities({ register, nameOf }: { register: FoundRegister; nameOf: NameOf }) {
  return (
    <RegisterSection
      {...section('activities')}
      intro="The following activities are expected to occur during the duration of this work register."
    >
      {register.activities.length === 0 ? (
        <Empty>The register names no activities.</Empty>
      ) : (
        groupByParty(register.activities).map((group) => (
          <div key={group.party ?? 'joint'} className={styles.group}>
            <h3>{nameOf(group.party)}:</h3>
            <TextList items={group.items} />
          </div>
        ))
      )}
    </RegisterSection>
  );
}

export function Limitations({ register, nameOf }: { register: FoundRegister; nameOf: NameOf }) {
  return (
    <RegisterSection {...section('limitations')}>
      {register.limitations.length === 0 ? (
        <Empty>The register names no limitations.</Empty>
      ) : (
        groupByParty(register.limitations).map((group) => (
          <div key={group.party ?? 'joint'} className={styles.group}>
            {group.party !== null && <h3>{nameOf(group.party)}:</h3>}
            <TextList items={group.items} />
          </div>
        ))
      )}
    </RegisterSection>
  );
}

const MILESTONE_STATE_LABELS = { planned: 'Planned', done: 'Done', dropped: 'Dropped' } as const;

export function Milestones({ register, now }: { register: FoundRegister; now: Date }) {
  const canEdit = register.permissions.editDetails;
  return (
    <RegisterSection
      {...section('milestones')}
      intro="Specific milestones that will be accomplished by the alliance partnership."
    >
      {register.milestones.length === 0 ? (
        <Empty>The register names no milestones yet.</Empty>
      ) : (
        <>
          <MilestoneTimeline milestones={register.milestones} idBase="milestones" now={now} />
          <h3 className={styles.listHeading}>As the register lists them</h3>
          <ol className={styles.items}>
            {register.milestones.map((milestone) => {
              const label = `milestone “${deliverableText(milestone)}”`;
              return (
                <li key={milestone.id} className={styles.item}>
                  <p className={styles.itemTitle}>
                    {milestone.open && <OpenBadge />} {deliverableText(milestone)}
                  </p>
                  <dl className={styles.itemFacts}>
                    <div>
                      <dt>Timeframe</dt>
                      <dd>{timeframeText(milestone)}</dd>
                    </div>
                    <div>
                      <dt>State</dt>
                      <dd>
                        {MILESTONE_STATE_LABELS[milestone.state]}
                        {milestone.doneOn && (
                          <>
                            {' '}
                            (<CalendarDate value={milestone.doneOn} />)
                          </>
                        )}
                      </dd>
                    </div>
                  </dl>
                  {canEdit && (
                    <EditDisclosure what={label}>
                      <MilestoneForm slug={register.slug} milestone={milestone} />
                      <RemoveItemForm
                        slug={register.slug}
                        id={milestone.id}
                        kind="milestone"
                        label={label}
                      />
                    </EditDisclosure>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
      {canEdit && (
        <EditDisclosure summary="Add a milestone" what="to the register">
          <MilestoneForm slug={register.slug} />
        </EditDisclosure>
      )}
    </RegisterSection>
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
  const canEdit = register.permissions.editDetails;
  const parties = partyOptions(register);
  const documents = register.documents.map((document) => ({
    ref: `${document.organization}/${document.identifier}`,
    title: document.title,
  }));
  return (
    <RegisterSection
      {...section('commitments')}
      intro="The documents each party makes available to the other, and whether they have been delivered."
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
              {group.items.map((commitment) => {
                const title = commitment.title || 'Not named yet (?)';
                const label = `commitment “${title}”`;
                return (
                  <li key={commitment.id} className={styles.item}>
                    <p className={styles.itemTitle}>
                      {commitment.open && <OpenBadge />} {title}{' '}
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
                    {canEdit && (
                      <EditDisclosure what={label}>
                        <CommitmentForm
                          slug={register.slug}
                          commitment={commitment}
                          parties={parties}
                          documents={documents}
                        />
                        <RemoveItemForm
                          slug={register.slug}
                          id={commitment.id}
                          kind="commitment"
                          label={label}
                        />
                      </EditDisclosure>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        ))
      )}
      {canEdit && (
        <EditDisclosure summary="Add a documentation commitment" what="to the register">
          <CommitmentForm slug={register.slug} parties={parties} documents={documents} />
        </EditDisclosure>
      )}
    </RegisterSection>
  );
}

export function Review({ register, now }: { register: FoundRegister; now: Date }) {
  return (
    <RegisterSection {...section('review')}>
      <dl className={`${shared.facts} ${styles.wrapFacts}`}>
        <div>
          <dt>Next review</dt>
          <dd>
            {register.reviewDueAsWritten && <>{register.reviewDueAsWritten} · </>}
            <ReviewDue value={register.reviewDue} now={now} />
          </dd>
        </div>
        <div>
          <dt>Review process</dt>
          <dd>
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
          </dd>
        </div>
      </dl>
    </RegisterSection>
  );
}

export function Contacts({ register, nameOf }: { register: FoundRegister; nameOf: NameOf }) {
  const canEdit = register.permissions.editDetails;
  const parties = partyOptions(register);
  return (
    <RegisterSection
      {...section('contacts')}
      intro="The members of each organization that act as points of contact between the organizations."
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
                  {contacts.map((contact) => {
                    const label = `contact “${contact.role || contact.address || 'open'}” of ${nameOf(contact.party)}`;
                    return (
                      <li key={contact.id} className={styles.item}>
                        <p className={styles.itemTitle}>
                          {contact.open && <OpenBadge />}{' '}
                          {contact.role || (contact.open ? '?' : '')}
                        </p>
                        {contact.address ? (
                          <p>
                            <a href={`mailto:${contact.address}`}>{contact.address}</a>
                          </p>
                        ) : (
                          <p className="muted">No address yet.</p>
                        )}
                        {canEdit && (
                          <EditDisclosure what={label}>
                            <ContactForm slug={register.slug} contact={contact} parties={parties} />
                            <RemoveItemForm
                              slug={register.slug}
                              id={contact.id}
                              kind="contact"
                              label={label}
                            />
                          </EditDisclosure>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          );
        })}
      </div>
      {canEdit && (
        <EditDisclosure summary="Add a point of contact" what="to the register">
          <ContactForm slug={register.slug} parties={parties} />
        </EditDisclosure>
      )}
    </RegisterSection>
  );
}

export function Approvals({ register, nameOf }: { register: FoundRegister; nameOf: NameOf }) {
  return (
    <RegisterSection {...section('approvals')}>
      <ul className={styles.approvals}>
        {register.approvals.map((approval) => {
          const party = { slug: approval.party, name: nameOf(approval.party) };
          const mayRecord = register.permissions.approveAs.includes(approval.party);
          return (
            <li key={approval.party} className={styles.item}>
              <h3>{party.name}</h3>
              {approval.state === 'approved' ? (
                <p>
                  <span className={`${shared.badge} ${styles.delivered}`}>
                    <span aria-hidden="true">✓ </span>Approved
                  </span>{' '}
                  by {approval.body || 'its board'}
                  {approval.resolution && <>, resolution {approval.resolution}</>}
                  {approval.approvedOn ? (
                    <>
                      , on <CalendarDate value={approval.approvedOn} />.
                    </>
                  ) : (
                    <>
                      . <OpenBadge>Date not recorded</OpenBadge>
                    </>
                  )}
                </p>
              ) : (
                <p>
                  <OpenBadge>Pending</OpenBadge>{' '}
                  {approval.body
                    ? `Awaiting approval by the ${approval.body}.`
                    : 'Not approved yet.'}
                </p>
              )}
              {approval.asWritten && (
                <blockquote className={styles.asWritten}>
                  <p>{approval.asWritten}</p>
                  <footer className="muted">As the register writes it.</footer>
                </blockquote>
              )}
              {approval.note && <p className={styles.note}>{approval.note}</p>}
              {mayRecord && (
                <EditDisclosure
                  summary={
                    approval.state === 'approved' ? 'Correct our approval' : 'Record our approval'
                  }
                  what={`for ${party.name}`}
                >
                  <ApprovalForm slug={register.slug} party={party} approval={approval} />
                </EditDisclosure>
              )}
            </li>
          );
        })}
      </ul>
    </RegisterSection>
  );
}
