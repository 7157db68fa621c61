/**
 * The N-way overlay's shortcuts, checked against the engine: `relateApart`
 * (a piece inside a region, or outside it, settled without the engine when
 * their boundaries stay ten grid cells apart) and `overlayMany` as it is now
 * (the rest cut first; regions left once the common parts hold all of a
 * piece but the grid's reach are not cut) against the plain pairwise
 * refinement it replaced (every region whose box meets a piece intersected
 * with it, and the rest subtracted), on random labelled maps whose edges are
 * shared exactly (a 0.001° lattice) or nearly (a whole list shifted by a
 * fraction of a grid cell up to a few cells).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, type MultiPolygon2 } from '../../src/geometry/_engine.js';
import { APART_DEGREES, relateApart } from '../../src/geometry/_apart.js';
import { boxOf, km2Of } from '../../src/overlay/regions.js';
import { paint } from '../../src/overlay/paint.js';
import { boxIndex, commonPart, meetingIn, overlayMany, restOf, type Boxed, type ManyPiece } from '../../src/overlay/overlay.js';

/** Shifts that make edges shared (0), nearly shared (a fraction of a cell to a few cells of the 1e-9° grid), or apart. */
const SHIFTS = [0, 0, 4e-10, 1e-9, 3e-9, APART_DEGREES / 2, APART_DEGREES * 1.5, 1e-6];

/** A rectangle, a diamond, or a rectangle with a hole, on a 0.001° lattice near Pokrovsk, shifted by `shift`. */
const shapeArb = (span: number, shift: number) =>
  fc
    .record({ x: fc.integer({ min: 0, max: span }), y: fc.integer({ min: 0, max: span }), w: fc.integer({ min: 2, max: 14 }), h: fc.integer({ min: 2, max: 14 }), kind: fc.constantFrom('box', 'diamond', 'holed') })
    .map(({ x, y, w, h, kind }): Boxed => {
      const [x0, y0, x1, y1] = [37 + x / 1000 + shift, 48 + y / 1000 + shift, 37 + (x + w) / 1000 + shift, 48 + (y + h) / 1000 + shift];
      const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
      const ring: [number, number][] =
        kind === 'diamond' ? [[cx, y0], [x1, cy], [cx, y1], [x0, cy], [cx, y0]] : [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
      const hole: [number, number][] = [[cx - 0.0005, cy - 0.0005], [cx - 0.0005, cy + 0.0005], [cx + 0.0005, cy + 0.0005], [cx + 0.0005, cy - 0.0005], [cx - 0.0005, cy - 0.0005]];
      const coords: MultiPolygon2 = [kind === 'holed' ? [ring, hole] : [ring]];
      return { coords, box: boxOf(coords) };
    });

/** A non-overlapping list (painted, as control maps are), every vertex shifted by one of {@link SHIFTS}. */
const listArb = fc.constantFrom(...SHIFTS).chain((shift) => fc.array(shapeArb(30, shift), { minLength: 1, maxLength: 6 }).map((layers) => paint(layers, () => undefined) as Boxed[]));

/** The grid moves a piece's area by up to its boundary times 0.11 mm; 1e-6 km² is that along 9 km, far below any piece here (≥ 1e-3 km² unless a sliver). */
const EPS_KM2 = 1e-6;

/** The refinement before the shortcuts: every region whose box meets a piece is intersected with it, and the rest subtracted. */
function pairwise(lists: readonly (readonly Boxed[])[], cover: MultiPolygon2, dropped: { km2: number }): ManyPiece<Boxed>[] {
  let pieces: ManyPiece<Boxed>[] = [{ coords: cover, box: boxOf(cover), says: [] }];
  for (const list of lists) {
    const index = boxIndex(list);
    const next: ManyPiece<Boxed>[] = [];
    for (const piece of pieces) {
      const meeting = meetingIn(index, piece.box).map((j) => list[j]!);
      for (const region of meeting) {
        const both = commonPart(piece, region, dropped);
        if (both.length > 0) next.push({ coords: both, box: boxOf(both), says: [...piece.says, region] });
      }
      const rest = restOf(piece, meeting, dropped);
      if (rest.length > 0) next.push({ coords: rest, box: boxOf(rest), says: [...piece.says, null] });
    }
    pieces = next;
  }
  return pieces;
}

/** km² by label: which region of each list (its index, or `-`) the ground lies in. */
function byLabel(lists: readonly (readonly Boxed[])[], pieces: readonly ManyPiece<Boxed>[]): Map<string, number> {
  const km2 = new Map<string, number>();
  for (const piece of pieces) {
    const key = piece.says.map((r, k) => (r === null ? '-' : String(lists[k]!.indexOf(r)))).join('|');
    km2.set(key, (km2.get(key) ?? 0) + km2Of(piece.coords));
  }
  return km2;
}

/**
 * Overlays the lists both ways (`overlayMany`, and the plain pairwise
 * refinement) and checks that they give the same km² for every label, to
 * the grid's reach and the slivers, and that the pieces add up to the cover.
 */
function agreesWithPairwise(lists: readonly (readonly Boxed[])[], cover: MultiPolygon2): { pieces: ManyPiece<Boxed>[]; droppedNew: { km2: number } } {
  const droppedNew = { km2: 0 };
  const droppedOld = { km2: 0 };
  const pieces = overlayMany(lists, cover, droppedNew);
  const now = byLabel(lists, pieces);
  const before = byLabel(lists, pairwise(lists, cover, droppedOld));
  for (const key of new Set([...now.keys(), ...before.keys()])) {
    expect(Math.abs((now.get(key) ?? 0) - (before.get(key) ?? 0)), key).toBeLessThan(EPS_KM2 + droppedNew.km2 + droppedOld.km2);
  }
  const total = [...now.values()].reduce((s, v) => s + v, 0) + droppedNew.km2;
  expect(Math.abs(total - km2Of(cover))).toBeLessThan(EPS_KM2 * (now.size + 1));
  return { pieces, droppedNew };
}

describe('relateApart', () => {
  it('says within only where the engine leaves nothing of A outside B, and disjoint only where they share nothing (property)', () => {
    const seen = { within: 0, disjoint: 0, unknown: 0 };
    fc.assert(
      fc.property(listArb, listArb, (as, bs) => {
        // Besides the other list's regions, each region's copy shrunk to half about its box's centre (inside it, or across its hole).
        const shrunk = bs.map((b): Boxed => {
          const [cx, cy] = [(b.box[0] + b.box[2]) / 2, (b.box[1] + b.box[3]) / 2];
          const coords: MultiPolygon2 = b.coords.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [cx + (x! - cx) / 2, cy + (y! - cy) / 2])));
          return { coords, box: boxOf(coords) };
        });
        for (const a of [...as, ...shrunk]) {
          for (const b of bs) {
            const relation = relateApart(a.coords, a.box, b.coords, b.box);
            seen[relation] += 1;
            if (relation === 'within') expect(km2Of(clip('difference', [a.coords, b.coords]))).toBeLessThan(EPS_KM2);
            if (relation === 'disjoint') expect(km2Of(clip('intersection', [a.coords, b.coords]))).toBeLessThan(EPS_KM2);
          }
        }
      }),
      { numRuns: 60, seed: 1212 },
    );
    // Each answer was given, so the property checked both shortcuts.
    expect(seen.within).toBeGreaterThan(10);
    expect(seen.disjoint).toBeGreaterThan(10);
    expect(seen.unknown).toBeGreaterThan(10);
  }, 120_000);

  it('leaves a pair whose boundaries come within ten grid cells to the engine, and settles it once they are further apart', () => {
    const square = (x0: number, y0: number, s: number): Boxed => {
      const coords: MultiPolygon2 = [[[[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]]]];
      return { coords, box: boxOf(coords) };
    };
    const outer = square(37, 48, 0.01);
    const inside = (gap: number): Boxed => square(37 + gap, 48 + gap, 0.005);
    expect(relateApart(inside(0).coords, inside(0).box, outer.coords, outer.box)).toBe('unknown');
    expect(relateApart(inside(APART_DEGREES / 2).coords, inside(APART_DEGREES / 2).box, outer.coords, outer.box)).toBe('unknown');
    expect(relateApart(inside(APART_DEGREES * 2).coords, inside(APART_DEGREES * 2).box, outer.coords, outer.box)).toBe('within');
    // The other way round: the outer square is not within the small one, and they are not disjoint.
    expect(relateApart(outer.coords, outer.box, inside(1e-4).coords, inside(1e-4).box)).toBe('unknown');
    const beside = square(37.01 + APART_DEGREES * 2, 48, 0.01);
    expect(relateApart(beside.coords, beside.box, outer.coords, outer.box)).toBe('disjoint');
    const touching = square(37.01, 48, 0.01);
    expect(relateApart(touching.coords, touching.box, outer.coords, outer.box)).toBe('unknown');
    // A piece inside a region's hole is outside the region.
    const holed: Boxed = { coords: [[outer.coords[0]![0]!, [[37.002, 48.002], [37.002, 48.008], [37.008, 48.008], [37.008, 48.002], [37.002, 48.002]]]], box: outer.box };
    const inHole = square(37.004, 48.004, 0.002);
    expect(relateApart(inHole.coords, inHole.box, holed.coords, holed.box)).toBe('disjoint');
    // And a region whose hole lies in the piece holds it only in part.
    const around = square(37.001, 48.001, 0.008);
    expect(relateApart(around.coords, around.box, holed.coords, holed.box)).toBe('unknown');
  });
});

describe('overlayMany with its shortcuts', () => {
  it('gives the pairwise refinement’s km² for every label, to the grid’s reach, slivers counted (property)', () => {
    fc.assert(
      fc.property(fc.array(listArb, { minLength: 2, maxLength: 5 }), fc.boolean(), (lists, framed) => {
        const cover: MultiPolygon2 = framed ? [[[[37.005, 48.005], [37.04, 48.006], [37.035, 48.04], [37.004, 48.03], [37.005, 48.005]]]] : clip('union', lists.flat().map((r) => r.coords));
        const droppedNew = { km2: 0 };
        const droppedOld = { km2: 0 };
        const now = byLabel(lists, overlayMany(lists, cover, droppedNew));
        const before = byLabel(lists, pairwise(lists, cover, droppedOld));
        for (const key of new Set([...now.keys(), ...before.keys()])) {
          expect(Math.abs((now.get(key) ?? 0) - (before.get(key) ?? 0)), key).toBeLessThan(EPS_KM2 + droppedNew.km2 + droppedOld.km2);
        }
        const total = [...now.values()].reduce((s, v) => s + v, 0) + droppedNew.km2;
        expect(Math.abs(total - km2Of(cover))).toBeLessThan(EPS_KM2 * (now.size + 1));
      }),
      { numRuns: 40, seed: 1213 },
    );
  }, 240_000);

  it('gives the pairwise refinement’s km² where the pieces lie in regions along their edges (holder first; property)', () => {
    // Every list is made of the same lattice's cells (0.002°, some with a
    // hole), grouped into a few regions per list: the pieces of one list
    // then lie whole in the regions of the next along shared edges, which
    // `relateApart` leaves to the engine and the holder-first rule
    // settles. A list shifted by a fraction of a grid cell makes the
    // edges nearly shared instead.
    const cell = (i: number, j: number, shift: number, holed: boolean): MultiPolygon2 => {
      const [x0, y0] = [37 + i * 0.002 + shift, 48 + j * 0.002 + shift];
      const ring: [number, number][] = [[x0, y0], [x0 + 0.002, y0], [x0 + 0.002, y0 + 0.002], [x0, y0 + 0.002], [x0, y0]];
      const hole: [number, number][] = [[x0 + 0.0008, y0 + 0.0008], [x0 + 0.0008, y0 + 0.0012], [x0 + 0.0012, y0 + 0.0012], [x0 + 0.0012, y0 + 0.0008], [x0 + 0.0008, y0 + 0.0008]];
      return [holed ? [ring, hole] : [ring]];
    };
    const latticeList = fc
      .record({
        // Per cell of a 4 × 4 lattice: the region it goes to (0–2), or none (-1).
        groups: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 16, maxLength: 16 }),
        holes: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        shift: fc.constantFrom(0, 0, 0, 4e-10, 1e-9),
      })
      .map(({ groups, holes, shift }): Boxed[] => {
        const regions: Boxed[] = [];
        for (let g = 0; g <= 2; g += 1) {
          const cells = groups.flatMap((k, c) => (k === g ? [cell(c % 4, Math.floor(c / 4), shift, holes[c]!)] : []));
          if (cells.length === 0) continue;
          const coords = clip('union', cells);
          if (coords.length > 0) regions.push({ coords, box: boxOf(coords) });
        }
        return regions;
      });
    fc.assert(
      fc.property(fc.array(latticeList, { minLength: 2, maxLength: 5 }), fc.boolean(), (lists, framed) => {
        const cover: MultiPolygon2 = framed ? [[[[37.001, 48.0005], [37.0075, 48.001], [37.007, 48.0078], [37.0005, 48.007], [37.001, 48.0005]]]] : clip('union', lists.flat().map((r) => r.coords));
        const { pieces, droppedNew } = agreesWithPairwise(lists, cover);
        // The pieces come one per label, by the region of the first list (its place; none last), then the second, …
        const keys = pieces.map((piece) => piece.says.map((r, k) => (r === null ? Infinity : lists[k]!.indexOf(r))));
        expect(new Set(keys.map((k) => k.join('|'))).size).toBe(keys.length);
        for (let i = 1; i < keys.length; i += 1) {
          const k = keys[i - 1]!.findIndex((v, j) => v !== keys[i]![j]);
          expect(keys[i - 1]![k]!).toBeLessThan(keys[i]![k]!);
        }
        // Nothing but the grid's residue goes to the slivers (a piece cut short would hide there).
        expect(droppedNew.km2).toBeLessThan(EPS_KM2);
      }),
      { numRuns: 40, seed: 1214 },
    );
  }, 240_000);

  it('gives the pairwise refinement’s km² on snapshots of one map a few changes apart (leftovers of the nearest list; property)', () => {
    // One map drawn again and again, its front lines moved a little each
    // time, as a source's daily maps are: three regions side by side (one
    // holed), after two maps of other sources (slanted bands, one each way)
    // that cut the ground into many pieces. Most pieces lie in the region
    // the previous snapshot names, and many ask the same pair of regions,
    // so the leftover of that region outside the next one settles them.
    const rect = (x0: number, x1: number, holed: boolean): MultiPolygon2 => {
      const [w, e, s, n] = [37 + x0 / 1000, 37 + x1 / 1000, 48, 48.01];
      const ring: [number, number][] = [[w, s], [e, s], [e, n], [w, n], [w, s]];
      const [cx, cy] = [(w + e) / 2, 48.005];
      const hole: [number, number][] = [[cx - 0.0003, cy - 0.0003], [cx - 0.0003, cy + 0.0003], [cx + 0.0003, cy + 0.0003], [cx + 0.0003, cy - 0.0003], [cx - 0.0003, cy - 0.0003]];
      return [holed && x1 - x0 >= 1 ? [ring, hole] : [ring]];
    };
    const snapshot = (splits: readonly number[], holed: number): Boxed[] => {
      const edges = [0, ...splits, 10];
      const regions: Boxed[] = [];
      for (let k = 0; k + 1 < edges.length; k += 1) {
        if (edges[k + 1]! <= edges[k]!) continue;
        const coords = rect(edges[k]!, edges[k + 1]!, k === holed);
        regions.push({ coords, box: boxOf(coords) });
      }
      return regions;
    };
    const snapshots = fc
      .record({
        splits: fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]),
        holed: fc.integer({ min: -1, max: 2 }),
        // Per later snapshot, how far each front line moves (0.001° steps; mostly not at all).
        moves: fc.array(fc.tuple(fc.constantFrom(0, 0, 0, -1, 1), fc.constantFrom(0, 0, 0, -1, 1)), { minLength: 1, maxLength: 3 }),
        bands: fc.array(fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 0, maxLength: 7 }), { minLength: 2, maxLength: 2 }),
      })
      .map(({ splits, holed, moves, bands }) => {
        const others = bands.map((list, across) => {
          const other: Boxed[] = [];
          for (let g = 0; g <= 1; g += 1) {
            const strips: MultiPolygon2 = list.flatMap((k, b): MultiPolygon2 => {
              if (k !== g) return [];
              const [v0, v1] = [48 + b * 0.0015 + 0.0003, 48 + (b + 1) * 0.0015 + 0.0003];
              const ring: [number, number][] = [[36.9995, v0], [37.0105, v0 + 0.0004], [37.0105, v1 + 0.0004], [36.9995, v1], [36.9995, v0]];
              // The second map's bands run the other way (x and y swapped about the lattice's corner).
              return [[across === 0 ? ring : ring.map(([x, y]): [number, number] => [37 + (y - 48), 48 + (x - 37)]).reverse()]];
            });
            // One operand, the strips as one MultiPolygon (passed as a list of operands, each polygon was
            // read as a MultiPolygon of its positions, and every band map came out empty).
            const coords = strips.length === 0 ? [] : clip('union', [strips]);
            if (coords.length > 0) other.push({ coords, box: boxOf(coords) });
          }
          return other;
        });
        const lists = [...others, snapshot(splits, holed)];
        let now = [...splits];
        for (const [da, db] of moves) {
          now = [Math.max(1, Math.min(9, now[0]! + da)), Math.max(1, Math.min(9, now[1]! + db))].sort((x, y) => x - y);
          lists.push(snapshot(now, holed));
        }
        return lists;
      });
    fc.assert(
      fc.property(snapshots, fc.boolean(), (lists, framed) => {
        const cover: MultiPolygon2 = framed ? [[[[37.001, 48.0005], [37.0095, 48.001], [37.009, 48.0098], [37.0005, 48.009], [37.001, 48.0005]]]] : clip('union', lists.flat().map((r) => r.coords));
        const { pieces, droppedNew } = agreesWithPairwise(lists, cover);
        expect(droppedNew.km2).toBeLessThan(EPS_KM2);
      }),
      { numRuns: 60, seed: 1215 },
    );
  }, 240_000);
});
