/**
 * `checkStatedFigures`: what a claimant said in numbers against what the
 * ground it drew measures — the first thing a fact-checker checks of "we
 * have taken 1,000 km² and 28 settlements".
 *
 * @module
 */
import type { Dataset } from '../dataset/schema.js';
import { ContestedError } from '../errors/index.js';
import { intersection } from '../geometry/boolean.js';
import { areaKm2 } from '../geometry/measure.js';
import { resolveArea } from '../places/resolveArea.js';
import { datasetArg, optionsArg } from '../_lib/args.js';
import { quote } from '../_lib/quote.js';

/**
 * The default tolerance of {@link checkStatedFigures}: a stated figure is
 * `consistent` when it is within a factor of 1.25 of the measured one either
 * way (0.8 ≤ stated / measured ≤ 1.25). Claimants round ("about 1,000 km²")
 * and draw coarse maps; a factor, not a difference, because the same
 * rounding is a larger difference on a larger figure.
 *
 * @example
 * ```ts
 * STATED_FIGURE_TOLERANCE;
 * //=> 1.25
 * ```
 *
 * @category Claims & diffs
 */
export const STATED_FIGURE_TOLERANCE = 1.25;

/**
 * Options of {@link checkStatedFigures}.
 *
 * @category Claims & diffs
 */
export interface StatedFigureOptions {
  /** The factor within which a figure is `consistent`; more than 1. Default {@link STATED_FIGURE_TOLERANCE}. */
  tolerance?: number;
}

/**
 * One stated figure checked against the ground:
 * - `consistent`: within the tolerance of what the ground measures;
 * - `overstated`: more than the tolerance above it;
 * - `understated`: more than the tolerance below it.
 *
 * @category Claims & diffs
 */
export type StatedFigureVerdict = 'consistent' | 'overstated' | 'understated';

/**
 * One stated figure of one claim, with what the claim's ground measures.
 *
 * @category Claims & diffs
 */
export interface StatedFigureCheck {
  /** The claim's id. */
  claim: string;
  /** Which figure: the area (km²) or the number of settlements. */
  figure: 'areaKm2' | 'settlements';
  /** The number the claimant said. */
  stated: number;
  /** What the claim's ground measures: its geodesic area, or the settlements (places of kind `settlement`) at least half inside it. */
  measured: number;
  /** `stated / measured`; `null` when the ground measures 0. */
  ratio: number | null;
  /** The verdict within the tolerance. */
  verdict: StatedFigureVerdict;
  /** The words of the figures, when given. */
  quote?: string;
}

/**
 * Compares each claim's stated figures with the ground the claim draws.
 *
 * The area stated is compared with the geodesic area of the claim's ground
 * (km²). The settlements stated are compared with the number of the
 * dataset's places of kind `settlement` of which at least half the area lies
 * inside the ground; the count is checked only when the dataset has
 * settlement places at all (a dataset without them cannot say). A distance
 * advanced (`advancedKm`) needs the line advanced from, which a claim does
 * not carry: it is kept as data and not checked.
 *
 * @param dataset - the claims and the places their areas (and the settlements) name
 * @param options - `tolerance`, a factor above 1 (default {@link STATED_FIGURE_TOLERANCE})
 * @returns one check per stated area and settlement count, in the order of
 *   the claims; an empty array when no claim states a checkable figure
 * @throws {@link ContestedError} `invalid-input` for a tolerance that is not
 *   a number above 1; `not-found` / `invalid-geometry` when an area cannot
 *   be resolved
 * @category Claims & diffs
 *
 * @example
 * ```ts
 * // Suppose the Kremlin had said "we have taken 40 km² and one town" — and then "100 km²".
 * const said = { ...kremlinClaim, statedFigures: { areaKm2: 40, settlements: 1 } };
 * checkStatedFigures({ places: dataset.places, claims: [said] }).map((c) => [c.figure, c.stated, Math.round(c.measured), c.verdict]);
 * //=> [['areaKm2', 40, 38, 'consistent'], ['settlements', 1, 1, 'consistent']]
 * const inflated = { ...kremlinClaim, statedFigures: { areaKm2: 100 } };
 * checkStatedFigures({ places: dataset.places, claims: [inflated] })[0]?.verdict;
 * //=> 'overstated'
 * ```
 */
export function checkStatedFigures(dataset: Pick<Dataset, 'claims' | 'places'>, options: StatedFigureOptions = {}): StatedFigureCheck[] {
  datasetArg(dataset, ['claims', 'places']);
  const tolerance = optionsArg(options).tolerance ?? STATED_FIGURE_TOLERANCE;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance <= 1) {
    throw new ContestedError('invalid-input', [
      { code: 'invalid-value', path: ['options', 'tolerance'], message: `tolerance is a factor above 1 (1.25 allows a quarter either way); got ${quote(tolerance)}` },
    ]);
  }
  const settlements = (dataset.places ?? []).filter((p) => p.kind === 'settlement');
  const out: StatedFigureCheck[] = [];
  for (const claim of dataset.claims ?? []) {
    const figures = claim.statedFigures;
    if (figures === undefined || (figures.areaKm2 === undefined && figures.settlements === undefined)) continue;
    const ground = resolveArea(dataset, claim.area);
    const push = (figure: StatedFigureCheck['figure'], stated: number, measured: number): void => {
      const check: StatedFigureCheck = { claim: claim.id, figure, stated, measured, ...judge(stated, measured, tolerance) };
      if (figures.quote !== undefined) check.quote = figures.quote;
      out.push(check);
    };
    if (figures.areaKm2 !== undefined) push('areaKm2', figures.areaKm2, areaKm2(ground));
    if (figures.settlements !== undefined && settlements.length > 0) {
      const inside = settlements.filter((s) => {
        const place = resolveArea(dataset, s.id);
        const own = areaKm2(place);
        return own > 0 && areaKm2(intersection(ground, place)) >= own / 2;
      });
      push('settlements', figures.settlements, inside.length);
    }
  }
  return out;
}

function judge(stated: number, measured: number, tolerance: number): { ratio: number | null; verdict: StatedFigureVerdict } {
  if (measured === 0) return { ratio: null, verdict: stated === 0 ? 'consistent' : 'overstated' };
  const ratio = stated / measured;
  return { ratio, verdict: ratio > tolerance ? 'overstated' : ratio < 1 / tolerance ? 'understated' : 'consistent' };
}

/**
 * One check in words, for a fact-check's rating text: `stated 30 km²; the
 * ground drawn measures 34.1 km² (×0.88, consistent)`.
 *
 * @internal
 */
export function describeCheck(check: StatedFigureCheck): string {
  const unit = check.figure === 'areaKm2' ? ' km²' : ' settlements';
  const measured = check.figure === 'areaKm2' ? check.measured.toFixed(1) : String(check.measured);
  const ratio = check.ratio === null ? '' : `×${check.ratio.toFixed(2)}, `;
  return `stated ${check.stated}${unit}; the ground drawn ${check.figure === 'areaKm2' ? 'measures' : 'holds'} ${measured}${unit} (${ratio}${check.verdict})`;
}
