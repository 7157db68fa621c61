/**
 * The pairwise claim diff: where two parties' claims agree and where they
 * conflict, by how much. Each piece of ground gets one label:
 *
 * - `agree`: same status, and the same side where a side matters;
 * - `conflict`: both say controlled, by different sides; or one denies a
 *   side's control (`not-controlled`) where the other says that side holds it;
 * - `consistent`: both speak, differently, and both can be true — a denial
 *   of a side's control against another side's control, contested ground,
 *   an advance, or a denial of another side (the table is on `ControlStatus`);
 * - `partial`: both speak, differently — controlled against contested,
 *   or advancing against controlled;
 * - `only-a`, `only-b`: one party speaks, the other does not;
 * - `unclaimed`: inside `within`, neither speaks.
 *
 * @module
 */
import { engineRooted } from '../_lib/reroot.js';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { Claim } from '../claims/schema.js';
import type { MultiPolygon2 } from '../geometry/_engine.js';
import { describeState, labelStyle } from '../style/palette.js';
import { km2Of, toGeometry } from '../overlay/regions.js';
import { relationOf, type StateRelation } from '../control/_relation.js';
import { ClaimAreas } from '../control/controlMap.js';
import type { AreaLike, ControlMap, ControlState, SimpleStyle } from '../control/types.js';
import { frameOf, regionsOf } from '../control/_mapRegions.js';
import { onInputsGrid, overlay, uncovered, type MapRegion } from '../overlay/overlay.js';
import type { Place } from '../places/schema.js';
import type { TimeRef } from '../time/timeRef.js';
import { ownEntry, ownValue, setOwn } from '../_lib/records.js';
import { optionsArg } from '../_lib/args.js';

/**
 * The label of a piece of ground in a diff.
 *
 * @category Claims & diffs
 */
export type DiffLabel = 'agree' | 'conflict' | 'consistent' | 'partial' | 'only-a' | 'only-b' | 'unclaimed';

/**
 * The labels in the order summaries list them.
 *
 * @example
 * ```ts
 * DIFF_LABELS;
 * //=> ['agree', 'conflict', 'consistent', 'partial', 'only-a', 'only-b', 'unclaimed']
 * ```
 *
 * @category Claims & diffs
 */
export const DIFF_LABELS: readonly DiffLabel[] = ['agree', 'conflict', 'consistent', 'partial', 'only-a', 'only-b', 'unclaimed'];

/**
 * How much ground carries a label.
 *
 * @category Claims & diffs
 */
export interface LabelTotal {
  /** km² on the WGS84 ellipsoid. */
  km2: number;
  /** Share of `within` (0–1); `null` when no `within` was given. */
  share: number | null;
}

/**
 * What one party says of one piece of ground, in a diff region.
 *
 * @category Claims & diffs
 */
export interface PartyView extends ControlState {
  /** The claims behind it. */
  claims: string[];
}

/**
 * Properties of one region of a diff.
 *
 * @category Claims & diffs
 */
export interface DiffRegionProperties extends SimpleStyle {
  /** The label. */
  label: DiffLabel;
  /** What party A says here; `null` where it says nothing. */
  a: PartyView | null;
  /** What party B says here; `null` where it says nothing. */
  b: PartyView | null;
  /** Area, km². */
  km2: number;
}

/**
 * Ground a party claims, by side and status, km².
 *
 * @category Claims & diffs
 */
export interface PartyTotals {
  /** Per side: ground it controls and ground it advances into, as the party tells it. */
  bySide: Record<
    string,
    {
      /** Ground the side controls. */
      controlledKm2: number;
      /** Ground the side advances into. */
      advancingKm2: number;
    }
  >;
  /** Ground the party calls contested. */
  contestedKm2: number;
  /** Per side: ground the party says that side does *not* control (denials). */
  deniedKm2: Record<string, number>;
  /** Everything the party speaks of. */
  totalKm2: number;
}

/**
 * The result of {@link diffClaims}.
 *
 * @category Claims & diffs
 */
export interface ClaimDiff {
  /** km² and share of `within` for every label (0 where a label has no ground). */
  summary: Record<DiffLabel, LabelTotal>;
  /** The labelled pieces of ground, with simplestyle colours. */
  regions: FeatureCollection<MultiPolygon, DiffRegionProperties>;
  /** Each party's own totals, within `within` when given. */
  parties: {
    /** Party A's totals. */
    a: PartyTotals;
    /** Party B's totals. */
    b: PartyTotals;
  };
  /** The area of `within`, km²; `null` without it. */
  withinKm2: number | null;
  /**
   * km² of overlay slivers left out: pieces narrower than about 1 cm, the
   * numerical residue of meeting one boundary computed two ways. Reported
   * so that nothing is dropped silently; on real data it is below 1e-9 of
   * the whole.
   */
  sliversKm2: number;
  /**
   * km² of slivers (narrower than about 1 cm) that `controlMap` left out of
   * the parties' maps when they were given as claims (0 for maps passed in,
   * which reported theirs when they were made). That ground lies in no
   * region of its party's map, so it falls to the other party's label
   * (`only-b` where B speaks), to `unclaimed` with `within`, to no label,
   * or, where the other party's map left a sliver there too, to the
   * overlay's `sliversKm2`; reported here so that it is not lost silently,
   * and apart from `sliversKm2` so that the labels still partition
   * `within`. A figure per map, not disjoint from `sliversKm2`: ground both
   * maps left out counts once for each.
   */
  claimSliversKm2: number;
}

/**
 * Options of {@link diffClaims}.
 *
 * @category Claims & diffs
 */
export interface DiffOptions {
  /** Frame the comparison: only ground inside counts, and `unclaimed` and shares are reported. */
  within?: AreaLike;
  /** The time compared: claims apply once the time they are about has ended (as {@link controlMap} reads `asOf`). */
  asOf?: TimeRef | Date;
  /** The time the comparison is told from: only claims stated by then count. Defaults to `asOf`. */
  knownAt?: TimeRef | Date;
  /** Places that area expressions name, typically `dataset.places`. */
  places?: readonly Place[];
}

/**
 * Compares two parties' claims (or control maps) piece by piece.
 *
 * @param a - party A: its claims (resolved with {@link controlMap}) or its control map
 * @param b - party B, likewise
 * @param options - `within` frames the comparison (and enables `unclaimed`
 *   and shares); `asOf` and `knownAt` filter claims as {@link controlMap}
 *   does; `places` resolves area expressions
 * @returns `{ summary, regions, parties, withinKm2 }`; with nothing claimed
 *   and no `within`, every total is 0 and `regions` has no features
 * @throws {@link ContestedError} `invalid-input` when `a` or `b` is neither
 *   claims nor a map, or is a map two of whose regions share a piece wider
 *   than a sliver (about 1 cm, however small its area; issue
 *   `overlapping-regions`, path `b.features[1]`, naming the other region
 *   and the km² shared: that ground would be counted twice; maps `controlMap` returns are disjoint and not checked while
 *   their features are the ones it returned, unedited (a subset included);
 *   a feature added, copied or with its geometry edited makes the map
 *   checked like any other); errors of
 *   {@link controlMap} for unresolvable areas
 * @category Claims & diffs
 *
 * @example
 * ```ts
 * const diff = diffClaims(kremlinClaims, ukraineClaims, { within: 'pokrovsk', places: dataset.places });
 * diff.summary.conflict.km2;
 * //=> 17.00… (km² that each says its own side controls)
 * ```
 */
export function diffClaims(a: readonly Claim[] | ControlMap, b: readonly Claim[] | ControlMap, options: DiffOptions = {}): ClaimDiff {
  return onInputsGrid([a, b, options], () => {
    const frame = frameOf(optionsArg(options));
    // One set of resolved areas for both parties: an area both name is resolved once.
    const areas = new ClaimAreas(options.places, frame);
    // Slivers left out of the maps made from claims: reported on their own (claimSliversKm2).
    const made = { km2: 0 };
    const regionsA = regionsOf(a, 'a', options, frame, areas, made);
    const regionsB = regionsOf(b, 'b', options, frame, areas, made);
    const dropped = { km2: 0 };
    // An engine failure in the overlay names the claims of the run that failed (the overlay core names them).
    const pieces: { coords: MultiPolygon2; label: DiffLabel; a: MapRegion | null; b: MapRegion | null }[] = overlay(regionsA, regionsB, dropped).map((p) => ({
      ...p,
      label: labelOf(p.a?.state ?? null, p.b?.state ?? null),
    }));
    if (frame !== undefined) {
      const rest = engineRooted(['options', 'within'], () => uncovered(frame.coords, [...regionsA, ...regionsB], dropped));
      if (rest.length > 0) pieces.push({ coords: rest, label: 'unclaimed', a: null, b: null });
    }
    const withinKm2 = frame === undefined ? null : km2Of(frame.coords);
    const totals = Object.fromEntries(DIFF_LABELS.map((l) => [l, 0])) as Record<DiffLabel, number>;
    const features = pieces.map((p) => {
      const km2 = km2Of(p.coords);
      totals[p.label] += km2;
      const description = `A: ${describeState(p.a?.state)}; B: ${describeState(p.b?.state)}; ${km2.toFixed(2)} km²`;
      const properties: DiffRegionProperties = { label: p.label, a: view(p.a), b: view(p.b), km2, ...labelStyle(p.label, description) };
      return { type: 'Feature' as const, geometry: toGeometry(p.coords), properties };
    });
    const summary = Object.fromEntries(
      DIFF_LABELS.map((l) => [l, { km2: totals[l], share: withinKm2 === null || withinKm2 === 0 ? null : totals[l] / withinKm2 }]),
    ) as Record<DiffLabel, LabelTotal>;
    return {
      summary,
      regions: { type: 'FeatureCollection', features },
      parties: { a: partyTotals(regionsA), b: partyTotals(regionsB) },
      withinKm2,
      sliversKm2: dropped.km2,
      claimSliversKm2: made.km2,
    };
  });
}

/** The label of a piece where A says `a` and B says `b`. */
export function labelOf(a: ControlState | null, b: ControlState | null): DiffLabel {
  if (a === null && b === null) return 'unclaimed';
  if (b === null) return 'only-a';
  if (a === null) return 'only-b';
  return LABEL_OF_RELATION[relationOf(a, b)];
}

const LABEL_OF_RELATION: Record<StateRelation, DiffLabel> = { same: 'agree', conflict: 'conflict', consistent: 'consistent', differs: 'partial' };

function view(region: MapRegion | null): PartyView | null {
  return region === null ? null : { ...region.state, claims: region.claims };
}

function partyTotals(regions: readonly MapRegion[]): PartyTotals {
  const totals: PartyTotals = { bySide: {}, contestedKm2: 0, deniedKm2: {}, totalKm2: 0 };
  for (const r of regions) {
    const km2 = km2Of(r.coords);
    totals.totalKm2 += km2;
    if (r.state.status === 'not-controlled' && r.state.side !== undefined) {
      setOwn(totals.deniedKm2, r.state.side, (ownValue(totals.deniedKm2, r.state.side) ?? 0) + km2);
      continue;
    }
    if (r.state.status === 'contested' || r.state.side === undefined) {
      totals.contestedKm2 += km2;
      continue;
    }
    const side = ownEntry(totals.bySide, r.state.side, () => ({ controlledKm2: 0, advancingKm2: 0 }));
    if (r.state.status === 'controlled') side.controlledKm2 += km2;
    else side.advancingKm2 += km2;
  }
  return totals;
}
