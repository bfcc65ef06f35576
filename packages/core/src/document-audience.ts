/**
 * Who a document reaches, by visibility and the registers it is shared under: the rule that a
 * `partners` document names at least one register (without one it reaches nobody beyond its owner,
 * which nobody choosing "partners" means), and the audience a form shows before saving. Pure and
 * browser-safe: the API refuses with it, the web form warns with it.
 */
import type { Visibility } from './rules.js';

/** The error code, and the message naming the field, when a `partners` document has no register. */
export const PARTNERS_WITHOUT_REGISTER_CODE = 'partners_without_register';
export const PARTNERS_WITHOUT_REGISTER_MESSAGE =
  'registers: a document shared with partners must be shared under at least one work register (its parties are the partners); choose a register or the visibility "organization"';

/** Whether this visibility and these registers share the document with nobody outside its owner. */
export function isPartnersWithoutRegister(document: {
  visibility: Visibility;
  registers: readonly unknown[];
}): boolean {
  return document.visibility === 'partners' && document.registers.length === 0;
}

/** A register as its list returns it: the audience is named from its parties. */
export interface AudienceRegister {
  slug: string;
  title: string;
  parties: readonly { organization: string; name: string }[];
}

/**
 * Who reads a document (mirrors canReadDocument, by name): everyone; the owner's members only; or
 * the owner and, for `partners`, every other party of the registers it is shared under, each with
 * the registers that reach it. `partners` with no register is `nobody-else`.
 */
export type DocumentAudience =
  | { kind: 'everyone' }
  | { kind: 'owner-only' }
  | { kind: 'nobody-else' }
  | {
      kind: 'partners';
      partners: { organization: string; name: string; through: string[] }[];
    };

export function documentAudience(
  owner: string,
  visibility: Visibility,
  registers: readonly AudienceRegister[],
): DocumentAudience {
  if (visibility === 'public') return { kind: 'everyone' };
  if (visibility === 'organization') return { kind: 'owner-only' };
  if (registers.length === 0) return { kind: 'nobody-else' };
  const partners = new Map<string, { organization: string; name: string; through: string[] }>();
  for (const register of registers) {
    for (const party of register.parties) {
      if (party.organization === owner) continue;
      const partner = partners.get(party.organization) ?? {
        organization: party.organization,
        name: party.name,
        through: [],
      };
      partner.through.push(register.title);
      partners.set(party.organization, partner);
    }
  }
  return {
    kind: 'partners',
    partners: [...partners.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
