/**
 * Rules for a register's items that a JSON schema cannot say: which fields go together, and that
 * every party named is a party of the register. Each answers every problem it finds, with the
 * path of the field (a JSON pointer below the item), so an import can report them all at once.
 */
import type { DocumentRef, MilestoneState } from '@liaison/core';

export interface Problem {
  /** JSON pointer of the offending value, e.g. /milestones/2/doneOn */
  path: string;
  message: string;
}

export function partyProblems(
  slug: string | null,
  parties: readonly string[],
  path: string,
): Problem[] {
  return slug === null || parties.includes(slug)
    ? []
    : [{ path, message: `'${slug}' is not a party of this register` }];
}

export function milestoneProblems(milestone: {
  deliverable: string;
  state: MilestoneState;
  doneOn: string | null;
  open: boolean;
}): Problem[] {
  const problems: Problem[] = [];
  if (!milestone.open && milestone.deliverable.trim() === '') {
    problems.push({ path: '/deliverable', message: 'Name the deliverable, or mark it open' });
  }
  if (milestone.doneOn !== null && milestone.state !== 'done') {
    problems.push({ path: '/doneOn', message: 'Only a milestone that is done has a date done' });
  }
  return problems;
}

export function commitmentProblems(
  commitment: {
    from: string;
    to: string;
    title: string;
    document: DocumentRef | null;
    open: boolean;
  },
  parties: readonly string[],
): Problem[] {
  const problems = [
    ...partyProblems(commitment.from, parties, '/from'),
    ...partyProblems(commitment.to, parties, '/to'),
  ];
  if (commitment.from === commitment.to) {
    problems.push({ path: '/to', message: 'A party makes documents available to another party' });
  }
  if (!commitment.open && commitment.title.trim() === '') {
    problems.push({ path: '/title', message: 'Name the document, or mark the commitment open' });
  }
  if (commitment.document && commitment.document.organization !== commitment.from) {
    problems.push({
      path: '/document/organization',
      message: `The document must be one of '${commitment.from}', the party that makes it available`,
    });
  }
  return problems;
}

export function contactProblems(
  contact: { party: string; address: string | null; open: boolean },
  parties: readonly string[],
): Problem[] {
  const problems = partyProblems(contact.party, parties, '/party');
  if (!contact.open && contact.address === null) {
    problems.push({ path: '/address', message: 'Give an address, or mark the contact open' });
  }
  return problems;
}

export function prefixed(prefix: string, problems: readonly Problem[]): Problem[] {
  return problems.map((problem) => ({ ...problem, path: `${prefix}${problem.path}` }));
}
