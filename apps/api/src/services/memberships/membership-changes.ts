import { ConflictError, type Member, NotFoundError } from '@liaison/core';
import { countAdmins, findMember, type Queryable } from '@liaison/db';

/** The member a change is about: NotFoundError when the organization has no such member. */
export async function memberToChange(
  db: Queryable,
  organization: string,
  userId: string,
): Promise<Member> {
  const member = await findMember(db, organization, userId);
  if (!member) throw new NotFoundError(`No such member of ${organization}`);
  return member;
}

/** Refuses (409 `last_admin`) a change that would leave the organization without an admin. */
export async function keepAnAdmin(db: Queryable, organization: string, member: Member) {
  if (member.role === 'admin' && (await countAdmins(db, organization)) <= 1) {
    throw new ConflictError(
      `${member.email} is the last admin of ${organization}; make someone else admin first`,
      'last_admin',
    );
  }
}
