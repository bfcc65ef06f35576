import type { MilestoneChange, RegisterMilestone } from '@liaison/core';
import { lockMilestone, type Pool, updateMilestone, withTransaction } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { milestoneProblems } from './item-rules.js';
import {
  notFoundItem,
  openRegisterForEdit,
  recordItemEdited,
  rejectProblems,
} from './register-edits.js';

/** Changes a milestone's fields (admins of any party; the others' admins are told). */
export async function editMilestone(
  pool: Pool,
  context: RequestContext,
  slug: string,
  id: string,
  change: MilestoneChange,
): Promise<RegisterMilestone> {
  return withTransaction(pool, async (client) => {
    const edit = await openRegisterForEdit(client, context, slug);
    const before = (await lockMilestone(client, edit.record.id, id)) ?? notFoundItem('milestone');
    const after = { ...before, ...change };
    // Leaving `done` drops the date done unless the change sets one (then the rules refuse it).
    if (change.state !== undefined && change.state !== 'done' && change.doneOn === undefined) {
      after.doneOn = null;
    }
    rejectProblems(milestoneProblems(after));
    const saved = await updateMilestone(client, after);
    await recordItemEdited(client, context, edit, 'milestone', { before, after: saved });
    return saved;
  });
}
