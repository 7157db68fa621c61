/**
 * Issue 12: no catch block swallows a TypeError or RangeError. Each catch in
 * src/ that handles a callee's refusal (a ContestedError, mgrs's own
 * wording, a missing module) is tried here with that callee failing the way
 * a bug would, and the very error thrown must come out of the public
 * function. Each case also runs unarmed, so that it is known to reach the
 * callee. (validateGeometry and parseDataset's fast pass have their own
 * tests beside them: src/geometry/validate.test.ts,
 * src/dataset/fastPassErrors.test.ts.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Event } from '../../src/events/schema.js';
import { Interval } from '../../src/time/interval.js';
import { Position } from '../../src/positions/schema.js';
import { CallSign } from '../../src/personnel/schema.js';
import { checkIntegrity } from '../../src/dataset/_integrity.js';
import { fromMgrs } from '../../src/positions/mgrs.js';
import { isModuleNotFound } from '../../src/history/_pool.js';
import { isContestedError } from '../../src/errors/index.js';
import { sampleDataset } from '../model/arbitraries.js';

/** The callee that fails next, and how; each armed callee counts its calls. */
const bug = vi.hoisted(() => ({ armed: undefined as string | undefined, error: undefined as unknown, calls: new Map<string, number>() }));
const armable = vi.hoisted(() => <F extends (...args: never[]) => unknown>(name: string, fn: F): F =>
  ((...args: Parameters<F>) => {
    bug.calls.set(name, (bug.calls.get(name) ?? 0) + 1);
    if (bug.armed === name) throw bug.error;
    return fn(...args);
  }) as F);
vi.mock('../../src/time/timeRef.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/time/timeRef.js')>();
  return { ...actual, resolveTime: armable('resolveTime', actual.resolveTime) };
});
vi.mock('../../src/places/areaRef.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/places/areaRef.js')>();
  return { ...actual, areaRefPlaces: armable('areaRefPlaces', actual.areaRefPlaces) };
});
vi.mock('../../src/personnel/callSign.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/personnel/callSign.js')>();
  return { ...actual, normalizeCallSign: armable('normalizeCallSign', actual.normalizeCallSign) };
});
vi.mock('mgrs', async (importOriginal) => {
  const actual = await importOriginal<Record<string, unknown>>();
  // Named exports (bundlers, vitest) or a default object (Node's view of the CommonJS build): arm both.
  const api = (typeof actual['inverse'] === 'function' ? actual : actual['default']) as { inverse: (s: string) => number[]; forward: (...a: never[]) => string };
  const wrapped = { ...api, inverse: armable('inverse', api.inverse), forward: armable('forward', api.forward) };
  return { ...wrapped, default: wrapped };
});
afterEach(() => {
  bug.armed = undefined;
  bug.calls.clear();
});

const sample = sampleDataset();
const BUGS = [new TypeError("Cannot read properties of undefined (reading 'start')"), new RangeError('Invalid time value')];

/** Where a catch used to stand, the callee armed, and a call that reaches it. */
const SITES: [string, string, () => unknown][] = [
  ['events/schema.ts: an event ending before it begins', 'resolveTime', () => Event.safeParse({ ...sample.events[0], until: '2025-11-29' })],
  ['time/interval.ts: an interval ending before it starts', 'resolveTime', () => Interval.safeParse({ start: '2025-12-01', end: '2025-12-05' })],
  ['dataset/_integrity.ts: a claim refuting a later one', 'resolveTime', () => checkIntegrity(sample)],
  ['dataset/_integrity.ts: the places an area expression names', 'areaRefPlaces', () => checkIntegrity(sample)],
  ['positions/schema.ts: a position given by MGRS', 'inverse', () => Position.safeParse({ mgrs: '37U CP 649 490' })],
  ['positions/schema.ts: coordinates checked against their MGRS square', 'forward', () => Position.safeParse({ coordinates: [37.18, 48.28], mgrs: '37U CP 649 490' })],
  ['personnel/schema.ts: a call sign', 'normalizeCallSign', () => CallSign.safeParse('Кролик')],
];

describe('a bug in a callee is not taken for bad input', () => {
  it.each(SITES)('%s (%s)', (_, callee, call) => {
    const unarmed = call();
    expect(Array.isArray(unarmed) ? unarmed : (unarmed as { success: boolean }).success).toEqual(Array.isArray(unarmed) ? [] : true);
    expect(bug.calls.get(callee) ?? 0).toBeGreaterThan(0);
    for (const error of BUGS) {
      bug.armed = callee;
      bug.error = error;
      expect(call).toThrow(error);
    }
  });

  it("still reports the callee's own refusal as the data's problem", () => {
    const refused = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): PropertyKey[][] => result.error?.issues.map((i) => i.path) ?? [];
    expect(refused(Event.safeParse({ ...sample.events[0], until: '2025-11-27' }))).toEqual([['until']]);
    expect(refused(Interval.safeParse({ start: '2025-12-05', end: '2025-12-01' }))).toEqual([['end']]);
    expect(refused(Position.safeParse({ mgrs: '37U CW 649 490' }))).toEqual([['mgrs']]);
    expect(refused(Position.safeParse({ coordinates: [30, 50], mgrs: '37U CP 649 490' }))).toEqual([['coordinates']]);
    expect(refused(CallSign.safeParse('R\u0430bbit'))).toEqual([[]]);
    expect(checkIntegrity({ ...sample, claims: [sample.claims[1], { ...sample.claims[0], statedAt: '2025-12-03' }] }).map((i) => i.code)).toEqual(['refutes-later-claim']);
  });
});

describe('fromMgrs', () => {
  it("turns mgrs's refusals into invalid-mgrs, and lets any other exception through", () => {
    const refusal = (reference: string): unknown => {
      try {
        return fromMgrs(reference);
      } catch (error) {
        return isContestedError(error) ? error.issues.map((i) => i.code) : error;
      }
    };
    // mgrs's own words for a reference it cannot read: "MGRSPoint given invalid Northing W" (a TypeError), "Bad character".
    expect(refusal('37U CW 649 490')).toEqual(['invalid-mgrs']);
    expect(refusal('37U CP 649 490')).toMatchObject({ squareM: 100 });
    bug.armed = 'inverse';
    for (const error of BUGS) {
      bug.error = error;
      expect(() => fromMgrs('37U CP 649 490')).toThrow(error);
    }
  });

  it('answers every reference of the right shape with a square or invalid-mgrs, never another exception', () => {
    const letter = (from: string): fc.Arbitrary<string> => fc.constantFrom(...from);
    const reference = fc
      .tuple(fc.integer({ min: 0, max: 99 }), fc.boolean(), letter('CDEFGHJKLMNPQRSTUVWX'), letter('ABCDEFGHJKLMNPQRSTUVWXYZ'), letter('ABCDEFGHJKLMNPQRSTUVWXYZ'), fc.integer({ min: 0, max: 5 }), fc.nat())
      .map(([zone, padded, band, e, n, half, digits]) => {
        const d = String(digits).padStart(10, '0').slice(0, half);
        return `${padded ? String(zone).padStart(2, '0') : zone}${band} ${e}${n} ${d}${d}`.trim();
      });
    const seen = { squares: 0, refused: 0 };
    fc.assert(
      fc.property(reference, (r) => {
        try {
          const { bbox, coordinates } = fromMgrs(r);
          seen.squares++;
          return [...bbox, ...coordinates].every(Number.isFinite);
        } catch (error) {
          seen.refused++;
          return isContestedError(error) && error.issues[0]?.code === 'invalid-mgrs';
        }
      }),
      { numRuns: 3000 },
    );
    expect(seen.squares).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
  });

  it('refuses UTM zones outside 1–60 itself (mgrs read zone 0 as zone 60 and failed on 61+ with a TypeError of its own)', () => {
    for (const reference of ['0U CP', '00U CP 649 490', '61U CP', '99X AA 1 1']) {
      expect(() => fromMgrs(reference)).toThrow(/UTM zones run from 1 to 60/);
    }
    expect(bug.calls.get('inverse') ?? 0).toBe(0);
  });
});

describe('isModuleNotFound (the workers pool without tinypool)', () => {
  it('is true for a module that is not installed, and false for an exception while a module loads', async () => {
    const missing = await import(/* @vite-ignore */ ['contested', 'no-such-module'].join('-')).then(() => undefined, (error: unknown) => error);
    expect(isModuleNotFound(missing)).toBe(true);
    expect(isModuleNotFound(Object.assign(new Error('Cannot find module'), { code: 'MODULE_NOT_FOUND' }))).toBe(true);
    for (const other of [new TypeError("Cannot read properties of undefined (reading 'Tinypool')"), new RangeError('Maximum call stack size exceeded'), null, 'ERR_MODULE_NOT_FOUND']) {
      expect(isModuleNotFound(other)).toBe(false);
    }
  });
});
