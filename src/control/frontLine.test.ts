import { existsSync, readdirSync, readFileSync } from 'node:fs';
import geodesic from 'geographiclib-geodesic';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { isContestedError } from '../errors/index.js';
import { areaKm2, difference, lengthM, union } from '../geometry/index.js';
import { frontLine } from './frontLine.js';
import { hasData } from '../../test/real-data/_data.js';
import { golden } from '../../test/fixtures/_golden.js';
import type { ControlMap } from './types.js';

const WGS84 = geodesic.Geodesic.WGS84;
const inverse = (a: Position, b: Position): number => WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12!;
const box = (x0: number, y0: number, x1: number, y1: number): Position[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

type Status = 'controlled' | 'contested' | 'advancing';
interface RegionProps {
  status: Status;
  side?: string;
  sides?: string[];
}
const region = (geometry: Polygon | MultiPolygon | Position[], status: Status, side?: string, sides?: string[]): Feature<Polygon | MultiPolygon, RegionProps> => ({
  type: 'Feature',
  properties: { status, ...(side === undefined ? {} : { side }), ...(sides === undefined ? {} : { sides }) },
  geometry: Array.isArray(geometry) ? { type: 'Polygon', coordinates: [geometry] } : geometry,
});
const map = (...features: Feature<Polygon | MultiPolygon, RegionProps>[]): FeatureCollection<Polygon | MultiPolygon, RegionProps> => ({ type: 'FeatureCollection', features });

/** Every straight piece of a front, as a sorted, direction-free list of keys, to compare fronts. */
const pieces = (coordinates: Position[][]): string[] =>
  coordinates
    .flatMap((line) => line.slice(1).map((p, i) => [line[i]!, p].map((q) => q.join(',')).sort().join(' ')))
    .sort();

describe('frontLine: hand-computable cases', () => {
  const squares = map(region(box(37, 48, 37.1, 48.1), 'controlled', 'UA'), region(box(37.1, 48, 37.2, 48.1), 'controlled', 'RU'));

  it('two squares sharing an edge: the front is that edge, with its GeographicLib length', () => {
    const front = frontLine(squares, ['UA', 'RU']);
    expect(front.geometry.coordinates).toEqual([[[37.1, 48], [37.1, 48.1]]]);
    const expected = inverse([37.1, 48], [37.1, 48.1]);
    expect(front.properties.lengthM).toBeCloseTo(expected, 6);
    expect(front.properties.lengthM).toBeCloseTo(11_119.1, 0);
    expect(front.properties.lengthBySideM).toEqual({ UA: front.properties.lengthM, RU: front.properties.lengthM });
    expect(front.properties.edgeOf).toEqual([['UA', 'RU']]);
    expect(front.properties).toMatchObject({ sides: ['UA', 'RU'], title: 'Front line UA–RU', stroke: '#d62728', 'stroke-width': 3 });
    expect(lengthM(front)).toBeCloseTo(front.properties.lengthM, 9);
  });

  it('is symmetric in the two sides', () => {
    const ab = frontLine(squares, ['UA', 'RU']);
    const ba = frontLine(squares, ['RU', 'UA']);
    expect(pieces(ba.geometry.coordinates)).toEqual(pieces(ab.geometry.coordinates));
    expect(ba.properties.lengthM).toBeCloseTo(ab.properties.lengthM, 9);
  });

  it('a contested strip between the sides: one line, along the first side\'s edge (or `along`\'s)', () => {
    const strip = map(
      region(box(37, 48, 37.1, 48.1), 'controlled', 'UA'),
      region(box(37.1, 48, 37.12, 48.1), 'contested'),
      region(box(37.12, 48, 37.22, 48.1), 'controlled', 'RU'),
    );
    const uaEdge = inverse([37.1, 48], [37.1, 48.1]);
    const front = frontLine(strip, ['UA', 'RU']);
    expect(pieces(front.geometry.coordinates)).toEqual(pieces([[[37.1, 48], [37.1, 48.1]]]));
    expect(front.properties).toMatchObject({ along: 'UA', edgeOf: [['UA']], directM: 0 });
    expect(front.properties.lengthM).toBeCloseTo(uaEdge, 6);
    expect(front.properties.acrossContestedM).toBeCloseTo(uaEdge, 6);
    expect(front.properties.lengthKm).toBeCloseTo(uaEdge / 1000, 9);
    // Each side's forward edge is still measured.
    expect(front.properties.lengthBySideM['UA']).toBeCloseTo(uaEdge, 6);
    expect(front.properties.lengthBySideM['RU']).toBeCloseTo(uaEdge, 6);
    const alongRu = frontLine(strip, ['UA', 'RU'], { along: 'RU' });
    expect(pieces(alongRu.geometry.coordinates)).toEqual(pieces([[[37.12, 48], [37.12, 48.1]]]));
    expect(alongRu.properties.edgeOf).toEqual([['RU']]);
    expect(frontLine(strip, ['RU', 'UA']).geometry.coordinates).toEqual(alongRu.geometry.coordinates);
  });

  it('splits the length into direct contact and contact across contested ground', () => {
    // UA west; RU east; the northern half of the contact has a gray strip between them.
    const m = map(
      region(box(37, 48, 37.1, 48.1), 'controlled', 'UA'),
      region([[37.1, 48], [37.2, 48], [37.2, 48.1], [37.12, 48.1], [37.12, 48.05], [37.1, 48.05], [37.1, 48]], 'controlled', 'RU'),
      region(box(37.1, 48.05, 37.12, 48.1), 'contested', undefined, ['UA', 'RU']),
    );
    const front = frontLine(m, ['UA', 'RU']);
    expect(front.properties.directM).toBeCloseTo(inverse([37.1, 48], [37.1, 48.05]), 6);
    expect(front.properties.acrossContestedM).toBeCloseTo(inverse([37.1, 48.05], [37.1, 48.1]), 6);
    expect(front.properties.lengthM).toBeCloseTo(front.properties.directM + front.properties.acrossContestedM, 9);
    expect(front.properties.edgeOf.map((tag) => tag.join()).sort()).toEqual(['UA', 'UA,RU']);
  });

  it('advancing ground of either side counts as the zone between them', () => {
    const band = map(
      region(box(37, 48, 37.1, 48.1), 'controlled', 'UA'),
      region(box(37.1, 48, 37.13, 48.1), 'advancing', 'RU'),
      region(box(37.13, 48, 37.23, 48.1), 'controlled', 'RU'),
    );
    const front = frontLine(band, ['UA', 'RU']);
    expect(front.geometry.coordinates).toEqual([[[37.1, 48], [37.1, 48.1]]]);
    expect(front.properties.acrossContestedM).toBeCloseTo(inverse([37.1, 48], [37.1, 48.1]), 6);
    // A third side's advance, or a contested zone of third sides, is no zone between UA and RU.
    const others = map(
      region(box(37, 48, 37.1, 48.1), 'controlled', 'UA'),
      region(box(37.1, 48, 37.13, 48.1), 'advancing', 'BY'),
      region(box(37.1, 48.1, 37.13, 48.2), 'contested', undefined, ['BY', 'MD']),
    );
    expect(frontLine(others, ['UA', 'RU']).geometry.coordinates).toEqual([]);
  });

  it('a gray pocket that touches one side only is no front; one that touches both is', () => {
    // A contested pocket inside UA ground, and RU far away to the east.
    const pocket = map(
      region({ type: 'Polygon', coordinates: [box(37, 48, 37.1, 48.1), box(37.04, 48.04, 37.06, 48.06).reverse()] }, 'controlled', 'UA'),
      region(box(37.04, 48.04, 37.06, 48.06), 'contested', undefined, ['UA', 'RU']),
      region(box(37.1, 48, 37.2, 48.1), 'controlled', 'RU'),
    );
    const front = frontLine(pocket, ['UA', 'RU']);
    expect(front.geometry.coordinates).toEqual([[[37.1, 48], [37.1, 48.1]]]);
    expect(front.properties.acrossContestedM).toBe(0);
    // Two zone regions joined through a shared edge form one component that reaches RU: both count.
    const joined = map(
      region(box(37, 48, 37.1, 48.1), 'controlled', 'UA'),
      region(box(37.1, 48, 37.11, 48.1), 'contested', undefined, ['UA', 'RU']),
      region(box(37.11, 48, 37.12, 48.1), 'advancing', 'RU'),
      region(box(37.12, 48, 37.2, 48.1), 'controlled', 'RU'),
    );
    expect(frontLine(joined, ['UA', 'RU']).geometry.coordinates).toEqual([[[37.1, 48], [37.1, 48.1]]]);
  });

  it('one side\'s advance counts as its presence: UA ground facing an RU advance is front with no RU-held ground', () => {
    // Pokrovsk as the trackers saw it: UA holds the north, RU advances in the south, nobody holds the south outright.
    const m = map(region(box(37.1, 48.3, 37.2, 48.35), 'controlled', 'UA'), region(box(37.1, 48.25, 37.2, 48.3), 'advancing', 'RU'));
    const front = frontLine(m, ['UA', 'RU']);
    expect(pieces(front.geometry.coordinates)).toEqual(pieces([[[37.1, 48.3], [37.2, 48.3]]]));
    expect(front.properties.acrossContestedM).toBeCloseTo(inverse([37.1, 48.3], [37.2, 48.3]), 6);
    // A contested region with no advance, touching UA only, is a pocket.
    const gray = map(region(box(37.1, 48.3, 37.2, 48.35), 'controlled', 'UA'), region(box(37.1, 48.25, 37.2, 48.3), 'contested', undefined, ['UA', 'RU']));
    expect(frontLine(gray, ['UA', 'RU']).geometry.coordinates).toEqual([]);
  });

  it('closes gaps narrower than gapM between one side\'s own regions (and the sliver of the other side in them)', () => {
    // Two RU regions 0.0005° (≈ 37 m) apart, the gap between them drawn as UA ground; UA held to the west.
    const west = box(37, 48, 37.1, 48.1);
    const rus1 = box(37.1, 48, 37.15, 48.1);
    const rus2 = box(37.1505, 48, 37.2, 48.1);
    const gap = box(37.15, 48, 37.1505, 48.1);
    const gapped = map(region(west, 'controlled', 'UA'), region(rus1, 'controlled', 'RU'), region(gap, 'controlled', 'UA'), region(rus2, 'controlled', 'RU'));
    const closed = frontLine(gapped, ['RU', 'UA']);
    const edge = inverse([37.1, 48], [37.1, 48.1]);
    expect(closed.properties.lengthM).toBeCloseTo(edge, 3);
    expect(closed.properties.lengthBySideM['UA']).toBeCloseTo(edge, 3);
    // Without closing, both sides of the gap are front, for each side.
    const open = frontLine(gapped, ['RU', 'UA'], { gapM: 0 });
    expect(open.properties.lengthM).toBeCloseTo(3 * edge, 3);
    expect(open.properties.lengthBySideM['UA']).toBeCloseTo(3 * edge, 3);
    // A gap wider than gapM is real ground between the two regions.
    expect(frontLine(gapped, ['RU', 'UA'], { gapM: 20 }).properties.lengthM).toBeCloseTo(3 * edge, 3);
  });

  it('a thin wedge of one side against the edge of the map keeps its front', () => {
    // UA's wedge narrows to nothing at the south; no RU ground lies beyond its western edge.
    const m = map(
      region([[37, 48], [37.0005, 48], [37.0005, 48.1], [37, 48.1], [37, 48]], 'controlled', 'UA'),
      region(box(37.0005, 48, 37.1, 48.1), 'controlled', 'RU'),
    );
    expect(frontLine(m, ['UA', 'RU']).properties.lengthM).toBeCloseTo(inverse([37.0005, 48], [37.0005, 48.1]), 6);
  });

  it('excludes the edge of `within`: a border is not a front', () => {
    const m = map(
      region(box(37, 48, 37.1, 48.1), 'controlled', 'UA'),
      region(box(37.1, 48, 37.2, 48.1), 'controlled', 'RU'),
      region(box(37, 48.1, 37.2, 48.2), 'controlled', 'RU'),
    );
    const unbounded = frontLine(m, ['UA', 'RU']);
    expect(pieces(unbounded.geometry.coordinates)).toEqual(pieces([[[37.1, 48], [37.1, 48.1]], [[37, 48.1], [37.1, 48.1]]]));
    const inside = frontLine(m, ['UA', 'RU'], { within: { type: 'Polygon', coordinates: [box(36.9, 47.9, 37.3, 48.1)] }, borderM: 0 });
    expect(inside.geometry.coordinates).toEqual([[[37.1, 48], [37.1, 48.1]]]);
    // A `within` that cuts the front keeps only the part inside it.
    const cut = frontLine(m, ['UA', 'RU'], { within: { type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: [box(36.9, 47.9, 37.3, 48.05)] } }, borderM: 0 });
    expect(cut.geometry.coordinates).toEqual([[[37.1, 48], [37.1, 48.05]]]);
    // By default the line stops borderM (2 km) short of the boundary it meets head-on.
    const short = frontLine(m, ['UA', 'RU'], { within: { type: 'Polygon', coordinates: [box(36.9, 47.9, 37.3, 48.1)] } });
    expect(short.geometry.coordinates).toHaveLength(1);
    expect(short.properties.lengthM).toBeCloseTo(inverse([37.1, 48], [37.1, 48.1]) - 2000, -1);
  });

  it('a strip of ground between a map and a coarser border is no front (borderM)', () => {
    // RU holds the east up to 37.2; the country's boundary runs 300 m further east, so a 300 m strip of
    // "UA" ground (what an importer infers as the rest of the country) lies between RU and the border.
    const country: Polygon = { type: 'Polygon', coordinates: [box(36.8, 47.8, 37.204, 48.3)] };
    const m = map(
      region(box(36.8, 47.8, 37.1, 48.3), 'controlled', 'UA'),
      region(box(37.1, 47.9, 37.2, 48.2), 'controlled', 'RU'),
      region([[37.1, 47.8], [37.204, 47.8], [37.204, 48.3], [37.1, 48.3], [37.1, 48.2], [37.2, 48.2], [37.2, 47.9], [37.1, 47.9], [37.1, 47.8]], 'controlled', 'UA'),
    );
    const front = frontLine(m, ['RU', 'UA'], { within: country });
    // The western edge is front, and the northern and southern edges except their last 2 km towards the border;
    // the eastern edge, 300 m from the border, is not.
    const west = inverse([37.1, 47.9], [37.1, 48.2]);
    const north = inverse([37.1, 48.2], [37.2, 48.2]);
    expect(front.properties.lengthM).toBeGreaterThan(west);
    expect(front.properties.lengthM).toBeLessThan(west + 2 * north);
    const strips = frontLine(m, ['RU', 'UA'], { within: country, borderM: 0 });
    expect(strips.properties.lengthM - front.properties.lengthM).toBeGreaterThan(inverse([37.2, 47.9], [37.2, 48.2]));
  });

  it('ground facing unclaimed ground is not front; a partial shared edge is cut where contact ends', () => {
    const m = map(
      region(box(37, 48, 37.1, 48.1), 'controlled', 'UA'),
      region(box(37.1, 48.05, 37.2, 48.15), 'controlled', 'RU'),
      region(box(37.25, 48, 37.35, 48.1), 'controlled', 'RU'),
    );
    const front = frontLine(m, ['UA', 'RU']);
    expect(front.geometry.coordinates).toEqual([[[37.1, 48.05], [37.1, 48.1]]]);
    expect(front.properties.lengthM).toBeCloseTo(inverse([37.1, 48.05], [37.1, 48.1]), 6);
  });

  it('tolerates neighbours drawn independently: 1e-9° jitter and vertices the other lacks', () => {
    const steps = 50;
    const west: Position[] = [];
    for (let i = 0; i <= steps; i += 1) west.push([37.1 + (i % 2 === 0 ? 0 : 0.005), 48 + (0.1 * i) / steps]);
    const east = west.flatMap((p, i): Position[] => {
      const jittered: Position = i === 0 || i === steps ? p : [p[0]! + (i % 3 === 0 ? 1e-9 : -1e-9), p[1]! + 1e-9];
      const q = west[i + 1];
      return q === undefined || i % 5 !== 0 ? [jittered] : [jittered, [(p[0]! + q[0]!) / 2, (p[1]! + q[1]!) / 2]];
    });
    const exact = frontLine(map(region([[37, 48], ...west, [37, 48.1], [37, 48]], 'controlled', 'UA'), region([...west, [37.2, 48.1], [37.2, 48], [37.1, 48]], 'controlled', 'RU')), ['UA', 'RU']);
    const drawn = frontLine(map(region([[37, 48], ...west, [37, 48.1], [37, 48]], 'controlled', 'UA'), region([...east, [37.2, 48.1], [37.2, 48], [37.1, 48]], 'controlled', 'RU')), ['UA', 'RU']);
    expect(exact.geometry.coordinates).toHaveLength(1);
    expect(drawn.geometry.coordinates).toEqual(exact.geometry.coordinates);
    expect(drawn.properties.lengthBySideM['RU']).toBeCloseTo(exact.properties.lengthM, 3);
    // 1e-9° is well inside the default tolerance; a tolerance below the jitter sees no contact.
    expect(frontLine(map(region([[37, 48], ...west, [37, 48.1], [37, 48]], 'controlled', 'UA'), region([...east, [37.2, 48.1], [37.2, 48], [37.1, 48]], 'controlled', 'RU')), ['UA', 'RU'], { tolerance: 1e-12 }).properties.lengthBySideM['RU']).toBeLessThan(exact.properties.lengthM);
  });

  it('merges consecutive edges into one LineString and closes an enclave into a ring', () => {
    const staircase: Position[] = [[37, 48]];
    for (let i = 0; i < 200; i += 1) staircase.push([37 + 0.001 * (i + 1), 48 + 0.001 * i], [37 + 0.001 * (i + 1), 48 + 0.001 * (i + 1)]);
    const last = staircase[staircase.length - 1]!;
    const m = map(
      region([...staircase, [37, last[1]!], [37, 48]], 'controlled', 'UA'),
      region([...staircase, [last[0]! + 0.1, last[1]!], [last[0]! + 0.1, 48], [37, 48]], 'controlled', 'RU'),
    );
    // 0.001° steps: UA's wedge is 74 m wide at its southern end, which is kept (no RU ground lies beyond it).
    const front = frontLine(m, ['UA', 'RU']);
    expect(front.geometry.coordinates).toHaveLength(1);
    expect(front.geometry.coordinates[0]).toHaveLength(staircase.length);

    const enclave = map(
      region({ type: 'Polygon', coordinates: [box(37, 48, 37.3, 48.3), box(37.1, 48.1, 37.2, 48.2).reverse()] }, 'controlled', 'UA'),
      region(box(37.1, 48.1, 37.2, 48.2), 'controlled', 'RU'),
    );
    const ring = frontLine(enclave, ['UA', 'RU']).geometry.coordinates;
    expect(ring).toHaveLength(1);
    expect(ring[0]).toHaveLength(5);
    expect(ring[0]![0]).toEqual(ring[0]![4]);
  });

  it('works on a map whose regions come from the clipping engine', () => {
    const occupied: Polygon = { type: 'Polygon', coordinates: [[[37.05, 47.9], [37.4, 47.9], [37.4, 48.3], [37.15, 48.2], [37.1, 48.05], [37.05, 47.9]]] };
    const country: Polygon = { type: 'Polygon', coordinates: [box(36.8, 47.95, 37.3, 48.4)] };
    const held = difference(country, occupied);
    const russian = union([occupied]);
    const front = frontLine(map(region(held, 'controlled', 'UA'), region(russian, 'controlled', 'RU')), ['UA', 'RU'], { within: country, borderM: 0 });
    // The front is the occupied boundary inside the country: from where it enters (lon 37.0666…, 47.95) to where it leaves (37.3, 48.26).
    expect(front.geometry.coordinates).toHaveLength(1);
    const line = front.geometry.coordinates[0]!;
    const ends = [line[0]!, line[line.length - 1]!].sort((p, q) => p[0]! - q[0]!);
    expect(ends[0]![0]).toBeCloseTo(37.05 + 0.05 / 3, 9);
    expect(ends[0]![1]).toBeCloseTo(47.95, 9);
    expect(ends[1]![0]).toBeCloseTo(37.3, 9);
    expect(ends[1]![1]).toBeCloseTo(48.26, 9);
    expect(front.properties.lengthM).toBeCloseTo(lengthM({ type: 'LineString', coordinates: [ends[0]!, [37.1, 48.05], [37.15, 48.2], ends[1]!] }), 3);
  });
});

describe('frontLine: input shapes', () => {
  it('takes a ControlMap as controlMap builds it', () => {
    const style = { title: '', description: '', fill: '#000000', 'fill-opacity': 0.5, stroke: '#000000', 'stroke-width': 1 };
    const part = (x: number, side: string): ControlMap['features'][number] => ({
      type: 'Feature',
      properties: { status: 'controlled', side, claims: [`c-${side}`], km2: 0, ...style },
      geometry: { type: 'MultiPolygon', coordinates: [[box(x, 48, x + 0.1, 48.1)]] },
    });
    const controlMap: ControlMap = { type: 'FeatureCollection', features: [part(37, 'UA'), part(37.1, 'RU')], overruled: [] };
    expect(frontLine(controlMap, ['UA', 'RU']).geometry.coordinates).toEqual([[[37.1, 48], [37.1, 48.1]]]);
  });
});

describe('frontLine: empty answers and errors', () => {
  it('an empty map, or a side with no ground, gives an empty MultiLineString', () => {
    const empty = frontLine({ type: 'FeatureCollection', features: [] }, ['UA', 'RU']);
    expect(empty.geometry).toEqual({ type: 'MultiLineString', coordinates: [] });
    expect(empty.properties.lengthM).toBe(0);
    const oneSided = frontLine(map(region(box(37, 48, 37.1, 48.1), 'controlled', 'UA')), ['UA', 'RU']);
    expect(oneSided.geometry.coordinates).toEqual([]);
    expect(oneSided.properties.description).toBe('UA and RU do not meet on this map.');
  });

  it('throws invalid-input for a map that is not a FeatureCollection, equal sides, or a bad tolerance', () => {
    const squares = map(region(box(37, 48, 37.1, 48.1), 'controlled', 'UA'));
    for (const call of [
      () => frontLine(null as never, ['UA', 'RU']),
      () => frontLine(squares, ['UA', 'UA']),
      () => frontLine(squares, ['UA'] as never),
      () => frontLine(squares, ['UA', 'RU'], { tolerance: -1 }),
      () => frontLine(squares, ['UA', 'RU'], { borderM: -1 }),
      () => frontLine(squares, ['UA', 'RU'], { gapM: Number.NaN }),
      () => frontLine(squares, ['UA', 'RU'], { along: 'BY' }),
    ]) {
      let caught: unknown;
      try {
        call();
      } catch (error) {
        caught = error;
      }
      expect(isContestedError(caught) && caught.code).toBe('invalid-input');
    }
    expect(() => frontLine(map(region([[37, 48], [37, 95], [38, 48], [37, 48]], 'controlled', 'UA')), ['UA', 'RU'])).toThrow(/outside lon/);
  });

  it('refuses a map whose regions overlap (the shared ground would face the front twice), naming both', () => {
    const overlapping = map(region(box(37, 48, 37.1, 48.1), 'controlled', 'UA'), region(box(37.05, 48, 37.2, 48.1), 'controlled', 'RU'));
    let caught: unknown;
    try {
      frontLine(overlapping, ['UA', 'RU']);
    } catch (error) {
      caught = error;
    }
    expect(isContestedError(caught) && caught.code).toBe('invalid-input');
    const issue = isContestedError(caught) ? caught.issues[0] : undefined;
    expect(issue?.code).toBe('overlapping-regions');
    expect(issue?.path).toEqual(['map', 'features', 1]);
    expect(issue?.message).toMatch(/map\.features\[1\] overlaps map\.features\[0\]/);
    // Regions that only share an edge are a map, as are regions of sides the front is not about.
    expect(() => frontLine(map(region(box(37, 48, 37.1, 48.1), 'controlled', 'UA'), region(box(37.1, 48, 37.2, 48.1), 'controlled', 'RU')), ['UA', 'RU'])).not.toThrow();
    expect(() => frontLine(map(region(box(37, 48, 37.1, 48.1), 'controlled', 'UA'), region(box(37.05, 48, 37.2, 48.1), 'controlled', 'BY')), ['UA', 'RU'])).not.toThrow();
  });

  it('does not mutate its input', () => {
    const m = map(region(box(37, 48, 37.1, 48.1), 'controlled', 'UA'), region(box(37.1, 48, 37.2, 48.1), 'controlled', 'RU'));
    const before = JSON.stringify(m);
    frontLine(m, ['UA', 'RU'], { within: { type: 'Polygon', coordinates: [box(36, 47, 38, 49)] } });
    expect(JSON.stringify(m)).toBe(before);
  });
});

describe('frontLine: fixtures (test/fixtures/frontLine, REGEN=1 to rewrite)', () => {
  const root = new URL('../../test/fixtures/frontLine/', import.meta.url);
  const names = existsSync(new URL('in/', root)) ? readdirSync(new URL('in/', root)).filter((f) => f.endsWith('.geojson')) : [];
  it.each(names)('%s', (name) => {
    const input = JSON.parse(readFileSync(new URL(`in/${name}`, root), 'utf8')) as FeatureCollection<Polygon, RegionProps & { role?: string }>;
    const within = input.features.find((f) => f.properties.role === 'within');
    const regions = { ...input, features: input.features.filter((f) => f !== within) };
    const front = frontLine(regions, ['UA', 'RU'], within === undefined ? {} : { within });
    const output = { type: 'FeatureCollection', features: [...input.features, front] };
    const text = golden(new URL(`out/${name}`, root), `${JSON.stringify(output, null, 1)}\n`, 'npx vitest run src/control/frontLine.test.ts');
    const expected = JSON.parse(text) as { features: Feature[] };
    const stored = expected.features[expected.features.length - 1] as typeof front;
    expect(front.geometry).toEqual(stored.geometry);
    expect(front.properties.lengthM).toBeCloseTo(stored.properties.lengthM, 6);
    expect(front.properties.edgeOf).toEqual(stored.properties.edgeOf);
    expect(front.properties.lengthM).toBeCloseTo(lengthM(front), 6);
  });
});

describe('frontLine: options.within that is not an area', () => {
  // Found by test/properties/random-json.test.ts: a Symbol as `within` reached `'type' in within` and threw a TypeError.
  it.each([Symbol('x'), 42, true, null])('refuses %s with a ContestedError naming options.within', (within) => {
    const two = map(region(box(37, 48, 37.1, 48.1), 'controlled', 'UA'), region(box(37.1, 48, 37.2, 48.1), 'controlled', 'RU'));
    let caught: unknown;
    try {
      frontLine(two as ControlMap, ['UA', 'RU'], { within: within as never });
    } catch (error) {
      caught = error;
    }
    expect(isContestedError(caught) && caught.code).toBe('invalid-input');
    expect(isContestedError(caught) && caught.issues[0]!.path).toEqual(['options', 'within']);
  });
});
