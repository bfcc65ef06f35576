import {
  ConflictError,
  NotFoundError,
  type RegisterPage,
  type UpdateRegisterBody,
} from '@liaison/core';
import {
  departingPartiesWithSharedDocuments,
  findRegister,
  loadRegisterDetails,
  type Pool,
  type RegisterTextSections,
  recordRegisterEvent,
  replaceRegisterParties,
  replaceRegisterTextSections,
  updateRegisterFields,
  withTransaction,
} from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { partyProblems, prefixed } from './item-rules.js';
import { rejectProblems } from './register-edits.js';
import { checkRegisterParties } from './register-parties.js';
import { requireRegisterManagement, toRegisterPage } from './register-view.js';

const FIELDS = [
  'title',
  'version',
  'initiatedOn',
  'summary',
  'state',
  'reviewDue',
  'reviewDueAsWritten',
  'reviewProcess',
  'reviewProcessUrl',
] as const;

const SECTIONS = ['benefits', 'activities', 'limitations', 'accessRules'] as const;

/** Each item with every field, in the order the register reads them back (to compare). */
const complete = <T extends { party: string | null; text: string; open?: boolean }>(
  items: readonly T[] | undefined,
) => items?.map((item) => ({ party: item.party, text: item.text, open: item.open ?? false }));
const completeRules = (items: UpdateRegisterBody['accessRules']) =>
  items?.map((rule) => ({ scope: rule.scope, ...complete([rule])![0]! }));

/** The sections given, each item complete, every party named a party of the register. */
function sectionsOf(
  change: UpdateRegisterBody,
  parties: readonly string[],
): Partial<RegisterTextSections> {
  for (const section of SECTIONS) {
    rejectProblems(
      (change[section] ?? []).flatMap((item, index) =>
        prefixed(`/${section}/${index}`, partyProblems(item.party, parties, '/party')),
      ),
    );
  }
  const sections = {
    benefits: complete(change.benefits),
    activities: complete(change.activities),
    limitations: complete(change.limitations),
    accessRules: completeRules(change.accessRules),
  };
  return Object.fromEntries(Object.entries(sections).filter(([, items]) => items !== undefined));
}

/**
 * Changes a register's terms, parties (the whole list, in order) or text sections (benefits,
 * activities, limitations, access rules: each a whole list, in order). A party that still has
 * documents shared under the register cannot leave it: those documents would stay visible to
 * partners the party no longer has (409 party_has_shared_documents).
 */
export async function updateRegister(
  pool: Pool,
  context: RequestContext,
  slug: string,
  change: UpdateRegisterBody,
): Promise<RegisterPage> {
  requireUser(context.actor);
  requireRegisterManagement(context.actor);
  const record = await withTransaction(pool, async (client) => {
    const current = await findRegister(client, slug, { lock: true });
    if (!current) throw new NotFoundError('No such work register');

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of FIELDS) {
      const to = change[field];
      if (to !== undefined && to !== current[field]) changes[field] = { from: current[field], to };
    }
    const parties = change.parties ? await checkRegisterParties(client, change.parties) : undefined;
    const before = current.parties.map(({ organization, description }) => ({
      organization,
      description,
    }));
    if (parties && JSON.stringify(parties) !== JSON.stringify(before)) {
      const departing = await departingPartiesWithSharedDocuments(
        client,
        current.id,
        parties.map((party) => party.organization),
      );
      if (departing.length > 0) {
        throw new ConflictError(
          `Documents of ${departing.join(', ')} are shared under this register; unshare them first`,
          'party_has_shared_documents',
        );
      }
      changes.parties = { from: before, to: parties };
    }
    const sections = sectionsOf(
      change,
      (parties ?? before).map((party) => party.organization),
    );
    if (Object.keys(sections).length > 0) {
      const details = await loadRegisterDetails(client, current.id);
      for (const section of SECTIONS) {
        const to = sections[section];
        if (to !== undefined && JSON.stringify(to) !== JSON.stringify(details[section])) {
          changes[section] = { from: details[section], to };
        }
      }
    }
    if (Object.keys(changes).length === 0) return current;

    await updateRegisterFields(client, current.id, change);
    if (changes.parties && parties) await replaceRegisterParties(client, current.id, parties);
    await replaceRegisterTextSections(client, current.id, sections);
    await recordRegisterEvent(client, {
      registerId: current.id,
      actorId: context.actor.userId,
      onBehalfOf: null,
      action: 'register.update',
      itemKind: 'register',
      itemId: null,
      before: Object.fromEntries(Object.entries(changes).map(([field, c]) => [field, c.from])),
      after: Object.fromEntries(Object.entries(changes).map(([field, c]) => [field, c.to])),
    });
    await auditAction(client, context, null, {
      action: 'register.update',
      objectType: 'register',
      objectId: slug,
      details: { changes },
    });
    return (await findRegister(client, slug))!;
  });
  return toRegisterPage(pool, context, record);
}
