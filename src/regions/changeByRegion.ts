/**
 * `changeByRegion`: a change between two control maps broken down by named
 * regions — "478 km² in October, 324 of them in Donetsk oblast".
 *
 * @module
 */
import { transitionOf } from '../overlay/transition.js';
import { onInputsGrid } from '../overlay/overlay.js';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ControlChange } from '../control/controlChange.js';
import type { ControlState } from '../control/types.js';
import { objectArg, objectsArg, optionsArg } from '../_lib/args.js';
import { ownEntry } from '../_lib/records.js';
import { polygonal, prepareRegions, splitByRegions } from './_regionSet.js';
import type { RegionOptions } from './controlByRegion.js';

/**
 * One side's change inside a region, km².
 *
 * @category Claims & diffs
 */
export interface RegionSideChange {
  /** Ground in the region the side controls after and did not before. */
  gainedKm2: number;
  /** Ground in the region the side controlled before and does not after (turned contested or advanced into excluded: {@link controlChange}'s transition table). */
  lostKm2: number;
  /** `gainedKm2 − lostKm2`. */
  netKm2: number;
}

/**
 * One region's row of {@link changeByRegion}.
 *
 * @category Claims & diffs
 */
export interface RegionChangeRow {
  /** The region's name (its `nameProperty`). */
  region: string;
  /** The region's own area, km² on the WGS84 ellipsoid. */
  km2: number;
  /** Per side id: gained, lost and net inside the region. */
  bySide: Record<string, RegionSideChange>;
}

/**
 * The result of {@link changeByRegion}.
 *
 * @category Claims & diffs
 */
export interface RegionChange {
  /** One row per region feature, in the order of the collection. */
  rows: RegionChangeRow[];
  /** km² of changed ground that lies in no region. */
  unassignedKm2: number;
  /** km² of changed ground that two or more regions cover, and is therefore counted in each of their rows. */
  overlapKm2: number;
}

/**
 * Breaks a {@link controlChange} down by region: per region, each side's
 * km² gained, lost and net, by the same rule as `controlChange` (ground
 * turned contested or advanced into is neither gained nor lost).
 *
 * Imperfect boundaries follow the rule of {@link controlByRegion}: changed
 * ground in two regions counts in both rows (`overlapKm2` says how much),
 * changed ground in none is in no row (`unassignedKm2`).
 *
 * @param change - the result of {@link controlChange}
 * @param regions - a FeatureCollection of Polygon or MultiPolygon regions
 * @param options - `nameProperty` (default `'name'`)
 * @returns one row per region; a row's `bySide` is `{}` when nothing changed
 *   in it
 * @throws {@link ContestedError} `invalid-input` when `change` has no
 *   `regions` collection, or a region has no polygonal geometry or no string
 *   name (path `regions.features[3].properties.ADM1_EN`)
 * @category Claims & diffs
 *
 * @example
 * ```ts
 * const byOblast = changeByRegion(controlChange(deepStateDec1, deepStateDec5), ukraineOblasts, { nameProperty: 'ADM1_EN' });
 * byOblast.rows.filter((row) => (row.bySide.RU?.gainedKm2 ?? 0) > 0).map((row) => row.region);
 * //=> ['Donetska']
 * ```
 */
export function changeByRegion(change: ControlChange, regions: FeatureCollection<Polygon | MultiPolygon>, options: RegionOptions = {}): RegionChange {
  // One grid for every engine run of the call: the grid of the map and the regions together.
  return onInputsGrid([change, regions], () => changeByRegionOnGrid(change, regions, options));
}

function changeByRegionOnGrid(change: ControlChange, regions: FeatureCollection<Polygon | MultiPolygon>, options: RegionOptions): RegionChange {
  const { nameProperty = 'name' } = optionsArg(options);
  const pieces = objectArg(objectArg(change, ['change'], 'the result of controlChange')['regions'], ['change', 'regions'], 'a FeatureCollection of changed regions')['features'];
  objectsArg(pieces, ['change', 'regions', 'features'], 'an array of changed regions');
  const set = prepareRegions(regions, nameProperty);
  const rows: RegionChangeRow[] = set.regions.map((region) => ({ region: region.name, km2: region.km2, bySide: {} }));
  let unassignedKm2 = 0;
  let overlapKm2 = 0;
  for (const [index, piece] of change.regions.features.entries()) {
    const { from, to } = objectArg(piece.properties, ['change', 'regions', 'features', index, 'properties']) as { from?: ControlState | null; to?: ControlState | null };
    // controlChange's transition table: ground turned contested or advanced into is no loss.
    const { gainer, loser } = transitionOf(from, to);
    if (gainer === undefined && loser === undefined) continue;
    const split = splitByRegions(polygonal(piece.geometry, ['change', 'regions', 'features', index, 'geometry']), set);
    unassignedKm2 += split.unassignedKm2;
    overlapKm2 += split.overlapKm2;
    split.perRegion.forEach((km2, i) => {
      if (km2 === 0) return;
      const bySide = rows[i]!.bySide;
      if (gainer !== undefined) ownEntry(bySide, gainer, zero).gainedKm2 += km2;
      if (loser !== undefined) ownEntry(bySide, loser, zero).lostKm2 += km2;
    });
  }
  for (const row of rows) for (const side of Object.values(row.bySide)) side.netKm2 = side.gainedKm2 - side.lostKm2;
  return { rows, unassignedKm2, overlapKm2 };
}

const zero = (): RegionSideChange => ({ gainedKm2: 0, lostKm2: 0, netKm2: 0 });

