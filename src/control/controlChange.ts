/**
 * How control changed between two maps — two dates of one tracker, as
 * DeepState's watchers count territory day by day. Per side: km² gained,
 * lost and net, and the regions that changed hands with what they changed
 * from and to.
 *
 * The rule: a side *gains* ground it controls after and did not control
 * before (whatever the ground was before, including contested); it *loses*
 * ground it controlled before that another side, or nobody's claim, holds
 * after. Ground that goes from controlled to contested is neither: it is
 * reported as `toContestedKm2`, a transition of its own. In a map where
 * every piece is controlled by one of two sides, what one gains the other
 * loses. Slivers narrower than about a centimetre (a line redrawn a
 * millimetre off) are counted in these sums but left out of `regions`, so
 * a side's net is the change of its area.
 *
 * @module
 */
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { Claim } from '../claims/schema.js';
import type { Place } from '../places/schema.js';
import { describeState, sideColor } from '../output/style.js';
import { frameOf, regionsOf } from '../diff/_overlay.js';
import { changedOverlay } from '../overlay/windows.js';
import type { DroppedSlivers, OverlayPiece } from '../overlay/overlay.js';
import { km2Of, toGeometry } from '../overlay/regions.js';
import { sameState } from '../overlay/state.js';
import type { AreaLike, ControlMap, ControlState, SimpleStyle } from './types.js';
import type { ClaimDiff } from '../diff/diffClaims.js';
import { ownEntry } from '../_lib/records.js';
import { optionsArg } from '../_lib/args.js';

/**
 * One side's change, km².
 *
 * @category Claims & diffs
 */
export interface SideChange {
  /** Ground the side controls after and did not before. */
  gainedKm2: number;
  /** Ground the side controlled before and another side (or no claim) holds after. */
  lostKm2: number;
  /** `gainedKm2 − lostKm2`. */
  netKm2: number;
  /** Ground the side controlled before that is contested after (not counted as lost). */
  toContestedKm2: number;
}

/**
 * Properties of a region that changed.
 *
 * @category Claims & diffs
 */
export interface ChangeRegionProperties extends SimpleStyle {
  /** What the ground was before; `null` where nothing was claimed. */
  from: ControlState | null;
  /** What it is after; `null` where nothing is claimed. */
  to: ControlState | null;
  /** Area, km². */
  km2: number;
}

/**
 * The result of {@link controlChange}.
 *
 * @category Claims & diffs
 */
export interface ControlChange {
  /** Per side id: gained, lost, net, and ground turned contested. */
  bySide: Record<string, SideChange>;
  /** The regions whose control changed, with from and to. */
  regions: FeatureCollection<MultiPolygon, ChangeRegionProperties>;
  /**
   * km² of slivers (narrower than about 1 cm; see {@link ClaimDiff.sliversKm2}) left out of `regions`.
   * Unlike in a diff, they are counted in `bySide`: where a tracker redraws a line a millimetre off, the slivers
   * between the two drawings are ground whose control changed, and with them each side's net is the change of its area.
   */
  sliversKm2: number;
}

/**
 * Options of {@link controlChange}.
 *
 * @category Claims & diffs
 */
export interface ControlChangeOptions {
  /** Count only change inside this area. */
  within?: AreaLike;
  /** Places that area expressions name, typically `dataset.places`. */
  places?: readonly Place[];
}

/**
 * Compares two control maps (or two claim lists, each resolved with
 * {@link controlMap}) of the same party at two times.
 *
 * @param before - the earlier map or claims
 * @param after - the later map or claims
 * @param options - `within` to count only change inside an area
 * @returns `{ bySide, regions }`; `bySide` has an entry for every side that
 *   controls ground in either map (all zeros when nothing changed) and
 *   `regions` has no features when nothing changed
 * @throws {@link ContestedError} `invalid-input` when an argument is neither
 *   claims nor a map
 * @category Claims & diffs
 *
 * @example
 * ```ts
 * const change = controlChange(deepStateDec1, deepStateDec5);
 * change.bySide.RU?.gainedKm2;
 * //=> km² Russia took between the two dates
 * ```
 */
export function controlChange(before: readonly Claim[] | ControlMap, after: readonly Claim[] | ControlMap, options: ControlChangeOptions = {}): ControlChange {
  optionsArg(options);
  const sourceOptions: { within?: AreaLike; places?: readonly Place[] } = {};
  if (options.within !== undefined) sourceOptions.within = options.within;
  if (options.places !== undefined) sourceOptions.places = options.places;
  const frame = frameOf(sourceOptions);
  const regionsBefore = regionsOf(before, 'before', sourceOptions, frame);
  const regionsAfter = regionsOf(after, 'after', sourceOptions, frame);

  const bySide: Record<string, SideChange> = {};
  const sideOf = (id: string): SideChange => ownEntry(bySide, id, () => ({ gainedKm2: 0, lostKm2: 0, netKm2: 0, toContestedKm2: 0 }));
  for (const r of [...regionsBefore, ...regionsAfter]) if (r.state.status === 'controlled' && r.state.side !== undefined) sideOf(r.state.side);

  const features: FeatureCollection<MultiPolygon, ChangeRegionProperties>['features'] = [];
  const count = (from: ControlState | null, to: ControlState | null, km2: number): void => {
    const heldBefore = from?.status === 'controlled' ? from.side : undefined;
    const heldAfter = to?.status === 'controlled' ? to.side : undefined;
    if (heldAfter !== undefined && heldAfter !== heldBefore) sideOf(heldAfter).gainedKm2 += km2;
    if (heldBefore !== undefined && heldBefore !== heldAfter) {
      if (to?.status === 'contested') sideOf(heldBefore).toContestedKm2 += km2;
      else sideOf(heldBefore).lostKm2 += km2;
    }
  };
  const dropped: DroppedSlivers & { pieces: OverlayPiece[] } = { km2: 0, pieces: [] };
  // Snapshots days apart share almost every edge: the engine runs only around the edges that changed.
  for (const piece of changedOverlay(regionsBefore, regionsAfter, dropped)) {
    const from = piece.a?.state ?? null;
    const to = piece.b?.state ?? null;
    if (from !== null && to !== null && sameState(from, to)) continue;
    const km2 = km2Of(piece.coords);
    count(from, to, km2);
    features.push({ type: 'Feature', geometry: toGeometry(piece.coords), properties: { from, to, km2, ...changeStyle(from, to, km2) } });
  }
  // Slivers (narrower than about 1 cm) are left out of `regions` but counted in the sums: where a tracker redraws
  // a line a millimetre off, the slivers between the two drawings are ground that changed (DeepState 2024-09-13 →
  // 09-14: 0.0046 km² of them along 2,900 redrawn edges), and only with them is a side's net the change of its area.
  for (const sliver of dropped.pieces) {
    const from = sliver.a?.state ?? null;
    const to = sliver.b?.state ?? null;
    if (from !== null && to !== null && sameState(from, to)) continue;
    count(from, to, km2Of(sliver.coords));
  }
  for (const change of Object.values(bySide)) change.netKm2 = change.gainedKm2 - change.lostKm2;
  return { bySide, regions: { type: 'FeatureCollection', features }, sliversKm2: dropped.km2 };
}

function changeStyle(from: ControlState | null, to: ControlState | null, km2: number): SimpleStyle {
  const color = to?.status === 'controlled' && to.side !== undefined ? sideColor(to.side) : '#9e9e9e';
  return {
    title: `${describeState(from)} → ${describeState(to)}`,
    description: `${km2.toFixed(3)} km²`,
    fill: color,
    'fill-opacity': 0.6,
    stroke: color,
    'stroke-width': 1,
  };
}
