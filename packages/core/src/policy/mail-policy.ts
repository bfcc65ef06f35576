import type { Actor } from './actor.js';

/**
 * The demo mail catcher holds every mail the portal sent, to anyone: only the portal operator
 * reads it.
 */
export function allowReadCaughtMail(actor: Actor): boolean {
  return actor.userId !== null && actor.operator;
}
