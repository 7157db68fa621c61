/**
 * A position implausibly far from the rest of a dataset: evidence filmed
 * 1,500 km from every place and claim is almost always a `[lat, lon]`
 * written where GeoJSON wants `[lon, lat]`. The dataset stays valid; the
 * position gets a warning with its path.
 */
import type { ContestedIssue } from '../errors/index.js';
import { geodesicDistance } from '../geometry/_geodesic.js';
import type { Evidence } from '../evidence/schema.js';
import type { Dataset } from './schema.js';

/**
 * How far (geodesic, km) a piece of evidence may lie from the dataset's
 * extent before `parseDataset` warns: the extent is the lon/lat box of every
 * place's geometry and every geometry drawn inline in an area of a claim,
 * piece of evidence or event. 500 km is farther than any front is deep, and
 * nearer than a swapped `[lat, lon]` lands anywhere near Ukraine (≥ 1,000 km).
 */
export const FAR_POSITION_KM = 500;

type Box = [number, number, number, number];

/**
 * The lon/lat box of every position under the given roots; each object is
 * visited once, however often it is shared. A position (an array starting
 * with two numbers) is a leaf, and is not remembered: only what can hold
 * positions is. The positions of a line or ring are read in place, without
 * going through the stack; an array that holds anything else is
 * remembered before what it holds is visited, so that a shared (or
 * circular) one is opened once.
 */
function extentOf(roots: readonly unknown[]): Box | undefined {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (x: number, y: number): void => {
    if (x - x === 0 && y - y === 0) {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  };
  const seen = new Set<object>();
  const stack = roots.slice();
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      const x: unknown = value[0];
      const y: unknown = value[1];
      if (typeof x === 'number' && typeof y === 'number') {
        add(x, y);
        continue;
      }
      let nested = false;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (Array.isArray(item) && typeof item[0] === 'number' && typeof item[1] === 'number') add(item[0], item[1]);
        else if (item !== null && typeof item === 'object') nested = true;
      }
      if (!nested || seen.has(value)) continue;
      seen.add(value);
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item !== null && typeof item === 'object' && !(Array.isArray(item) && typeof item[0] === 'number' && typeof item[1] === 'number')) stack.push(item);
      }
      continue;
    }
    if (seen.has(value)) continue;
    seen.add(value);
    const record = value as Record<string, unknown>;
    for (const key in record) {
      // Only geometry holds positions; `properties` and the like are the caller's own.
      if (key !== 'properties' && Object.prototype.hasOwnProperty.call(record, key)) stack.push(record[key]);
    }
  }
  return box[0] <= box[2] && box[1] <= box[3] ? box : undefined;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** Geodesic distance in metres from (x, y) to the nearest point of the box, measured to the box point nearest in lon/lat. */
function distanceToBox(x: number, y: number, box: Box): number {
  return geodesicDistance(x, y, clamp(x, box[0], box[2]), clamp(y, box[1], box[3]));
}

const round = (v: number): string => String(Math.round(v * 1e4) / 1e4);

/**
 * Kilometres per degree that no path along a meridian or a parallel of
 * WGS84 exceeds: a meridian degree is at most 111.694 km (at the poles), a
 * degree of a parallel at most 111.320 km (on the equator). So a point
 * `dx`° of longitude and `dy`° of latitude from another is at most
 * `(dx + dy) × 111.7` km from it, along the meridian and then the parallel.
 */
export const KM_PER_DEGREE_AT_MOST = 111.7;

/** A warning for every evidence position more than {@link FAR_POSITION_KM} from the dataset's extent. */
export function farPositionWarnings(dataset: Dataset): ContestedIssue[] {
  const evidence = dataset.evidence ?? [];
  if (evidence.length === 0) return [];
  const roots: unknown[] = [];
  for (const place of dataset.places ?? []) roots.push(place.geometry);
  for (const list of [dataset.claims, evidence, dataset.events]) {
    if (list === undefined) continue;
    for (let i = 0; i < list.length; i++) {
      const area = (list[i] as { area?: unknown }).area;
      if (area !== undefined) roots.push(area);
    }
  }
  const box = extentOf(roots);
  if (box === undefined) return [];
  const warnings: ContestedIssue[] = [];
  const limitM = FAR_POSITION_KM * 1000;
  // Within this many degrees (longitude plus latitude) of the box, a position is surely within the limit.
  const nearDegrees = FAR_POSITION_KM / KM_PER_DEGREE_AT_MOST;
  for (let i = 0; i < evidence.length; i++) {
    const at = (evidence[i] as Evidence).position?.coordinates;
    if (at === undefined) continue;
    const x = at[0] as number;
    const y = at[1] as number;
    // Inside the box the distance is 0 (most evidence lies there): no geodesic to solve; nor near it.
    const dx = x < box[0] ? box[0] - x : x > box[2] ? x - box[2] : 0;
    const dy = y < box[1] ? box[1] - y : y > box[3] ? y - box[3] : 0;
    if (dx + dy <= nearDegrees) continue;
    const d = distanceToBox(x, y, box);
    if (!(d > limitM)) continue;
    // Swapped, would it land near the rest? Only when the swap is itself a position.
    const swapped = Math.abs(x) <= 90 ? distanceToBox(y, x, box) : Infinity;
    const hint = swapped <= limitM
      ? `; read as [lat, lon] it would lie ${swapped === 0 ? 'inside' : `${Math.round(swapped / 1000).toLocaleString('en-US')} km from`} that extent: GeoJSON order is [lon, lat], so write [${round(y)}, ${round(x)}]`
      : ': check the coordinates (GeoJSON order is [lon, lat])';
    warnings.push({
      code: 'far-position',
      path: ['evidence', i, 'position', 'coordinates'],
      message: `this position [${round(x)}, ${round(y)}] lies ${Math.round(d / 1000).toLocaleString('en-US')} km from every place and area of the dataset (which span lon ${round(box[0])}…${round(box[2])}, lat ${round(box[1])}…${round(box[3])}; the warning starts at ${FAR_POSITION_KM} km)${hint}`,
    });
  }
  return warnings;
}
