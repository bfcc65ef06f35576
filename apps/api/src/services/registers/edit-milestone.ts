import type { MilestoneChange, RegisterMilestone } from '@liaison/core';
import { lockMilestone, type Pool, updateMilestone } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { milestoneProblems } from './item-rules.js';
import {
  notFoundItem,
  recordItemEdited,
  rejectProblems,
  withRegisterEdit,
} from './register-edits.js';

/** Changes a milestone's fields (admins of any party; the others' admins are told). */
export async function editMilestone(
  pool: Pool,
  context: RequestContext,
  slug: string,
  id: string,
  change: MilestoneChange,
): Promise<RegisterMilestone> {
  return withRegisterEdit(pool, context, slug, async (client, edit) => {
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
