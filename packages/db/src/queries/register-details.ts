/**
 * A work register's items (migration 0005): benefits, activities, limitations, access rules,
 * milestones, documentation commitments, points of contact and approvals. Parties are named by
 * organization slug here and stored by id; an item can only name a party of its register.
 */
import type {
  AccessScope,
  ApprovalState,
  DocumentRef,
  MilestoneState,
  RegisterAccessRule,
  RegisterText,
} from '@liaison/core';
import type { QueryResultRow } from 'pg';
import type { Queryable } from '../queryable.js';

export interface MilestoneRecord {
  id: string;
  deliverable: string;
  timeframe: string;
  state: MilestoneState;
  /** YYYY-MM-DD */
  doneOn: string | null;
  open: boolean;
}

export interface CommitmentRecord {
  id: string;
  from: string;
  to: string;
  title: string;
  note: string;
  /** Identifier of the `from` party's document that fulfils it. */
  documentIdentifier: string | null;
  open: boolean;
}

export interface ContactRecord {
  id: string;
  party: string;
  role: string;
  address: string | null;
  open: boolean;
}

export interface ApprovalRecord {
  party: string;
  body: string;
  state: ApprovalState;
  resolution: string | null;
  /** YYYY-MM-DD */
  approvedOn: string | null;
  asWritten: string;
  note: string;
  /** The board resolution, as a portal document (owner and identifier); null when none. */
  resolutionDocument: DocumentRef | null;
}

export interface RegisterDetails {
  benefits: RegisterText[];
  activities: RegisterText[];
  limitations: RegisterText[];
  accessRules: RegisterAccessRule[];
  milestones: MilestoneRecord[];
  commitments: CommitmentRecord[];
  contacts: ContactRecord[];
  /** Recorded approvals only, in the parties' order; a party without one is pending. */
  approvals: ApprovalRecord[];
}

export type NewMilestone = Omit<MilestoneRecord, 'id'>;
export type NewCommitment = Omit<CommitmentRecord, 'id'>;
export type NewContact = Omit<ContactRecord, 'id'>;

/** Every item of a register, as written to it at once (import, demo seed). */
export interface NewRegisterDetails
  extends Omit<RegisterDetails, 'milestones' | 'commitments' | 'contacts'> {
  milestones: readonly NewMilestone[];
  commitments: readonly NewCommitment[];
  contacts: readonly NewContact[];
}

/** The ordered text sections; the names are fixed here, never taken from input. */
const TEXT_TABLES = {
  benefits: 'register_benefits',
  activities: 'register_activities',
  limitations: 'register_limitations',
} as const;
type TextSection = keyof typeof TEXT_TABLES;

const partySlug = (column: string) => `(select slug from organizations where id = ${column})`;
const partyId = (parameter: string) => `(select id from organizations where slug = ${parameter})`;

const MILESTONE_COLUMNS = `id, deliverable, timeframe, state, to_char(done_on, 'YYYY-MM-DD') as "doneOn", open`;
const COMMITMENT_COLUMNS = `id, ${partySlug('from_organization_id')} as "from",
  ${partySlug('to_organization_id')} as "to", title, note,
  document_identifier as "documentIdentifier", open`;
const APPROVAL_COLUMNS = `o.slug as party, a.body, a.state, a.resolution,
  to_char(a.approved_on, 'YYYY-MM-DD') as "approvedOn", a.as_written as "asWritten", a.note,
  case when a.resolution_document_identifier is null then null
       else (select json_build_object('organization', d.slug,
                                      'identifier', a.resolution_document_identifier)
               from organizations d where d.id = a.resolution_document_organization_id)
  end as "resolutionDocument"`;
const CONTACT_COLUMNS = `id, ${partySlug('organization_id')} as party, role, address, open`;

/** The tables of the items kept in the register's order and changed one at a time. */
type ItemTable = 'register_milestones' | 'register_commitments' | 'register_contacts';

/** The item of the register, read with `columns` and locked for the rest of the transaction. */
async function lockItem<Item extends QueryResultRow>(
  db: Queryable,
  table: ItemTable,
  columns: string,
  registerId: string,
  id: string,
): Promise<Item | undefined> {
  const result = await db.query<Item>(
    `select ${columns} from ${table} where register_id = $1 and id = $2 for update`,
    [registerId, id],
  );
  return result.rows[0];
}

/** The position after the register's (`$1`) last item: an inserted item goes last. */
const nextPosition = (table: ItemTable) =>
  `(select coalesce(max(position) + 1, 0) from ${table} where register_id = $1)`;

async function listTexts(
  db: Queryable,
  registerId: string,
  section: TextSection,
): Promise<RegisterText[]> {
  const result = await db.query<RegisterText>(
    `select ${partySlug('organization_id')} as party, text, open
       from ${TEXT_TABLES[section]} where register_id = $1 order by position, id`,
    [registerId],
  );
  return result.rows;
}

export async function loadRegisterDetails(
  db: Queryable,
  registerId: string,
): Promise<RegisterDetails> {
  const accessRules = await db.query<RegisterAccessRule>(
    `select scope, ${partySlug('organization_id')} as party, text, open
       from register_access_rules where register_id = $1 order by position, id`,
    [registerId],
  );
  const milestones = await db.query<MilestoneRecord>(
    `select ${MILESTONE_COLUMNS} from register_milestones where register_id = $1 order by position, id`,
    [registerId],
  );
  const commitments = await db.query<CommitmentRecord>(
    `select ${COMMITMENT_COLUMNS} from register_commitments where register_id = $1 order by position, id`,
    [registerId],
  );
  const contacts = await db.query<ContactRecord>(
    `select ${CONTACT_COLUMNS} from register_contacts where register_id = $1 order by position, id`,
    [registerId],
  );
  const approvals = await db.query<ApprovalRecord>(
    `select ${APPROVAL_COLUMNS}
       from register_approvals a
       join register_parties p on p.register_id = a.register_id and p.organization_id = a.organization_id
       join organizations o on o.id = a.organization_id
      where a.register_id = $1 order by p.position, o.slug`,
    [registerId],
  );
  return {
    benefits: await listTexts(db, registerId, 'benefits'),
    activities: await listTexts(db, registerId, 'activities'),
    limitations: await listTexts(db, registerId, 'limitations'),
    accessRules: accessRules.rows,
    milestones: milestones.rows,
    commitments: commitments.rows,
    contacts: contacts.rows,
    approvals: approvals.rows,
  };
}

/** Whether the register has any item at all (the demo seed fills only registers without). */
export async function registerHasDetails(db: Queryable, registerId: string): Promise<boolean> {
  const result = await db.query<{ found: boolean }>(
    `select exists (select 1 from register_benefits where register_id = $1)
         or exists (select 1 from register_activities where register_id = $1)
         or exists (select 1 from register_limitations where register_id = $1)
         or exists (select 1 from register_access_rules where register_id = $1)
         or exists (select 1 from register_milestones where register_id = $1)
         or exists (select 1 from register_commitments where register_id = $1)
         or exists (select 1 from register_contacts where register_id = $1)
         or exists (select 1 from register_approvals where register_id = $1) as found`,
    [registerId],
  );
  return result.rows[0]?.found ?? false;
}

/** The register's text sections, each a whole ordered list: what the operator's editor replaces. */
export type RegisterTextSections = Pick<
  RegisterDetails,
  'benefits' | 'activities' | 'limitations' | 'accessRules'
>;

/** Replaces the sections given (each as a whole list, in this order); the others stay. */
export async function replaceRegisterTextSections(
  db: Queryable,
  registerId: string,
  sections: Partial<RegisterTextSections>,
): Promise<void> {
  for (const section of Object.keys(TEXT_TABLES) as TextSection[]) {
    const items = sections[section];
    if (items === undefined) continue;
    await db.query(`delete from ${TEXT_TABLES[section]} where register_id = $1`, [registerId]);
    for (const [position, item] of items.entries()) {
      await db.query(
        `insert into ${TEXT_TABLES[section]} (register_id, organization_id, text, open, position)
         values ($1, ${partyId('$2')}, $3, $4, $5)`,
        [registerId, item.party, item.text, item.open, position],
      );
    }
  }
  if (sections.accessRules === undefined) return;
  await db.query('delete from register_access_rules where register_id = $1', [registerId]);
  for (const [position, rule] of sections.accessRules.entries()) {
    await db.query(
      `insert into register_access_rules (register_id, scope, organization_id, text, open, position)
       values ($1, $2, ${partyId('$3')}, $4, $5, $6)`,
      [registerId, rule.scope satisfies AccessScope, rule.party, rule.text, rule.open, position],
    );
  }
}

/** Replaces every item of the register with these, in this order (import and demo seed). */
export async function replaceRegisterDetails(
  db: Queryable,
  registerId: string,
  details: NewRegisterDetails,
): Promise<void> {
  for (const table of [
    'register_milestones',
    'register_commitments',
    'register_contacts',
    'register_approvals',
  ]) {
    await db.query(`delete from ${table} where register_id = $1`, [registerId]);
  }
  await replaceRegisterTextSections(db, registerId, details);
  for (const milestone of details.milestones) await insertMilestone(db, registerId, milestone);
  for (const commitment of details.commitments) await insertCommitment(db, registerId, commitment);
  for (const contact of details.contacts) await insertContact(db, registerId, contact);
  for (const approval of details.approvals) await saveApproval(db, registerId, approval);
}

// ---------------------------------------------------------------------------------------------
// Milestones
// ---------------------------------------------------------------------------------------------

/** The milestone, locked for the rest of the transaction. */
export function lockMilestone(
  db: Queryable,
  registerId: string,
  id: string,
): Promise<MilestoneRecord | undefined> {
  return lockItem(db, 'register_milestones', MILESTONE_COLUMNS, registerId, id);
}

/** The milestone's fields as its insert and its update write them, from `$2` on. */
function milestoneValues(milestone: NewMilestone): unknown[] {
  return [
    milestone.deliverable,
    milestone.timeframe,
    milestone.state,
    milestone.doneOn,
    milestone.open,
  ];
}

/** Appends the milestone after the register's others. */
export async function insertMilestone(
  db: Queryable,
  registerId: string,
  milestone: NewMilestone,
): Promise<MilestoneRecord> {
  const result = await db.query<MilestoneRecord>(
    `insert into register_milestones (register_id, deliverable, timeframe, state, done_on, open, position)
     values ($1, $2, $3, $4, $5, $6,
             ${nextPosition('register_milestones')})
     returning ${MILESTONE_COLUMNS}`,
    [registerId, ...milestoneValues(milestone)],
  );
  return result.rows[0]!;
}

export async function updateMilestone(
  db: Queryable,
  milestone: MilestoneRecord,
): Promise<MilestoneRecord> {
  const result = await db.query<MilestoneRecord>(
    `update register_milestones
        set deliverable = $2, timeframe = $3, state = $4, done_on = $5, open = $6
      where id = $1
      returning ${MILESTONE_COLUMNS}`,
    [milestone.id, ...milestoneValues(milestone)],
  );
  return result.rows[0]!;
}

export async function deleteMilestone(db: Queryable, id: string): Promise<void> {
  await db.query('delete from register_milestones where id = $1', [id]);
}

// ---------------------------------------------------------------------------------------------
// Documentation commitments
// ---------------------------------------------------------------------------------------------

export function lockCommitment(
  db: Queryable,
  registerId: string,
  id: string,
): Promise<CommitmentRecord | undefined> {
  return lockItem(db, 'register_commitments', COMMITMENT_COLUMNS, registerId, id);
}

/** The commitment's fields as its insert and its update write them, from `$2` on. */
function commitmentValues(commitment: NewCommitment): unknown[] {
  return [
    commitment.from,
    commitment.to,
    commitment.title,
    commitment.note,
    commitment.documentIdentifier,
    commitment.open,
  ];
}

export async function insertCommitment(
  db: Queryable,
  registerId: string,
  commitment: NewCommitment,
): Promise<CommitmentRecord> {
  const result = await db.query<CommitmentRecord>(
    `insert into register_commitments (register_id, from_organization_id, to_organization_id, title,
                                       note, document_identifier, open, position)
     values ($1, ${partyId('$2')}, ${partyId('$3')}, $4, $5, $6, $7,
             ${nextPosition('register_commitments')})
     returning ${COMMITMENT_COLUMNS}`,
    [registerId, ...commitmentValues(commitment)],
  );
  return result.rows[0]!;
}

export async function updateCommitment(
  db: Queryable,
  commitment: CommitmentRecord,
): Promise<CommitmentRecord> {
  const result = await db.query<CommitmentRecord>(
    `update register_commitments
        set from_organization_id = ${partyId('$2')}, to_organization_id = ${partyId('$3')},
            title = $4, note = $5, document_identifier = $6, open = $7
      where id = $1
      returning ${COMMITMENT_COLUMNS}`,
    [commitment.id, ...commitmentValues(commitment)],
  );
  return result.rows[0]!;
}

export async function deleteCommitment(db: Queryable, id: string): Promise<void> {
  await db.query('delete from register_commitments where id = $1', [id]);
}

// ---------------------------------------------------------------------------------------------
// Points of contact
// ---------------------------------------------------------------------------------------------

export function lockContact(
  db: Queryable,
  registerId: string,
  id: string,
): Promise<ContactRecord | undefined> {
  return lockItem(db, 'register_contacts', CONTACT_COLUMNS, registerId, id);
}

export async function insertContact(
  db: Queryable,
  registerId: string,
  contact: NewContact,
): Promise<ContactRecord> {
  const result = await db.query<ContactRecord>(
    `insert into register_contacts (register_id, organization_id, role, address, open, position)
     values ($1, ${partyId('$2')}, $3, $4, $5,
             ${nextPosition('register_contacts')})
     returning ${CONTACT_COLUMNS}`,
    [registerId, contact.party, contact.role, contact.address, contact.open],
  );
  return result.rows[0]!;
}

export async function updateContact(db: Queryable, contact: ContactRecord): Promise<ContactRecord> {
  const result = await db.query<ContactRecord>(
    `update register_contacts
        set organization_id = ${partyId('$2')}, role = $3, address = $4, open = $5
      where id = $1
      returning ${CONTACT_COLUMNS}`,
    [contact.id, contact.party, contact.role, contact.address, contact.open],
  );
  return result.rows[0]!;
}

export async function deleteContact(db: Queryable, id: string): Promise<void> {
  await db.query('delete from register_contacts where id = $1', [id]);
}

// ---------------------------------------------------------------------------------------------
// Approvals
// ---------------------------------------------------------------------------------------------

/** The party's recorded approval, locked for the rest of the transaction. */
export async function lockApproval(
  db: Queryable,
  registerId: string,
  party: string,
): Promise<ApprovalRecord | undefined> {
  const result = await db.query<ApprovalRecord>(
    `select ${APPROVAL_COLUMNS}
       from register_approvals a join organizations o on o.id = a.organization_id
      where a.register_id = $1 and o.slug = $2
        for update of a`,
    [registerId, party],
  );
  return result.rows[0];
}

/** Inserts or replaces the party's approval. */
export async function saveApproval(
  db: Queryable,
  registerId: string,
  approval: ApprovalRecord,
): Promise<void> {
  await db.query(
    `insert into register_approvals (register_id, organization_id, body, state, resolution, approved_on,
                                     as_written, note, resolution_document_organization_id,
                                     resolution_document_identifier)
     values ($1, ${partyId('$2')}, $3, $4, $5, $6, $7, $8, ${partyId('$9')}, $10)
     on conflict (register_id, organization_id) do update
        set body = excluded.body, state = excluded.state, resolution = excluded.resolution,
            approved_on = excluded.approved_on, as_written = excluded.as_written, note = excluded.note,
            resolution_document_organization_id = excluded.resolution_document_organization_id,
            resolution_document_identifier = excluded.resolution_document_identifier`,
    [
      registerId,
      approval.party,
      approval.body,
      approval.state,
      approval.resolution,
      approval.approvedOn,
      approval.asWritten,
      approval.note,
      approval.resolutionDocument?.organization ?? null,
      approval.resolutionDocument?.identifier ?? null,
    ],
  );
}

/** Marks the register as changed, for its page's `updatedAt`. */
export async function touchRegister(db: Queryable, registerId: string): Promise<void> {
  await db.query('update work_registers set updated_at = now() where id = $1', [registerId]);
}
