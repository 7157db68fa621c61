/**
 * `controlByRegion`: a control map broken down by named regions — how many
 * km² of each oblast (or raion, or any polygons) each side holds, and what
 * share of the region that is: "78 % of Donetsk oblast".
 *
 * @module
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ControlMap, SimpleStyle } from '../control/types.js';
import { sideColor } from '../style/palette.js';
import { builtByControlMap, isControlMap } from '../control/controlMap.js';
import { assertNoOverlap } from '../overlay/mapCheck.js';
import { boxOf as overlayBoxOf } from '../overlay/regions.js';
import { areaCoordinates } from '../geometry/boolean.js';
import { areaKm2 } from '../geometry/index.js';
import { ContestedError } from '../errors/index.js';
import { onInputsGrid } from '../overlay/overlay.js';
import { objectArg, objectsArg, optionsArg } from '../_lib/args.js';
import { ownEntry } from '../_lib/records.js';
import { polygonal, prepareRegions, splitByRegions } from './_regionSet.js';

/**
 * Options of {@link controlByRegion} and {@link changeByRegion}.
 *
 * @category Claims & diffs
 */
export interface RegionOptions {
  /** The feature property that names each region's row, e.g. `ADM1_EN`; `'name'` by default. */
  nameProperty?: string;
}

/**
 * What one side holds of a region.
 *
 * @category Claims & diffs
 */
export interface RegionHolding {
  /** km² the side controls inside the region. */
  km2: number;
  /** `km2` over the region's own area, 0–1. */
  share: number;
}

/**
 * One region's row of {@link controlByRegion}.
 *
 * @category Claims & diffs
 */
export interface RegionControlRow {
  /** The region's name (its `nameProperty`). */
  region: string;
  /** The region's own area, km² on the WGS84 ellipsoid. */
  km2: number;
  /** Per side id: km² controlled in the region and the share of the region. */
  bySide: Record<string, RegionHolding>;
  /** km² of the region the map calls contested. */
  contestedKm2: number;
}

/**
 * Properties of a region of {@link RegionControl.regions}: the row's figures
 * and simplestyle colours by share held.
 *
 * @category Claims & diffs
 */
export interface RegionShareProperties extends SimpleStyle {
  /** The region's name. */
  region: string;
  /** The region's own area, km². */
  km2: number;
  /** The side that holds the most of the region; `null` when no side holds any of it. */
  side: string | null;
  /** That side's share of the region, 0–1 (0 when `side` is `null`). */
  share: number;
}

/**
 * The result of {@link controlByRegion}.
 *
 * @category Claims & diffs
 */
export interface RegionControl {
  /** One row per region feature, in the order of the collection. */
  rows: RegionControlRow[];
  /** km² of the map's ground (controlled or contested) that lies in no region. */
  unassignedKm2: number;
  /** km² of the map's ground that two or more regions cover, and is therefore counted in each of their rows. */
  overlapKm2: number;
  /**
   * The regions as a choropleth: each coloured by the side that holds the
   * most of it, more opaque the larger its share. `toSvg(result.regions)`
   * draws the map.
   */
  regions: FeatureCollection<Polygon | MultiPolygon, RegionShareProperties>;
}

/**
 * Breaks a control map down by region: per region, the km² each side
 * controls and its share of the region, and the km² contested.
 *
 * The rule for imperfect boundaries (simplified boundaries such as OCHA's
 * leave slivers between neighbours and overlap them by a few hundred
 * metres): a region's row counts all the map's ground inside that region,
 * so ground that two regions both cover is counted in both rows, and the
 * total of it is `overlapKm2`; ground inside no region is in no row, and the
 * total of it is `unassignedKm2`. Therefore the rows' km² summed, less
 * `overlapKm2`, plus `unassignedKm2`, is the map's total. Nothing is moved
 * from one region to another.
 *
 * @param map - a control map ({@link controlMap})
 * @param regions - a FeatureCollection of Polygon or MultiPolygon regions
 * @param options - `nameProperty` (default `'name'`)
 * @returns one row per region (all zeros for a region the map does not
 *   touch; `rows` is `[]` for an empty collection)
 * @throws {@link ContestedError} `invalid-input` when `map` is not a control
 *   map, or a region has no polygonal geometry or no string name (path
 *   `regions.features[3].properties.ADM1_EN`), or two regions of `map`
 *   share a piece wider than a sliver (about 1 cm; issue
 *   `overlapping-regions`, path `map.features[1]`; maps `controlMap` returns are disjoint and not checked while
 *   their features are the ones it returned, unedited (a subset included);
 *   a feature added, copied or with its geometry edited makes the map
 *   checked like any other)
 * @category Claims & diffs
 *
 * @example
 * ```ts
 * const oblasts = controlByRegion(controlMap(deepStateDec1), ukraineOblasts, { nameProperty: 'ADM1_EN' });
 * Math.round((oblasts.rows.find((row) => row.region === 'Luhanska')?.bySide.RU?.share ?? 0) * 100);
 * //=> 100
 * ```
 */
export function controlByRegion(map: ControlMap, regions: FeatureCollection<Polygon | MultiPolygon>, options: RegionOptions = {}): RegionControl {
  // One grid for every engine run of the call: the grid of the map and the regions together.
  return onInputsGrid([map, regions], () => controlByRegionOnGrid(map, regions, options));
}

function controlByRegionOnGrid(map: ControlMap, regions: FeatureCollection<Polygon | MultiPolygon>, options: RegionOptions): RegionControl {
  const { nameProperty = 'name' } = optionsArg(options);
  if (!isControlMap(map)) throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: ['map'], message: 'expected a control map (see controlMap)' }]);
  const set = prepareRegions(regions, nameProperty);
  const rows: RegionControlRow[] = set.regions.map((region) => ({ region: region.name, km2: region.km2, bySide: {}, contestedKm2: 0 }));
  let unassignedKm2 = 0;
  let overlapKm2 = 0;
  objectsArg(map.features, ['map', 'features'], 'an array of control regions');
  if (!builtByControlMap(map)) {
    assertNoOverlap(
      map.features.map((feature, i) => {
        const coords = areaCoordinates(polygonal(feature.geometry, ['map', 'features', i, 'geometry']), ['map', 'features', i, 'geometry']);
        return { coords, box: overlayBoxOf(coords), path: ['map', 'features', i], id: typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : undefined };
      }),
      'map',
    );
  }
  for (const [index, feature] of map.features.entries()) {
    const { status, side } = objectArg(feature.properties, ['map', 'features', index, 'properties']) as Partial<typeof feature.properties>;
    const geometry = polygonal(feature.geometry, ['map', 'features', index, 'geometry']);
    // Rows count controlled and contested ground; so do `unassignedKm2` and `overlapKm2`, or the
    // rows, less the overlap, plus what lies in no region would not add up to the map's ground
    // (an advance or a denial outside every region was counted as unassigned: audit). The
    // geometry is checked all the same.
    if (status !== 'contested' && !(status === 'controlled' && side !== undefined)) {
      areaKm2(geometry);
      continue;
    }
    const split = splitByRegions(geometry, set);
    unassignedKm2 += split.unassignedKm2;
    overlapKm2 += split.overlapKm2;
    split.perRegion.forEach((km2, i) => {
      if (km2 === 0) return;
      const row = rows[i]!;
      if (status === 'contested') row.contestedKm2 += km2;
      else ownEntry(row.bySide, side!, () => ({ km2: 0, share: 0 })).km2 += km2;
    });
  }
  for (const row of rows) for (const holding of Object.values(row.bySide)) holding.share = row.km2 > 0 ? holding.km2 / row.km2 : 0;
  const features = set.regions.map((prepared, i) => ({ type: 'Feature' as const, geometry: prepared.geometry, properties: shareStyle(rows[i]!) }));
  return { rows, unassignedKm2, overlapKm2, regions: { type: 'FeatureCollection', features } };
}

/** The leading side of a row and its share, with a fill whose opacity grows with the share (0.08 to 0.88). */
function shareStyle(row: RegionControlRow): RegionShareProperties {
  const [side, holding] = Object.entries(row.bySide).sort((a, b) => b[1].km2 - a[1].km2 || (a[0] < b[0] ? -1 : 1))[0] ?? [null, undefined];
  const share = holding?.share ?? 0;
  const color = side === null ? '#bdbdbd' : sideColor(side);
  return {
    region: row.region,
    km2: row.km2,
    side,
    share,
    title: side === null ? `${row.region}: no side controls any of it in this map` : `${row.region}: ${side} ${(share * 100).toFixed(1)} %`,
    description: `${row.km2.toFixed(0)} km²`,
    fill: color,
    'fill-opacity': Number((0.08 + 0.8 * share).toFixed(3)),
    stroke: '#555555',
    'stroke-width': 0.5,
  };
}
