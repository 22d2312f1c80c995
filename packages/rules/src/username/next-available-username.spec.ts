import { describe, expect, it } from '@jest/globals';
import { nextAvailableUsername } from './next-available-username.js';

describe('nextAvailableUsername', () => {
  it.each([
    [[], 'trej'],
    [['trej'], 'trej2'],
    [['trej', 'trej2'], 'trej3'],
    [['trej2'], 'trej'],
    [['trej', 'trej3'], 'trej2'],
    [['trej', 'trej2', 'trej3', 'trej4', 'trej5', 'trej6', 'trej7', 'trej8', 'trej9'], 'trej10'],
    [['trejx', 'tre'], 'trej'],
  ])('taken %j → %s', (taken, expected) => {
    expect(nextAvailableUsername('trej', new Set(taken))).toBe(expected);
  });

  it('accepts a predicate', () => {
    const taken = new Set(['gagm', 'gagm2']);
    expect(nextAvailableUsername('gagm', (candidate) => taken.has(candidate))).toBe('gagm3');
  });

  it('stops instead of looping forever', () => {
    expect(() => nextAvailableUsername('trej', () => true, 50)).toThrow(RangeError);
    expect(() => nextAvailableUsername('', new Set())).toThrow(RangeError);
  });
});
