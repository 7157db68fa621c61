/**
 * How control changed between two maps — two dates of one tracker, as
 * DeepState's watchers count territory day by day. Per side: km² gained,
 * lost and net, and the regions that changed hands with what they changed
 * from and to.
 *
 * The rule — one transition table, per side S, counting only ground S
 * *holds* (`controlled`) before or after:
 *
 * | before | after | counted as |
 * | --- | --- | --- |
 * | anything but controlled by S | controlled by S | S `gainedKm2` (and `gainedFrom[T]` when T controlled it) |
 * | controlled by S | controlled by T | S `lostKm2` and `lostTo[T]`; T gains it from S |
 * | controlled by S | no claim, or a denial (`not-controlled`) | S `lostKm2` |
 * | controlled by S | contested, or T advancing | S `toContestedKm2`: fought over, held by nobody; not a loss |
 * | controlled by S | S advancing | S `toAdvancingKm2`: still present, no longer in control; not a loss |
 *
 * So what A gains from B, B loses to A (`gainedFrom` and `lostTo` mirror
 * each other), whatever other statuses the maps hold, and for each side
 * held after − held before = gained − lost − toContested − toAdvancing.
 *
 * Inferred ground (claims with basis `inferred`, such as `fromDeepState`'s
 * Ukrainian-held rest of the extent) is marked: a region whose before or
 * after is inferred carries `inferred: true`, and each side's
 * `inferredGainedKm2` / `inferredLostKm2` say how much of its gain or loss
 * lies there. The source's own change is the rest.
 *
 * Slivers narrower than about a centimetre (a line redrawn a millimetre off)
 * are counted in these sums but left out of `regions`, so a side's net is
 * the change of its area.
 *
 * @module
 */
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { Claim } from '../claims/schema.js';
import type { Place } from '../places/schema.js';
import { CONTESTED_HATCH, CONTROLLED_OPACITY, DIFF_COLORS, DIFF_OPACITY, describeState, sideColor } from '../style/palette.js';

/** The rim `toSvg` draws around ground no claim covers any more. */
const UNCLAIMED_RIM = '#777777';
import { frameOf, regionsOf } from './_mapRegions.js';
import { changedOverlay } from '../overlay/windows.js';
import { onInputsGrid, type DroppedPiece, type DroppedSlivers, type MapRegion } from '../overlay/overlay.js';
import { km2Of, toGeometry } from '../overlay/regions.js';
import { sameState } from '../overlay/state.js';
import { transitionOf } from '../overlay/transition.js';
import type { AreaLike, ControlMap, ControlState, SimpleStyle } from './types.js';
import { ownEntry, ownValue, setOwn } from '../_lib/records.js';
import { optionsArg } from '../_lib/args.js';

/**
 * One side's change, km².
 *
 * @category Claims & diffs
 */
export interface SideChange {
  /** Ground the side controls after and did not before. */
  gainedKm2: number;
  /** Ground the side controlled before that another side controls after, or that no claim (or only a denial) covers after. */
  lostKm2: number;
  /** `gainedKm2 − lostKm2`. */
  netKm2: number;
  /** Ground the side controlled before that is contested, or advanced into by another side, after (not counted as lost). */
  toContestedKm2: number;
  /** Ground the side controlled before where it is only advancing after (not counted as lost). */
  toAdvancingKm2: number;
  /** Of `gainedKm2`, per side id: ground that side controlled before. */
  gainedFrom: Record<string, number>;
  /** Of `lostKm2`, per side id: ground that side controls after. */
  lostTo: Record<string, number>;
  /** Of `gainedKm2`, the part where the ground before or after is inferred (see {@link ClaimBasis}). */
  inferredGainedKm2: number;
  /** Of `lostKm2`, the part where the ground before or after is inferred. */
  inferredLostKm2: number;
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
  /** `true` when the ground before or after is inferred (every claim behind it has basis `inferred`): change the source itself may not have drawn. */
  inferred?: true;
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
  /**
   * km² of slivers (narrower than about 1 cm) that `controlMap` left out of the maps made here when `before` or
   * `after` is a list of claims (0 for maps passed in, which reported theirs when they were made). That ground lies
   * in no region of its map, so the change reads it as unclaimed on that date, and where the other date's map holds
   * it, `bySide` counts it as gained or lost (at most this much); reported here so that it is not lost silently. A
   * figure per map: ground both maps left out counts twice.
   */
  claimSliversKm2: number;
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
 *   claims nor a map, or is a map two of whose regions share a piece wider
 *   than a sliver (about 1 cm, however small its area; issue
 *   `overlapping-regions`, path `after.features[1]`; maps `controlMap` returns are disjoint and not checked while
 *   their features are the ones it returned, unedited (a subset included);
 *   a feature added, copied or with its geometry edited makes the map
 *   checked like any other)
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
  return onInputsGrid([before, after, options], () => {
    optionsArg(options);
    const sourceOptions: { within?: AreaLike; places?: readonly Place[] } = {};
    if (options.within !== undefined) sourceOptions.within = options.within;
    if (options.places !== undefined) sourceOptions.places = options.places;
    const frame = frameOf(sourceOptions);
    // Slivers left out of the maps made from claims: reported on their own (claimSliversKm2).
    const made = { km2: 0 };
    const regionsBefore = regionsOf(before, 'before', sourceOptions, frame, undefined, made);
    const regionsAfter = regionsOf(after, 'after', sourceOptions, frame, undefined, made);
    // An engine failure in the overlay names the claims of the run that failed (the overlay core names them).
    const change = changeOfRegions(regionsBefore, regionsAfter);
    change.claimSliversKm2 = made.km2;
    return change;
  });
}

/**
 * The step {@link controlChange} runs once both maps are read (and checked
 * for overlaps) by `regionsOf`; `controlHistory` runs it directly on each
 * map's regions, read once per snapshot, on the main thread or a worker.
 */
export function changeOfRegions(regionsBefore: readonly MapRegion[], regionsAfter: readonly MapRegion[]): ControlChange {
  const bySide: Record<string, SideChange> = {};
  const sideOf = (id: string): SideChange =>
    ownEntry(bySide, id, () => ({ gainedKm2: 0, lostKm2: 0, netKm2: 0, toContestedKm2: 0, toAdvancingKm2: 0, gainedFrom: {}, lostTo: {}, inferredGainedKm2: 0, inferredLostKm2: 0 }));
  for (const r of [...regionsBefore, ...regionsAfter]) if (r.state.status === 'controlled' && r.state.side !== undefined) sideOf(r.state.side);

  const features: FeatureCollection<MultiPolygon, ChangeRegionProperties>['features'] = [];
  const count = (from: ControlState | null, to: ControlState | null, km2: number): boolean => {
    const { gainer, loser, released } = transitionOf(from, to);
    const inferred = from?.inferred === true || to?.inferred === true;
    const heldBefore = from?.status === 'controlled' ? from.side : undefined;
    if (gainer !== undefined) {
      const side = sideOf(gainer);
      side.gainedKm2 += km2;
      if (heldBefore !== undefined) addTo(side.gainedFrom, heldBefore, km2);
      if (inferred) side.inferredGainedKm2 += km2;
    }
    if (loser !== undefined) {
      const side = sideOf(loser);
      side.lostKm2 += km2;
      if (gainer !== undefined) addTo(side.lostTo, gainer, km2);
      if (inferred) side.inferredLostKm2 += km2;
    }
    if (released !== undefined) {
      if (released.to === 'advancing') sideOf(released.side).toAdvancingKm2 += km2;
      else sideOf(released.side).toContestedKm2 += km2;
    }
    return inferred;
  };
  const dropped: DroppedSlivers & { pieces: DroppedPiece[] } = { km2: 0, pieces: [] };
  // Snapshots days apart share almost every edge: the engine runs only around the edges that changed.
  for (const piece of changedOverlay(regionsBefore, regionsAfter, dropped)) {
    const from = piece.a?.state ?? null;
    const to = piece.b?.state ?? null;
    if (from !== null && to !== null && sameState(from, to)) continue;
    const km2 = km2Of(piece.coords);
    const inferred = count(from, to, km2);
    const properties: ChangeRegionProperties = { from, to, km2, ...changeStyle(from, to, km2) };
    if (inferred) properties.inferred = true;
    features.push({ type: 'Feature', geometry: toGeometry(piece.coords), properties });
  }
  // Slivers (narrower than about 1 cm) are left out of `regions` but counted in the sums: where a tracker redraws
  // a line a millimetre off, the slivers between the two drawings are ground that changed (DeepState 2024-09-13 →
  // 09-14: 0.0046 km² of them along 2,900 redrawn edges), and only with them is a side's net the change of its area.
  for (const sliver of dropped.pieces) {
    const from = sliver.a?.state ?? null;
    const to = sliver.b?.state ?? null;
    if (from !== null && to !== null && sameState(from, to)) continue;
    // Plus the ground the engine's intersection dropped (a wedge one grid cell wide), which has no shape.
    count(from, to, km2Of(sliver.coords) + (sliver.lostKm2 ?? 0));
  }
  for (const change of Object.values(bySide)) change.netKm2 = change.gainedKm2 - change.lostKm2;
  return { bySide, regions: { type: 'FeatureCollection', features }, sliversKm2: dropped.km2, claimSliversKm2: 0 };
}

function addTo(record: Record<string, number>, key: string, km2: number): void {
  setOwn(record, key, (ownValue(record, key) ?? 0) + km2);
}

/**
 * The change map's colours are `toSvg`'s legend for a change: a side's gain
 * in the side's colour, ground turned contested or advanced into in the
 * contested grey, ground no claim covers any more unfilled with a grey rim.
 */
function changeStyle(from: ControlState | null, to: ControlState | null, km2: number): SimpleStyle {
  const words = { title: `${describeState(from)} → ${describeState(to)}`, description: `${km2.toFixed(3)} km²`, 'stroke-width': 1 };
  if (to?.status === 'controlled' && to.side !== undefined) {
    const color = sideColor(to.side);
    return { ...words, fill: color, 'fill-opacity': CONTROLLED_OPACITY, stroke: color };
  }
  if (to !== null) return { ...words, fill: CONTESTED_HATCH.color, 'fill-opacity': CONTESTED_HATCH.coverage, stroke: CONTESTED_HATCH.color };
  return { ...words, fill: DIFF_COLORS.unclaimed, 'fill-opacity': DIFF_OPACITY.unclaimed, stroke: UNCLAIMED_RIM };
}
