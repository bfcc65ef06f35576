/**
 * The workspace: a signed-in person's organizations' documents and the work in progress their
 * partners share with them, grouped by the work registers their organizations are party to.
 * Pure: the page fetches, this decides what goes where.
 */

import type { DocumentStatus, Visibility } from '@liaison/core';

export interface GroupableDocument {
  id: string;
  organization: string;
  status: DocumentStatus;
  visibility: Visibility;
  registers: readonly string[];
  updatedAt: string;
}

export interface GroupableRegister {
  slug: string;
  parties: readonly { organization: string }[];
}

export interface RegisterGroup<D, R> {
  register: R;
  /** Documents of the viewer's organizations shared under this register. */
  ours: D[];
  /** Partners' work in progress (and other non-released documents) shared under it. */
  partners: D[];
}

export interface Workspace<D, R> {
  /** One group per register one of the viewer's organizations is party to, in the given order. */
  registers: RegisterGroup<D, R>[];
  /**
   * The viewer's organizations' documents that no partner sees through a register: shared under
   * none of their registers, or with visibility `organization` (owner only) whatever their
   * registers say.
   */
  unshared: D[];
  /** The viewer's organizations' public documents shared under none of their registers. */
  published: D[];
}

/** Registers at least one of the organizations is a party to. */
export function registersOf<R extends GroupableRegister>(
  registers: readonly R[],
  organizations: readonly string[],
): R[] {
  const mine = new Set(organizations);
  return registers.filter((register) => register.parties.some((p) => mine.has(p.organization)));
}

/**
 * Whether a partner's document belongs in the workspace: work in progress, or anything not yet
 * public. A partner's released document (public, informational or standard) is in the library.
 */
export function isPartnerWork(document: Pick<GroupableDocument, 'status' | 'visibility'>): boolean {
  return document.status === 'work-in-progress' || document.visibility !== 'public';
}

/** Newest change first; ties by id so the order is stable. */
function byUpdatedDesc(a: GroupableDocument, b: GroupableDocument): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function groupWorkspace<D extends GroupableDocument, R extends GroupableRegister>(
  documents: readonly D[],
  registers: readonly R[],
  organizations: readonly string[],
): Workspace<D, R> {
  const mine = new Set(organizations);
  const groups = registersOf(registers, organizations).map(
    (register): RegisterGroup<D, R> => ({ register, ours: [], partners: [] }),
  );
  const groupBySlug = new Map(groups.map((group) => [group.register.slug, group]));
  const unshared: D[] = [];
  const published: D[] = [];
  const seen = new Set<string>();

  for (const document of documents) {
    if (seen.has(document.id)) continue;
    seen.add(document.id);

    const own = mine.has(document.organization);
    const shared = document.visibility !== 'organization';
    const targets = shared ? document.registers.flatMap((slug) => groupBySlug.get(slug) ?? []) : [];

    if (own) {
      // A public document is shared with everyone: never "not shared", even outside a register.
      if (targets.length === 0)
        (document.visibility === 'public' ? published : unshared).push(document);
      for (const group of targets) group.ours.push(document);
    } else if (isPartnerWork(document)) {
      for (const group of targets) group.partners.push(document);
    }
  }

  for (const group of groups) {
    group.ours.sort(byUpdatedDesc);
    group.partners.sort(byUpdatedDesc);
  }
  unshared.sort(byUpdatedDesc);
  published.sort(byUpdatedDesc);
  return { registers: groups, unshared, published };
}
