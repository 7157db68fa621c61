/**
 * The walk that measures raw input: each object walked once, what an input
 * stands for counted as drawn (shared sub-objects at every place they are
 * reached), circular input refused. Sizes are checked against counts made
 * by hand or by expanding small inputs with JSON (an independent walker).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { walk } from './walk.js';

const limits = (over: Partial<Limits>): Limits => ({ ...DEFAULT_LIMITS, ...over });
function bag(levels: number): Record<string, unknown> {
  let v: Record<string, unknown> = { leaf: 1 };
  for (let i = 0; i < levels; i++) v = { a: v, b: v };
  return v;
}
/**
 * Objects and arrays in the JSON expansion of a value, counted by re-parsing
 * its text (no sharing survives JSON); arrays of numbers only inside an
 * array are positions, which maxVertices counts instead.
 */
function expandedNodes(value: unknown): number {
  let n = 0;
  JSON.parse(JSON.stringify(value), function (this: unknown, _k, v: unknown) {
    const position = Array.isArray(this) && Array.isArray(v) && v.every((x) => typeof x === 'number');
    if (v !== null && typeof v === 'object' && !position) n++;
    return v;
  });
  return n;
}

describe('walk', () => {
  it('refuses 61 objects standing for 2^60 paths in milliseconds, naming maxNodes', () => {
    const start = performance.now();
    const walked = walk({ x: bag(60) }, DEFAULT_LIMITS);
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(walked.tooLarge?.code).toBe('limit-exceeded');
    expect(walked.tooLarge?.issues[0]?.message).toMatch(/maxNodes/);
    expect(walked.tooLarge?.issues[0]?.path.slice(0, 2)).toEqual(['x', 'a']);
  });

  it('counts a shared object at every place it is reached: the limit falls exactly where the JSON expansion does', () => {
    const value = { x: bag(10) };
    const n = expandedNodes(value); // 1 + (2^11 − 1)
    expect(n).toBe(2 ** 11);
    expect(walk(value, limits({ maxNodes: n })).tooLarge).toBeUndefined();
    expect(walk(value, limits({ maxNodes: n - 1 })).tooLarge?.code).toBe('limit-exceeded');
  });

  it('measures depth along the longest path, also when a shared object is first met near the top', () => {
    let chain: unknown = { end: true };
    for (let i = 0; i < 20; i++) chain = { next: chain };
    let deep: unknown = chain;
    for (let i = 0; i < 30; i++) deep = [deep];
    const value = { shallow: chain, deep }; // chain is met at depth 2 first, and at depth 32 on the other path
    const walked = walk(value, limits({ maxDepth: 40 }));
    expect(walked.deepAt).toEqual(['deep', ...new Array<number>(30).fill(0), ...new Array<string>(9).fill('next')]);
    expect(walk(value, limits({ maxDepth: 52 })).deepAt).toBeUndefined();
  });

  it('refuses a circular input as circular, where it loops', () => {
    const loop: Record<string, unknown> = { id: 'x' };
    loop['again'] = { back: loop };
    const walked = walk({ list: [loop] }, DEFAULT_LIMITS);
    expect(walked.tooLarge?.code).toBe('invalid-input');
    expect(walked.tooLarge?.issues[0]).toMatchObject({ code: 'circular', path: ['list', 0, 'again', 'back'] });
  });

  it('agrees with the JSON expansion on random values with shared parts', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.integer({ min: 1, max: 4 }), (inner, copies) => {
        const value = { parts: new Array<unknown>(copies).fill(inner), again: { inner } };
        const n = expandedNodes(value);
        expect(walk(value, limits({ maxNodes: n })).tooLarge).toBeUndefined();
        expect(walk(value, limits({ maxNodes: n - 1 })).tooLarge?.code).toBe('limit-exceeded');
      }),
    );
  });

  it('finds every JavaScript Date with its path, in document order', () => {
    const d1 = new Date('2025-01-01T00:00Z');
    const d2 = new Date(Number.NaN);
    const d3 = new Date('2025-03-01T00:00Z');
    const walked = walk({ claims: [{ statedAt: d1, area: { when: d2 } }, { statedAt: 'x' }], evidence: [{ capturedAt: d3 }] }, DEFAULT_LIMITS);
    expect(walked.dates.map((d) => d.path)).toEqual([['claims', 0, 'statedAt'], ['claims', 0, 'area', 'when'], ['evidence', 0, 'capturedAt']]);
    expect(walked.dates.map((d) => d.date)).toEqual([d1, d2, d3]);
  });
});
