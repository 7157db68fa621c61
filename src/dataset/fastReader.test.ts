/**
 * The fast pass's key check (`onlyKeys`): it compares an object's keys with
 * the last sequence it found allowed before it asks the set. That shortcut
 * must never accept a key the set refuses — whatever shapes came before, in
 * whatever order, and when a Proxy lists other keys on a second look.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAIL, Keys, onlyKeys } from './_fastReader.js';

const ALLOWED = ['id', 'kind', 'title', 'capturedAt', 'position', 'shows', 'source'];

/** onlyKeys's verdict: true (allowed), or false when it gives up. */
function verdict(o: Record<string, unknown>, keys: Keys, present: number): boolean {
  try {
    onlyKeys(o, keys, present);
    return true;
  } catch (error) {
    if (error !== BAIL) throw error;
    return false;
  }
}

describe('onlyKeys: the learnt sequence of keys', () => {
  it('agrees with a plain look-up in the set, over any run of objects of mixed shapes and unknown keys', () => {
    const key = fc.oneof(fc.constantFrom(...ALLOWED), fc.constantFrom('foo', 'sides', 'Id', '__x'));
    const object = fc.uniqueArray(key, { maxLength: 8 }).map((names) => Object.fromEntries(names.map((name, i) => [name, i])));
    fc.assert(
      fc.property(fc.array(fc.tuple(object, fc.integer({ min: -1, max: 1 })), { minLength: 1, maxLength: 60 }), (run) => {
        const keys = new Keys(ALLOWED);
        for (const [o, off] of run) {
          const names = Object.keys(o);
          const present = names.length + off;
          const expected = names.every((name) => ALLOWED.includes(name)) && off === 0;
          expect(verdict(o, keys, present)).toBe(expected);
          // Whatever was learnt holds allowed keys only.
          for (const name of keys.last) expect(ALLOWED).toContain(name);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('an object with the learnt keys and one more is refused', () => {
    const keys = new Keys(ALLOWED);
    expect(verdict({ id: 1, kind: 2, shows: 3 }, keys, 3)).toBe(true);
    expect(keys.last).toEqual(['id', 'kind', 'shows']);
    expect(verdict({ id: 1, kind: 2, shows: 3, extra: 4 }, keys, 4)).toBe(false);
    expect(verdict({ id: 1, kind: 2, extra: 4 }, keys, 3)).toBe(false);
  });

  it('a Proxy that lists an unknown key on the second look is not learnt from', () => {
    const keys = new Keys(ALLOWED);
    let looks = 0;
    const shifty = new Proxy({ id: 1, kind: 2 } as Record<string, unknown>, {
      ownKeys: () => (looks++ === 0 ? ['id', 'kind'] : ['id', 'evil']),
      getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true, writable: true }),
    });
    expect(verdict(shifty, keys, 2)).toBe(true);
    expect(looks).toBe(2);
    expect(keys.last).not.toContain('evil');
    expect(verdict({ id: 1, evil: 2 }, keys, 2)).toBe(false);
  });
});
