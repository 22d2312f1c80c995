import { describe, expect, it } from '@jest/globals';
import { Coalesced } from './coalesced.js';

describe('Coalesced', () => {
  it('runs the items added in one turn of the event loop together, in order', async () => {
    const runs: number[][] = [];
    const c = new Coalesced<number>(async (items) => void runs.push(items));
    await Promise.all([c.add(1), c.add(2), c.add(3)]);
    await c.add(4);
    expect(runs).toEqual([[1, 2, 3], [4]]);
  });

  it('rejects the callers of a failed run with its error, and the next run still goes', async () => {
    let fail = true;
    const c = new Coalesced<string>(async () => {
      if (fail) throw new Error('database down');
    });
    const first = [c.add('a'), c.add('b')];
    for (const p of first) await expect(p).rejects.toThrow('database down');
    fail = false;
    await expect(c.add('c')).resolves.toBeUndefined();
  });

  it('runs the items of a failed run one at a time: only the caller of the bad item is rejected', async () => {
    const runs: string[][] = [];
    const c = new Coalesced<string>(async (items) => {
      runs.push(items);
      if (items.includes('bad')) throw new Error('bad item');
    });
    const [a, bad, b] = await Promise.allSettled([c.add('a'), c.add('bad'), c.add('b')]);
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('fulfilled');
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('bad item') });
    expect(runs).toEqual([['a', 'bad', 'b'], ['a'], ['bad'], ['b']]);
  });

  it('takes at most 500 items a run', async () => {
    const sizes: number[] = [];
    const c = new Coalesced<number>(async (items) => void sizes.push(items.length));
    await Promise.all(Array.from({ length: 1200 }, (_, i) => c.add(i)));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1200);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(500);
  });
});
