import { type Actor, actorFromMemberships } from '@liaison/core';
import type { Viewer } from './viewer';

/**
 * The signed-in person as core's policy sees them, so pages hide what the API would refuse by
 * asking the same policy functions the API uses (the API still decides).
 */
export function viewerActor(
  viewer: Pick<Viewer, 'id' | 'email' | 'operator' | 'memberships'>,
): Actor {
  return actorFromMemberships(viewer, viewer.memberships);
}
