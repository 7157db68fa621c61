/**
 * Getters that answer differently on each read (issue 18): every public
 * function, given datasets, claims and options whose every field reads a
 * valid value and then a hostile one (a Symbol, a prototype-less object,
 * undefined, a BigInt) in turn, answers or throws a ContestedError — never
 * a TypeError from a value that passed a check on one read and was used on
 * the next. An exception the caller's own getter throws may pass through
 * unchanged; these getters never throw.
 */
import { describe, expect, it } from 'vitest';
import * as contested from '../../src/index.js';
import { isContestedError } from '../../src/index.js';
import { flipping } from './hostile.js';

const FUNCTIONS = Object.entries(contested).filter(
  ([name, value]) => typeof value === 'function' && !/^[A-Z]/.test(name) && name !== 'isContestedError',
) as [string, (...args: unknown[]) => unknown][];

const box = (w: number, s: number, e: number, n: number): number[][] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const poly = { type: 'Polygon', coordinates: [box(37.12, 48.25, 37.24, 48.32)] };
const HOSTILE: unknown[] = [Symbol('x'), Object.create(null), undefined, 10n];

function dataset(h: unknown): Record<string, unknown> {
  return {
    sides: [flipping({ id: 'UA', name: 'Ukraine' }, h), { id: 'RU', name: 'Russia' }],
    actors: [flipping({ id: 'kremlin', name: 'Kremlin', kind: 'government', side: 'RU' }, h)],
    places: [flipping({ id: 'pokrovsk', name: 'Pokrovsk', kind: 'settlement', geometry: flipping(poly, h) }, h)],
    claims: [
      flipping({ id: 'c1', claimant: 'kremlin', statedAt: '2025-12-01', area: 'pokrovsk', status: 'controlled', side: 'RU', basis: 'claimed', refutes: ['c2'], evidence: ['e1'] }, h),
      { id: 'c2', claimant: 'kremlin', statedAt: '2025-11-02', area: { geometry: flipping(poly, h) }, status: 'controlled', side: 'RU', basis: 'claimed' },
    ],
    evidence: [
      flipping({ id: 'e1', kind: 'drone-video', capturedAt: '2025-12-01', position: flipping({ coordinates: [37.18, 48.28], accuracyM: 100 }, h), shows: [flipping({ kind: 'presence', side: 'UA' }, h)] }, h),
    ],
  };
}

describe('getters that change between reads', () => {
  it('never turn into anything but a ContestedError, in any public function', async () => {
    const wrong: string[] = [];
    for (const h of HOSTILE) {
      for (const [name, fn] of FUNCTIONS) {
        const options = flipping({ asOf: '2025-12-01', claimant: 'kremlin', within: poly, timeTolerance: 10 }, h);
        for (const args of [[dataset(h), options], [dataset(h)['claims'], options], [flipping(poly, h)], [dataset(h), ['kremlin'], options]]) {
          try {
            await fn(...args);
          } catch (error) {
            if (!isContestedError(error) || error.code === 'geometry-engine') wrong.push(`${name} (${typeof h}): ${String(error).slice(0, 200)}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
