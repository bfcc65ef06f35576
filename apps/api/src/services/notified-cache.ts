import { EventEmitter } from 'node:events';
import type { TableChangeHandlers } from '@liaison/db';

/**
 * What this process's caches of database answers share: every answer is dropped when the database
 * notifies a committed change to a table it was read from (listenForTableChanges), and each change
 * starts a new generation. An answer computed while the generation changed is not kept (it may
 * predate the change), and nothing is kept while the listening connection is down: a change
 * committed meanwhile would not be heard of. A request that changes anything in this process
 * empties the caches (`invalidate`) before its answer goes out, so the caller's next request
 * reflects it even before the notification arrives.
 *
 * Emits 'invalidated' (with what changed) after each drop, and 'listening' once the notifications
 * are heard (again).
 */
export abstract class NotifiedCache extends EventEmitter implements TableChangeHandlers {
  private generation = 0;
  private heard = false;

  constructor(readonly enabled: boolean) {
    super();
  }

  /** Whether answers are kept now: enabled, and the change notifications are heard. */
  get caching(): boolean {
    return this.enabled && this.heard;
  }

  /** To take before computing an answer, and hand to `mayKeep` once it is computed. */
  protected get mark(): number {
    return this.generation;
  }

  /** Whether an answer computed since `mark` was taken may be kept. */
  protected mayKeep(mark: number): boolean {
    return this.heard && mark === this.generation;
  }

  /** Drops every answer, and forgets those being computed. */
  protected abstract clear(): void;

  /**
   * Drops every answer, and those being computed: they may predate what just changed. `source`
   * says what changed (a table, or `request` for a request of this process).
   */
  invalidate(source = 'request') {
    this.generation += 1;
    this.clear();
    this.emit('invalidated', source);
  }

  listening() {
    this.invalidate('listening');
    this.heard = true;
    this.emit('listening');
  }

  changed(source: string) {
    this.invalidate(source);
  }

  lost() {
    this.heard = false;
    this.invalidate('lost');
  }
}
