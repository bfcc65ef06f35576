import type { MilestoneInput, RegisterMilestone } from '@liaison/core';
import { insertMilestone, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { milestoneProblems } from './item-rules.js';
import { recordItemAdded, rejectProblems, withRegisterEdit } from './register-edits.js';

/** Appends a milestone (admins of any party; the others' admins are told). */
export async function addMilestone(
  pool: Pool,
  context: RequestContext,
  slug: string,
  input: MilestoneInput,
): Promise<RegisterMilestone> {
  return withRegisterEdit(pool, context, slug, async (client, edit) => {
    const milestone = {
      deliverable: input.deliverable,
      timeframe: input.timeframe,
      state: input.state ?? 'planned',
      doneOn: input.doneOn ?? null,
      open: input.open ?? false,
    };
    rejectProblems(milestoneProblems(milestone));
    const added = await insertMilestone(client, edit.record.id, milestone);
    await recordItemAdded(client, context, edit, 'milestone', added);
    return added;
  });
}
