/**
 * The shapes control maps and their comparisons are made of. A control map
 * is a GeoJSON FeatureCollection of non-overlapping MultiPolygons, each
 * saying who holds that ground and which claims say so; the properties
 * follow the simplestyle convention as well, so the map opens coloured in
 * geojson.io, QGIS or MapLibre as it stands.
 *
 * @module
 */
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { ControlStatus } from '../claims/schema.js';
import type { AreaInput } from '../geometry/_input.js';
import type { AreaRef } from '../places/areaRef.js';

/**
 * An area given either as GeoJSON (a Polygon or MultiPolygon, a Feature or a
 * FeatureCollection of them) or as an {@link AreaRef} over a dataset's
 * places (`'pokrovsk'`, `{ split: … }`).
 *
 * @category Claims & diffs
 */
export type AreaLike = AreaInput | AreaRef;

/**
 * What one party says of a piece of ground.
 *
 * @category Claims & diffs
 */
export interface ControlState {
  /** `controlled`, `contested` or `advancing`. */
  status: ControlStatus;
  /** The side that controls (`controlled`) or advances (`advancing`). */
  side?: string;
  /** The sides fighting over `contested` ground, when the claim names them. */
  sides?: string[];
  /** `true` when every claim behind this ground is an importer's inference (basis `inferred`), not the source's drawing. */
  inferred?: true;
}

/**
 * simplestyle-spec properties (`fill`, `stroke` …), so that GeoJSON viewers
 * colour features without set-up.
 *
 * @category Output
 */
export interface SimpleStyle {
  /** Short label shown on hover. */
  title: string;
  /** A longer description. */
  description: string;
  /** Fill colour, `#rrggbb`. */
  fill: string;
  /** Fill opacity, 0–1. */
  'fill-opacity': number;
  /** Outline colour, `#rrggbb`. */
  stroke: string;
  /** Outline width in pixels. */
  'stroke-width': number;
}

/**
 * Properties of one region of a control map.
 *
 * @category Claims & diffs
 */
export interface ControlRegionProperties extends ControlState, SimpleStyle {
  /** The ids of the claims that say this, most recent first. */
  claims: string[];
  /** The claimant, when every supporting claim has the same one. */
  claimant?: string;
  /** The region's area, km² on the WGS84 ellipsoid. */
  km2: number;
}

/**
 * One region of a control map.
 *
 * @category Claims & diffs
 */
export type ControlRegion = Feature<MultiPolygon, ControlRegionProperties>;

/**
 * A part of a claim that a higher-priority claim of the same map overrules.
 *
 * @category Claims & diffs
 */
export interface OverruledPart {
  /** The overruled claim. */
  claim: string;
  /**
   * The claims that overrule it: the deciding (first) claim of each region
   * of the map it loses ground to. Claims that merely agree with a deciding
   * claim are listed with the region (`claims`), not here, so the list
   * stays as short as the regions involved.
   */
  by: string[];
  /** How much ground is overruled, km². */
  km2: number;
}

/**
 * A control map: non-overlapping regions, each with status, side(s) and
 * supporting claims. `overruled` lists the parts of claims that other claims
 * of the same map overrule (a GeoJSON foreign member), so nothing a claim
 * said is silently dropped.
 *
 * @category Claims & diffs
 */
export interface ControlMap extends FeatureCollection<MultiPolygon, ControlRegionProperties> {
  /** Parts of claims overruled by other claims of the map. */
  overruled: OverruledPart[];
  /**
   * km² of slivers left out when claims were cut against each other: pieces
   * narrower than about 1 cm, the residue of one boundary computed two ways.
   * Each piece of ground is counted once, and only if no region holds it (a
   * sliver of one claim's rest inside a later claim's region is that
   * region's ground), so the regions' km² and this add up to the union of
   * the claims (cut to `within`, when given), to the rounding of the grid;
   * a wedge one grid cell wide that the engine drops with no shape is
   * counted as found, with no such check.
   */
  sliversKm2?: number;
}
