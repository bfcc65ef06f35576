/**
 * Turns for work that holds a whole file in memory (stamping a PDF): at most `size` at once, the
 * others wait in order. Each turn is given back exactly once, however often `release` is called.
 */
export class Slots {
  private readonly waiting: (() => void)[] = [];
  private free: number;

  constructor(readonly size: number) {
    this.free = size;
  }

  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }

  /** Turns taken now (for tests and metrics). */
  get taken(): number {
    return this.size - this.free;
  }

  get queued(): number {
    return this.waiting.length;
  }
}

/**
 * Stampings (and upload checks, which parse the file too) at once in this process: each holds its
 * whole file, so together they hold at most this many files of up to WATERMARK_MAX_BYTES; further
 * readers and uploaders wait their turn.
 */
export const STAMPINGS_AT_ONCE = 2;
export const stampingTurns = new Slots(STAMPINGS_AT_ONCE);
