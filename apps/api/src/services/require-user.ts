import { type Actor, UnauthenticatedError } from '@liaison/core';

/** The signed-in user behind the actor; anonymous callers get 401. */
export function requireUser(actor: Actor): { userId: string; email: string } {
  if (actor.userId === null || actor.email === null) {
    throw new UnauthenticatedError('Sign in first');
  }
  return { userId: actor.userId, email: actor.email };
}
