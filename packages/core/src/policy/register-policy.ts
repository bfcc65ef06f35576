import type { RegisterState } from '../domain.js';
import { type Actor, hasRole } from './actor.js';

/**
 * Approved registers are public (the DMTF publishes them); drafts are visible to their parties and
 * to the portal operator, who manages registers. Mirrored as SQL in packages/db (registers.ts).
 */
export function canReadRegister(
  actor: Actor,
  register: { state: RegisterState; parties: readonly string[] },
) {
  return (
    register.state === 'approved' ||
    actor.operator ||
    register.parties.some((party) => hasRole(actor, party, 'member'))
  );
}
