import { describe, expect, it } from 'vitest';
import { Slots } from '../src/services/documents/stamping-slots.js';

describe('stamping turns', () => {
  it('gives out at most `size` turns; the next waits for a release, in order', async () => {
    const slots = new Slots(2);
    const first = await slots.acquire();
    await slots.acquire();
    const order: string[] = [];
    const third = slots.acquire().then((release) => {
      order.push('third');
      return release;
    });
    const fourth = slots.acquire().then(() => order.push('fourth'));
    await Promise.resolve();
    expect([slots.taken, slots.queued, order]).toEqual([2, 2, []]);
    first();
    first(); // a second release of the same turn gives nothing back
    (await third)();
    await fourth;
    expect(order).toEqual(['third', 'fourth']);
    expect([slots.taken, slots.queued]).toEqual([2, 0]);
  });
});
