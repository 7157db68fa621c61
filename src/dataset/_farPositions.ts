/**
 * A position implausibly far from the rest of a dataset: evidence filmed
 * 1,500 km from every place and claim is almost always a `[lat, lon]`
 * written where GeoJSON wants `[lon, lat]`. The dataset stays valid; the
 * position gets a warning with its path.
 */
import type { ContestedIssue } from '../errors/index.js';
import { geodesicDistance } from '../geometry/_geodesic.js';
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
 * positions is.
 */
function extentOf(roots: readonly unknown[]): Box | undefined {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const seen = new Set<object>();
  const stack = [...roots];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      const x: unknown = value[0];
      const y: unknown = value[1];
      if (typeof x === 'number' && typeof y === 'number') {
        if (Number.isFinite(x) && Number.isFinite(y)) {
          box[0] = Math.min(box[0], x);
          box[1] = Math.min(box[1], y);
          box[2] = Math.max(box[2], x);
          box[3] = Math.max(box[3], y);
        }
        continue;
      }
      if (seen.has(value)) continue;
      seen.add(value);
      for (let i = 0; i < value.length; i++) stack.push(value[i]);
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

/** A warning for every evidence position more than {@link FAR_POSITION_KM} from the dataset's extent. */
export function farPositionWarnings(dataset: Dataset): ContestedIssue[] {
  const areas = [...(dataset.claims ?? []), ...(dataset.evidence ?? []), ...(dataset.events ?? [])].map((item) => item.area);
  const box = extentOf([...(dataset.places ?? []).map((place) => place.geometry), ...areas]);
  if (box === undefined) return [];
  const warnings: ContestedIssue[] = [];
  const limitM = FAR_POSITION_KM * 1000;
  (dataset.evidence ?? []).forEach((evidence, i) => {
    const at = evidence.position?.coordinates;
    if (at === undefined) return;
    const [x, y] = at as [number, number];
    // Inside the box the distance is 0 (most evidence lies there): no geodesic to solve.
    if (x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3]) return;
    const d = distanceToBox(x, y, box);
    if (!(d > limitM)) return;
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
  });
  return warnings;
}
