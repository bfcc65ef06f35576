import { InvalidInputError, UnprocessableError } from '@liaison/core';
import { type Queryable, unknownOrganizations } from '@liaison/db';

export interface RegisterPartyChoice {
  organization: string;
  description: string;
}

/** The parties as given, each named once and each an existing organization. */
export async function checkRegisterParties(
  db: Queryable,
  parties: readonly { organization: string; description?: string }[],
): Promise<RegisterPartyChoice[]> {
  const slugs = parties.map((party) => party.organization);
  const repeated = slugs.filter((slug, index) => slugs.indexOf(slug) !== index);
  if (repeated.length > 0) {
    throw new InvalidInputError(
      `Each party may be named once: ${[...new Set(repeated)].join(', ')}`,
      'duplicate_party',
    );
  }
  const unknown = await unknownOrganizations(db, slugs);
  if (unknown.length > 0) {
    throw new UnprocessableError(
      `There is no organization: ${unknown.join(', ')}`,
      'unknown_organization',
    );
  }
  return parties.map((party) => ({
    organization: party.organization,
    description: party.description ?? '',
  }));
}
