/**
 * Random JSON (and random JavaScript values, getters that change between
 * reads among them) into every public function: nothing but a
 * ContestedError may come out, and Object.prototype is never touched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as contested from '../../src/index.js';
import { isContestedError } from '../../src/index.js';
import { RUNS } from './_maps.js';
import { flipping } from '../bad-inputs/hostile.js';

const FUNCTIONS = Object.entries(contested).filter(
  ([name, value]) => typeof value === 'function' && !/^[A-Z]/.test(name) && name !== 'isContestedError',
) as [string, (...args: unknown[]) => unknown][];

/** An array with holes: `[, x, , y]`. */
const sparse = fc.sparseArray(fc.jsonValue(), { maxLength: 6, noTrailingHole: false });
/** One object used at several places of a value (and, deeper, the 2^k-path bag that counts as drawn). */
const shared = fc.jsonValue({ maxDepth: 2 }).chain((inner) =>
  fc.constantFrom<unknown>(
    { a: inner, b: inner, c: [inner, inner] },
    [inner, { x: inner }, inner],
    { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { x: inner }, geometry: null }, { type: 'Feature', properties: { x: inner }, geometry: null }] },
  ),
);
/** Values JSON cannot hold: Symbols, BigInts, Invalid Dates, objects without a prototype, circular ones. */
const exotic = fc.oneof(
  fc.string().map((s) => Symbol(s)),
  fc.bigInt(),
  fc.constant(new Date(Number.NaN)),
  fc.date(),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 })).map((o) => Object.assign(Object.create(null) as object, o)),
  fc.constant(undefined).map(() => {
    const o: Record<string, unknown> = { id: 'x', name: 'x' };
    o['self'] = o;
    return o;
  }),
);
/** Exotic values inside otherwise plausible shapes: a claim, options, a dataset list. */
const planted = exotic.chain((x) =>
  fc.constantFrom<unknown>(
    { claims: [{ id: 'c', claimant: x, statedAt: '2025-12-01', area: 'p', status: 'controlled', side: 'RU', basis: 'claimed' }] },
    { asOf: x, claimant: x, within: x, unit: x, side: x, depth: x, limits: { maxDepth: x } },
    { units: [{ id: x, parent: x }], persons: [{ id: 'p', callSign: x, aliases: x }], evidence: [{ id: 'e', capturedAt: x, shows: x }] },
    [x, x],
  ),
);

/** Getters that change between reads: on random objects, and on a plausible claim, evidence and options. */
const flipped = exotic.chain((x) =>
  fc.oneof(
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })).map((good) => flipping(good, x)),
    fc.constant(undefined).map(() => ({
      claims: [flipping({ id: 'c', claimant: 'k', statedAt: '2025-12-01', area: { geometry: flipping({ type: 'Polygon', coordinates: [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48]]] }, x) }, status: 'controlled', side: 'RU', basis: 'claimed', refutes: ['d'] }, x)],
      evidence: [flipping({ id: 'e', kind: 'drone-video', capturedAt: '2025-12-01', position: flipping({ coordinates: [37.05, 48.02] }, x), shows: [flipping({ kind: 'presence', side: 'UA' }, x)] }, x)],
    })),
    fc.constant(undefined).map(() => flipping({ asOf: '2025-12-01', claimant: 'k', within: { type: 'Polygon', coordinates: [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48]]] }, by: 'day' }, x)),
  ),
);

/** JSON, JSON text, and the values JSON.parse makes of `__proto__` keys; then the hostile kinds of issue 18. */
const argument = fc.oneof(
  sparse,
  shared,
  exotic,
  planted,
  flipped,
  fc.jsonValue(),
  fc.anything(),
  fc.json(),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
  fc.constant(JSON.parse('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"__proto__": {"polluted": true}, "status": "controlled", "side": "__proto__"}, "geometry": {"type": "Polygon", "coordinates": [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48]]]}}]}')),
);

describe('random JSON never makes a public function throw anything but a ContestedError', () => {
  it('lists the functions it calls', () => {
    expect(FUNCTIONS.length).toBeGreaterThan(50);
  });

  // Values with no prototype (no toString) crash code that uses an argument
  // as a property key; fast-check makes them only now and then, so every
  // function also meets them deliberately, in every argument position.
  const bare = Object.create(null) as unknown;
  it('objects without a prototype, in every argument position', async () => {
    const wrong: string[] = [];
    const pending: Promise<string | undefined>[] = [];
    for (const [name, fn] of FUNCTIONS) {
      for (let position = 0; position < 4; position++) {
        const args = [undefined, undefined, undefined, undefined].map((_, i) => (i === position ? bare : i === 0 ? 'x' : undefined));
        try {
          const result = fn(...args);
          // An async function (controlHistory) rejects instead of throwing: the same rule holds for its rejection.
          if (result instanceof Promise) pending.push(result.catch((error: unknown) => (isContestedError(error) ? undefined : `${name} with a null-prototype object as argument ${position}: ${String(error)}`)));
        } catch (error) {
          // Bad input is refused with a ContestedError; an engine failure is a bug, not a refusal.
          if (!isContestedError(error) || error.code === 'geometry-engine') wrong.push(`${name} with a null-prototype object as argument ${position}: ${String(error)}`);
        }
      }
    }
    expect([...wrong, ...(await Promise.all(pending)).filter((failure) => failure !== undefined)]).toEqual([]);
  });

  for (const [name, fn] of FUNCTIONS) {
    it(name, async () => {
      const before = Object.getOwnPropertyNames(Object.prototype).join();
      await fc.assert(
        fc.asyncProperty(fc.array(argument, { maxLength: 4 }), async (args) => {
          try {
            // Awaited, so that an async function's rejection is held to the same rule as a throw.
            await fn(...args);
          } catch (error) {
            if (!isContestedError(error) || error.code === 'geometry-engine') throw error;
          }
          expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(before);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
