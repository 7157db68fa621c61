/**
 * The N-way overlay: every claimant's control map laid over the others, so
 * that each piece of ground says what each claimant says of it, and whether
 * those who speak agree.
 *
 * @module
 */
import { engineRooted } from '../_lib/reroot.js';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { ContestedError } from '../errors/index.js';
import type { Dataset } from '../dataset/schema.js';
import type { MultiPolygon2 } from '../geometry/_engine.js';
import { describeState, labelStyle, stateStyle, type DIFF_COLORS } from '../style/palette.js';
import type { TimeRef } from '../time/timeRef.js';
import { km2Of, toGeometry } from '../overlay/regions.js';
import { onInputsGrid, overlayMany, type MapRegion } from '../overlay/overlay.js';
import { ClaimAreas, controlMapIn, type controlMap } from '../control/controlMap.js';
import { labelPiece, type ComparisonAgreement } from './_consensus.js';
import type { AreaLike, ControlState, SimpleStyle } from '../control/types.js';
import { frameOf, regionsOf } from '../control/_mapRegions.js';
import type { PartyView } from './diffClaims.js';
import { setOwn, ownValue } from '../_lib/records.js';
import { datasetArg, objectArg, stringArg } from '../_lib/args.js';
import { quote } from '../_lib/quote.js';

/**
 * Options of {@link compareClaimants}.
 *
 * @category Claims & diffs
 */
export interface CompareOptions {
  /** The time compared: claims apply once the time they are about has ended (as {@link controlMap} reads `asOf`). */
  asOf: TimeRef | Date;
  /** The time the comparison is told from: only claims stated by then count. Defaults to `asOf`. */
  knownAt?: TimeRef | Date;
  /** Compare only inside this area; ground inside it that nobody claims is reported too. */
  within?: AreaLike;
}

/**
 * Properties of one piece of the N-way overlay.
 *
 * @category Claims & diffs
 */
export interface ComparisonRegionProperties extends SimpleStyle {
  /** What each claimant says here, by claimant id; `null` for those silent here. */
  says: Record<string, PartyView | null>;
  /** How many claimants speak here. */
  speakers: number;
  /**
   * What they all say, when at least one speaks and all who speak say the
   * same (`agreement: 'agree'`); `null` otherwise. Contested ground carries
   * the sorted union of the `sides` any of them names.
   */
  consensus: ControlState | null;
  /**
   * The one side put forward — said to hold (`controlled`) or to advance
   * into (`advancing`) the ground — where the agreement is `agree`,
   * `agree-side` or `consistent` and some speaker names such a side;
   * `null` otherwise.
   */
  side: string | null;
  /**
   * How what they say adds up (the first that applies):
   * - `silent`: nobody speaks;
   * - `agree`: all say the same;
   * - `disputed`: different sides are put forward (controlled or advancing
   *   by different sides), or a side's control is asserted by one and
   *   denied by another — the only label for opposed claims;
   * - `consistent`: different, but all can be true — denials beside what
   *   does not contradict them (the table on `ControlStatus`);
   * - `partial`: one says the ground is fought over (`contested`), another
   *   that the one side put forward holds or advances into it;
   * - `agree-side`: all put the same side forward with different statuses
   *   (controlled by UA beside advancing by UA): the side is agreed, its
   *   status is not.
   *
   * The label depends only on what is said, never on the order of the
   * claimants.
   */
  agreement: ComparisonAgreement;
  /** Area, km². */
  km2: number;
}

/**
 * The result of {@link compareClaimants}.
 *
 * @category Claims & diffs
 */
export interface ClaimantComparison {
  /** The claimants compared, in the order given. */
  claimants: string[];
  /** The pieces of ground, each with what every claimant says. */
  regions: FeatureCollection<MultiPolygon, ComparisonRegionProperties>;
  /**
   * km² of each `agreement` label (see {@link ComparisonRegionProperties.agreement}),
   * and of overlay slivers left out (see {@link ClaimDiff.sliversKm2}).
   */
  summary: {
    /** Where all who speak say the same. */
    agreeKm2: number;
    /** Where all who speak put the same side forward, with different statuses (controlled vs advancing). */
    agreeSideKm2: number;
    /** Where they say different things that can all be true (a denial and what does not contradict it). */
    consistentKm2: number;
    /** Where one says the ground is contested and another that the one side put forward holds or advances into it. */
    partialKm2: number;
    /** Where different sides are put forward, or a side's control is denied. */
    disputedKm2: number;
    /** Where nobody speaks (only with `within`). */
    silentKm2: number;
    /** Overlay slivers left out. */
    sliversKm2: number;
    /**
     * Slivers (narrower than about 1 cm) that `controlMap` left out of the claimants' maps: ground in no region
     * of its claimant's map, so where that claimant is silent here (`silentKm2` with `within` when nobody speaks).
     */
    claimSliversKm2: number;
  };
}

interface Piece {
  coords: MultiPolygon2;
  says: (MapRegion | null)[];
}

/**
 * Lays the control maps of several claimants over each other.
 *
 * @param dataset - the claims and the places their areas name
 * @param claimantIds - the actor ids to compare, two or more (one works too)
 * @param options - `asOf` (required), `knownAt` (default `asOf`) and an optional `within`
 * @returns `{ claimants, regions, summary }`; no regions when nobody claims
 *   anything and no `within` is given
 * @throws {@link ContestedError} `not-found` when a claimant id is not an
 *   actor of the dataset; errors of {@link controlMap} for unresolvable areas
 * @category Claims & diffs
 *
 * @example
 * ```ts
 * const n = compareClaimants(dataset, ['kremlin', 'skala-command', 'trackers'], { asOf: '2025-12-07', within: 'pokrovsk' });
 * n.regions.features.filter((f) => f.properties.consensus === null).length > 0;
 * //=> true
 * ```
 */
export function compareClaimants(dataset: Pick<Dataset, 'claims' | 'places' | 'actors'>, claimantIds: readonly string[], options: CompareOptions): ClaimantComparison {
  return onInputsGrid([dataset, options], () => {
    datasetArg(dataset, ['claims', 'places', 'actors']);
    objectArg(options, ['options'], 'options { within, asOf }');
    if (!Array.isArray(claimantIds)) throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: ['claimantIds'], message: 'expected a list of claimant ids' }]);
    const actors = new Set((dataset.actors ?? []).map((a) => a.id));
    // Every index, holes included: a sparse list's hole is not a claimant id.
    for (let i = 0; i < claimantIds.length; i++) stringArg(claimantIds[i] as unknown, ['claimantIds', i], 'a claimant id (a string)');
    claimantIds.forEach((id, i) => {
      if (!actors.has(id)) throw new ContestedError('not-found', [{ code: 'unknown-reference', path: ['claimantIds', i], message: `${quote(id)} is not the id of any actor` }]);
    });
    const places = dataset.places ?? [];
    const frame = frameOf(options.within === undefined ? { places } : { within: options.within, places });
    // The frame first: each claimant's claims are resolved only near the
    // frame and cut to it before they are painted (the claim ordering reads
    // the whole areas, so the frame changes no winner), every area and place
    // once for all the claimants; then all the maps are overlaid at once by
    // the overlay core: the frame (or all they cover) cut into pieces that
    // each say what every claimant says there.
    const areas = new ClaimAreas(places, frame);
    // Slivers left out of each claimant's map: reported on their own (claimSliversKm2).
    const made = { km2: 0 };
    const maps = claimantIds.map((id) => {
      // A claim's engine failure is at `[i, 'area']` of the claims controlMap was given: dataset.claims.
      const map = engineRooted(['dataset', 'claims'], () => controlMapIn(dataset.claims ?? [], { claimant: id, asOf: options.asOf, ...(options.knownAt === undefined ? {} : { knownAt: options.knownAt }), places }, areas));
      made.km2 += map.sliversKm2 ?? 0;
      return regionsOf(map, id, {}, undefined);
    });
    // An engine failure in the overlay names the claims of the run that failed (the overlay core names them).
    const dropped = { km2: 0 };
    const pieces: Piece[] = overlayMany(maps, frame?.coords, dropped);
    const sliversKm2 = dropped.km2;
    const summary: ClaimantComparison['summary'] = { agreeKm2: 0, agreeSideKm2: 0, consistentKm2: 0, partialKm2: 0, disputedKm2: 0, silentKm2: 0, sliversKm2: 0, claimSliversKm2: made.km2 };
    const features = pieces.map((piece) => {
      const km2 = km2Of(piece.coords);
      const spoken = piece.says.filter((s): s is MapRegion => s !== null);
      const { agreement, consensus, side } = labelPiece(spoken.map((s) => s.state));
      summary[SUMMARY_KEY[agreement]] += km2;
      const says: Record<string, PartyView | null> = {};
      claimantIds.forEach((id, i) => {
        const s = piece.says[i];
        setOwn(says, id, s === null || s === undefined ? null : { ...s.state, claims: s.claims });
      });
      const description = claimantIds.map((id) => `${id}: ${describeState(ownValue(says, id))}`).join('; ');
      const style = consensus !== null ? stateStyle(consensus, description) : labelStyle(LABEL_COLOR[agreement], description, side === null ? agreement : `${agreement}: ${side}`);
      const properties: ComparisonRegionProperties = { says, speakers: spoken.length, consensus, side, agreement, km2, ...style };
      return { type: 'Feature' as const, geometry: toGeometry(piece.coords), properties };
    });
    summary.sliversKm2 = sliversKm2;
    return { claimants: [...claimantIds], regions: { type: 'FeatureCollection', features }, summary };
  });
}

/** The summary field of each label. */
const SUMMARY_KEY = {
  agree: 'agreeKm2',
  'agree-side': 'agreeSideKm2',
  consistent: 'consistentKm2',
  partial: 'partialKm2',
  disputed: 'disputedKm2',
  silent: 'silentKm2',
} as const satisfies Record<ComparisonAgreement, keyof ClaimantComparison['summary']>;

/** The colour of each label where no state is agreed (label colours, never a side's: see `DIFF_COLORS`). */
const LABEL_COLOR = {
  agree: 'agree',
  'agree-side': 'agree-side',
  consistent: 'consistent',
  partial: 'partial',
  disputed: 'conflict',
  silent: 'unclaimed',
} as const satisfies Record<ComparisonAgreement, keyof typeof DIFF_COLORS>;
