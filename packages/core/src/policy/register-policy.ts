import type { RegisterState } from '../domain.js';
import { type Actor, hasRole } from './actor.js';

/** Approved registers are public (the DMTF publishes them); drafts are visible to their parties. */
export function canReadRegister(
  actor: Actor,
  register: { state: RegisterState; parties: readonly string[] },
) {
  return (
    register.state === 'approved' ||
    register.parties.some((party) => hasRole(actor, party, 'member'))
  );
}
