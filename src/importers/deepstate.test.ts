import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { Clipper64, type Path64 } from 'clipper2-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContestedError } from '../errors/index.js';
import { Claim } from '../claims/schema.js';
import { areaKm2, validateGeometry } from '../geometry/index.js';
import { deepStateClass, deepStateEnglishName, fromDeepState, type DeepStateIgnored } from './index.js';
import { thrown } from '../../test/_thrown.js';

/** A lon/lat square, counter-clockwise, optionally with Z. */
function square(x: number, y: number, size = 1, z?: number): Polygon {
  const p = (a: number, b: number): number[] => (z === undefined ? [a, b] : [a, b, z]);
  return { type: 'Polygon', coordinates: [[p(x, y), p(x + size, y), p(x + size, y + size), p(x, y + size), p(x, y)]] };
}
const feature = (name: string | undefined, geometry: Feature['geometry'] | null): Feature => ({
  type: 'Feature',
  properties: name === undefined ? {} : { name },
  geometry: geometry as Feature['geometry'],
});
const collection = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const geometryOf = (claim: Claim) => (claim.area as { geometry: Polygon }).geometry;

/** Every claim parses and its geometry validates, with no warning either. */
function expectSound(claims: Claim[]): void {
  for (const claim of claims) {
    expect(Claim.safeParse(claim).success).toBe(true);
    expect(validateGeometry(geometryOf(claim)).problems).toEqual([]);
  }
}

describe('deepStateClass', () => {
  it.each([
    ['Occupied', 'occupied'],
    ['CADR and CALR', 'occupied-2014'],
    ['Occupied Crimea', 'occupied-crimea'],
    ['Unknown status', 'unknown-status'],
    ['Liberated', 'liberated'],
    ['Liberated 31.03 - 02.04', 'liberated'],
    ['Liberated\n25.03', 'liberated'],
    ['  Unknown\nstatus \n', 'unknown-status'],
    ['occupied crimea', 'occupied-crimea'],
    ['Окуповано /// Occupied /// occupied', 'occupied'],
    ['ОРДЛО ///\nCADR and CALR\n/// ordlo', 'occupied-2014'],
    ['Transnistria', undefined],
    ['East Prussia is temporarily occupied.', undefined],
    ['Occupied Tuzla Island', undefined],
    ['Snake Island', undefined],
    ['Liberation Day', undefined],
    ['', undefined],
  ])('%j → %s', (label, expected) => {
    expect(deepStateClass(label)).toBe(expected);
  });

  it('takes the English part of a raw label and collapses white space', () => {
    expect(deepStateEnglishName('Звільнено /// Liberated\n25.03 /// liberated')).toBe('Liberated 25.03');
    expect(deepStateEnglishName('Occupied')).toBe('Occupied');
  });
});

describe('fromDeepState', () => {
  const layer = collection(
    feature('Occupied', square(0, 0)),
    feature('Occupied', square(1, 0)),
    feature('CADR and CALR', square(2, 0)),
    feature('Occupied Crimea', square(3, 0)),
    feature('Unknown status\n', square(0, 1)),
    feature('Liberated 25.03', square(0, 2)),
    feature('Transnistria', square(-10, 0)),
  );

  it('makes one claim per class, with deterministic ids', () => {
    const claims = fromDeepState(layer, { asOf: '2025-12-01' });
    expect(claims.map((c) => [c.id, c.status, c.side ?? c.sides, c.basis])).toEqual([
      ['deepstate-2025-12-01-occupied', 'controlled', 'RU', 'assessed'],
      ['deepstate-2025-12-01-occupied-2014', 'controlled', 'RU', 'assessed'],
      ['deepstate-2025-12-01-occupied-crimea', 'controlled', 'RU', 'assessed'],
      ['deepstate-2025-12-01-unknown-status', 'contested', ['UA', 'RU'], 'assessed'],
      ['deepstate-2025-12-01-liberated', 'controlled', 'UA', 'assessed'],
    ]);
    expect(claims.every((c) => c.claimant === 'deepstate' && c.statedAt === '2025-12-01' && c.validAt === '2025-12-01')).toBe(true);
    expectSound(claims);
    expect(fromDeepState(layer, { asOf: '2025-12-01' })).toEqual(claims);
  });

  it('dissolves the polygons of a class and keeps their labels and indices', () => {
    const [occupied] = fromDeepState(layer, { asOf: '2025-12-01' });
    expect(geometryOf(occupied!).coordinates).toHaveLength(1);
    expect(areaKm2(geometryOf(occupied!))).toBeCloseTo(areaKm2(square(0, 0, 1)) + areaKm2(square(1, 0, 1)), 6);
    expect(occupied!.properties).toMatchObject({ class: 'occupied', labels: ['Occupied'], features: [0, 1] });
  });

  it('reports the political polygons and null geometries through onIgnored', () => {
    const ignored: DeepStateIgnored[] = [];
    const claims = fromDeepState(collection(...layer.features, feature('Occupied', null), feature('Karelia', null)), {
      asOf: '2025-12-01',
      onIgnored: (f) => ignored.push(f),
    });
    expect(claims).toHaveLength(5);
    expect(ignored).toEqual([
      { index: 6, name: 'Transnistria', reason: 'not-a-control-class' },
      { index: 7, name: 'Occupied', reason: 'null-geometry' },
      { index: 8, name: 'Karelia', reason: 'not-a-control-class' },
    ]);
  });

  it('reads raw `UKR /// ENG /// key` labels with stray newlines', () => {
    const raw = collection(feature('Окуповано /// Occupied\n /// occupied', square(0, 0)), feature('Сіра зона ///\nUnknown status/// unknown', square(1, 0)));
    expect(fromDeepState(raw, { asOf: '2025-12-01' }).map((c) => c.properties?.['labels'])).toEqual([['Occupied'], ['Unknown status']]);
  });

  it('drops Z coordinates and says so', () => {
    const [claim] = fromDeepState(collection(feature('Occupied', square(0, 0, 1, 150))), { asOf: '2025-12-01' });
    expect(geometryOf(claim!).coordinates.flat(3).length).toBe(2 * 5);
    expect(claim!.properties?.['droppedZ']).toBe(true);
    expectSound([claim!]);
  });

  it("reads cyterat's merged file (one MultiPolygon, empty properties) as occupied ground", () => {
    const merged: Feature = { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [square(0, 0).coordinates, square(5, 5).coordinates] } };
    const claims = fromDeepState(collection(merged), { asOf: '2025-10-01' });
    expect(claims.map((c) => [c.id, c.status, c.side])).toEqual([['deepstate-2025-10-01-occupied-all', 'controlled', 'RU']]);
    expectSound(claims);
  });

  it('cuts now-occupied or gray ground out of liberated polygons, and counts the cut', () => {
    const claims = fromDeepState(collection(feature('Occupied', square(0, 0)), feature('Unknown status', square(1, 0)), feature('Liberated', square(0, 0, 3))), { asOf: '2025-12-01' });
    const liberated = claims.find((c) => c.id.endsWith('-liberated'))!;
    const cut = areaKm2(square(0, 0)) + areaKm2(square(1, 0));
    expect(liberated.properties?.['overlapRemovedKm2']).toBeCloseTo(cut, 6);
    expect(areaKm2(geometryOf(liberated))).toBeCloseTo(areaKm2(square(0, 0, 3)) - cut, 6);
    expectSound(claims);
  });

  it('with an extent, adds the inferred Ukrainian-held rest, disjoint from every other claim', () => {
    const extent = square(0, 0, 4);
    const claims = fromDeepState(layer, { asOf: '2025-12-01', extent });
    const rest = claims.at(-1)!;
    expect([rest.id, rest.status, rest.side, rest.basis, rest.properties?.['inferred']]).toEqual(['deepstate-2025-12-01-ukrainian-held', 'controlled', 'UA', 'inferred', true]);
    const covered = [square(0, 0, 4), square(0, 0, 1), square(1, 0), square(2, 0), square(3, 0), square(0, 1), square(0, 2)].map(areaKm2);
    expect(areaKm2(geometryOf(rest))).toBeCloseTo(covered[0]! - covered.slice(1).reduce((a, b) => a + b, 0), 5);
    expectSound(claims);
  });

  describe('absorbs inferred strips narrower than sliverM along the extent boundary', () => {
    // A 1° extent at 48° N; DeepState's occupied polygon stops 0.002° (about
    // 150 m) short of its west edge, and a 0.002° (about 220 m) gap runs
    // between two occupied polygons well inside it.
    const extent = square(30, 48, 1);
    const box = (w: number, s: number, e: number, n: number): Polygon => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
    const drawn = collection(feature('Occupied', box(30.002, 48, 30.3, 49)), feature('Occupied', box(30.302, 48.2, 30.6, 48.8)));
    const strip = areaKm2(box(30, 48, 30.002, 49));
    // Everything but the strip, the inner gap (about 10 km²) included.
    const wide = areaKm2(extent) - areaKm2(box(30, 48, 30.3, 49)) - areaKm2(box(30.302, 48.2, 30.6, 48.8));

    it('by default (1,000 m): the 150 m strip along the edge is left unclaimed and counted; the inner gap is kept', () => {
      const rest = fromDeepState(drawn, { asOf: '2025-12-01', extent }).at(-1)!;
      expect(rest.properties?.['sliverM']).toBe(1000);
      expect(rest.properties?.['absorbedKm2']).toBeCloseTo(strip, 2);
      expect(areaKm2(geometryOf(rest))).toBeCloseTo(wide, 2);
      expectSound([rest]);
    });

    it('sliverM: 0 keeps every strip; 100 m keeps the 150 m one', () => {
      for (const sliverM of [0, 100]) {
        const rest = fromDeepState(drawn, { asOf: '2025-12-01', extent, sliverM }).at(-1)!;
        expect(rest.properties?.['absorbedKm2']).toBeCloseTo(0, 3);
        expect(areaKm2(geometryOf(rest))).toBeCloseTo(wide + strip, 3);
      }
    });

    describe('a failed union inside Clipper2\'s offset is an error, not strips (it reports failure to nobody)', () => {
      // Our own runs go through EngineRun.run; Clipper64.execute is called
      // only by the offset (inflatePathsD), which ignores what it returns.
      afterEach(() => {
        vi.restoreAllMocks();
      });
      const execute = Clipper64.prototype.execute;
      /** The offset's union fails on its `nth` call: as a thrown exception leaves it (no rings), or stopped partway along its sweep (which runs from north to south: nothing south of the middle). */
      const failing = (nth: number, how: 'empty' | 'partial'): void => {
        let calls = 0;
        vi.spyOn(Clipper64.prototype, 'execute').mockImplementation(function (this: Clipper64, ...args: Parameters<Clipper64['execute']>) {
          const ok = execute.apply(this, args);
          calls += 1;
          if (calls !== nth) return ok;
          const given: unknown = args[2];
          if (!Array.isArray(given)) throw new Error('the offset asks for paths, not a tree');
          const out: Path64[] = given;
          if (how === 'empty') out.length = 0;
          else {
            // Everything south of the middle of the sweep left out: each ring pressed up to that line.
            const ys = out.flatMap((path) => path.map((p) => p.y));
            const middle = Math.round((Math.min(...ys) + Math.max(...ys)) / 2);
            for (const path of out) for (const p of path) p.y = Math.max(p.y, middle);
          }
          return false;
        });
      };
      // The offsets, in order: the inferred ground shrunk, grown back, then the extent shrunk.
      for (const [nth, step] of [[1, 'shrinking the inferred ground'], [2, 'growing it back'], [3, 'shrinking the extent']] as const) {
        for (const how of ['empty', 'partial'] as const) {
          it(`${step}: ${how === 'empty' ? 'no rings' : 'the rings it had reached'}`, () => {
            failing(nth, how);
            let caught: unknown;
            try {
              fromDeepState(drawn, { asOf: '2025-12-01', extent });
            } catch (error) {
              caught = error;
            }
            expect(caught).toBeInstanceOf(ContestedError);
            expect((caught as ContestedError).code).toBe('geometry-engine');
            expect((caught as ContestedError).message).toMatch(/failed on the offset by -?\d+ m of \d+ ring\(s\) of \d+ vertices that measures narrow strips \(sliverM\)/);
            expect((caught as ContestedError).message).toMatch(/^the clipping engine failed on the ground inferred from options\.extent/);
            expect((caught as ContestedError).issues[0]!.path).toEqual(['options', 'extent']);
          });
        }
      }
      it('nothing is refused when the union succeeds, and execute is put back as it was', () => {
        failing(99, 'empty');
        const spied = Clipper64.prototype.execute;
        const rest = fromDeepState(drawn, { asOf: '2025-12-01', extent }).at(-1)!;
        expect(rest.properties?.['absorbedKm2']).toBeCloseTo(strip, 2);
        expect(Clipper64.prototype.execute).toBe(spied);
        vi.restoreAllMocks();
        const own = Clipper64.prototype.execute;
        fromDeepState(drawn, { asOf: '2025-12-01', extent });
        expect(Clipper64.prototype.execute).toBe(own);
      });

      it('execute is put back when the offset throws', () => {
        vi.spyOn(Clipper64.prototype, 'execute').mockImplementation(() => {
          throw new RangeError('inside the offset');
        });
        const spied = Clipper64.prototype.execute;
        expect(() => fromDeepState(drawn, { asOf: '2025-12-01', extent })).toThrow(RangeError);
        expect(Clipper64.prototype.execute).toBe(spied);
      });
    });

    it('refuses a width that is not a number of metres', () => {
      for (const sliverM of [-1, Number.NaN, '500' as unknown as number]) {
        expect(thrown(() => fromDeepState(drawn, { asOf: '2025-12-01', extent, sliverM })).issues[0]!.path).toEqual(['options', 'sliverM']);
      }
    });
  });

  it('honours claimant and idPrefix, and accepts a TimeRef object', () => {
    const [claim] = fromDeepState(collection(feature('Occupied', square(0, 0))), { asOf: { at: '2025-12-01', precision: 'week' }, claimant: 'dsm', idPrefix: 'x:' });
    expect([claim!.id, claim!.claimant]).toEqual(['x:occupied', 'dsm']);
    expect(fromDeepState(collection(feature('Occupied', square(0, 0))), { asOf: { at: '2025-12-01', precision: 'week' }, claimant: 'dsm' })[0]!.id).toBe('dsm-2025-12-01-occupied');
  });

  it('returns [] when nothing is about control in Ukraine', () => {
    expect(fromDeepState(collection(), { asOf: '2025-12-01' })).toEqual([]);
    expect(fromDeepState(collection(feature('Transnistria', square(0, 0))), { asOf: '2025-12-01' })).toEqual([]);
  });

  it('repairs a self-intersecting ring and records the repair', () => {
    const bowTie: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] };
    const [claim] = fromDeepState(collection(feature('Transnistria', square(9, 9)), feature('Occupied', bowTie)), { asOf: '2025-12-01' });
    const repairs = claim!.properties?.['repairs'] as { code: string; path: unknown[] }[];
    expect(repairs.map((r) => r.code)).toContain('resolved-self-intersection');
    expect(repairs.find((r) => r.code === 'resolved-self-intersection')!.path.slice(0, 3)).toEqual(['features', 1, 'geometry']);
    expectSound([claim!]);
  });

  it('does not mutate its input', () => {
    const input = collection(feature('Occupied', square(0, 0, 1, 5)), feature('Liberated', square(0, 0, 2)));
    const before = structuredClone(input);
    fromDeepState(input, { asOf: '2025-12-01', extent: square(0, 0, 3) });
    expect(input).toEqual(before);
  });

  describe('refuses wrong input with a path into it', () => {
    it('not a FeatureCollection', () => {
      const error = thrown(() => fromDeepState({ type: 'Feature' } as unknown as FeatureCollection, { asOf: '2025-12-01' }));
      expect([error.code, error.issues[0]!.path]).toEqual(['invalid-input', []]);
    });
    it('a control-class feature that is not an area', () => {
      const point: Point = { type: 'Point', coordinates: [0, 0] };
      const error = thrown(() => fromDeepState(collection(feature('Occupied', square(0, 0)), feature('Liberated', square(1, 1)), feature('Transnistria', point), feature('Occupied', point)), { asOf: '2025-12-01' }));
      expect([error.code, error.issues[0]!.path]).toEqual(['invalid-input', ['features', 3, 'geometry', 'type']]);
      expect(error.message).toContain('expected a Polygon or MultiPolygon, got Point');
    });
    it('a missing geometry member', () => {
      const error = thrown(() => fromDeepState(collection({ type: 'Feature', properties: { name: 'Occupied' } } as unknown as Feature), { asOf: '2025-12-01' }));
      expect(error.issues[0]!.path).toEqual(['features', 0, 'geometry']);
    });
    it('coordinates out of range', () => {
      const error = thrown(() => fromDeepState(collection(feature('Occupied', square(200, 0))), { asOf: '2025-12-01' }));
      expect(error.code).toBe('invalid-geometry');
      expect(error.issues[0]!.path.slice(0, 4)).toEqual(['features', 0, 'geometry', 'coordinates']);
    });
    it('a feature that is not a Feature', () => {
      const error = thrown(() => fromDeepState({ type: 'FeatureCollection', features: [feature('Occupied', square(0, 0)), 42] } as unknown as FeatureCollection, { asOf: '2025-12-01' }));
      expect(error.issues[0]!.path).toEqual(['features', 1]);
    });
    it('a name that is not a string', () => {
      const error = thrown(() => fromDeepState(collection({ type: 'Feature', properties: { name: 7 }, geometry: square(0, 0) }), { asOf: '2025-12-01' }));
      expect(error.issues[0]!.path).toEqual(['features', 0, 'properties', 'name']);
    });
    it('bad options', () => {
      expect(thrown(() => fromDeepState(layer, { asOf: '2025-13-01' })).issues[0]!.path).toEqual(['options', 'asOf']);
      expect(thrown(() => fromDeepState(layer, {} as { asOf: string })).issues[0]!.path).toEqual(['options', 'asOf']);
      expect(thrown(() => fromDeepState(layer, { asOf: '2025-12-01', claimant: ' ds' })).issues[0]!.path).toEqual(['options', 'claimant']);
    });
    it('an extent that is not an area', () => {
      const error = thrown(() => fromDeepState(layer, { asOf: '2025-12-01', extent: square(0, 95) }));
      expect(error.issues[0]!.path[0]).toBe('options');
    });
  });
});
