import type { Actor } from './actor.js';

/**
 * The background job queue is the portal's machinery (mail to anyone, every organization's files):
 * only the portal operator reads it.
 */
export function allowReadJobQueue(actor: Actor): boolean {
  return actor.userId !== null && actor.operator;
}
