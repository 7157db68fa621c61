/**
 * Colours. One palette for every output — GeoJSON simplestyle properties
 * and SVG — so a region looks the same in geojson.io as in the docs. Sides
 * get their own `color` when the dataset gives one; otherwise a stable
 * colour is derived from the side id.
 *
 * @module
 */
import type { ControlState, SimpleStyle } from '../overlay/types.js';
import { optionsArg, stringArg } from '../_lib/args.js';
import { ownValue } from '../_lib/records.js';

/**
 * The colours of the diff labels. None of them is a side's colour or close
 * to one, also for readers with deuteranopia or protanopia (a test
 * simulates both and requires a CIEDE2000 difference of at least 10 between
 * any two swatches that share a legend): a diff label says who agrees with
 * whom, never who holds the ground.
 *
 * @example
 * ```ts
 * DIFF_COLORS.conflict;
 * //=> '#e08a00'
 * ```
 *
 * @category Output
 */
export const DIFF_COLORS = {
  /** Both parties say the same: neutral grey. */
  agree: '#6a6a6a',
  /**
   * A comparison's claimants all put the same side forward, with different
   * statuses (`compareClaimants`' `agree-side`): dark teal. Not used by
   * `diffClaims`, whose labels are {@link DIFF_LABELS}.
   */
  'agree-side': '#004038',
  /** Both say controlled, by different sides: amber. */
  conflict: '#e08a00',
  /** Both speak, differently, and both can be true (a denial and a state it allows): mid grey, between agree's dark grey and the unfilled ground nobody speaks of. */
  consistent: '#888890',
  /** Both speak, differently: pale yellow. */
  partial: '#f2cf5b',
  /** Only party A speaks: dark olive. */
  'only-a': '#5a4a14',
  /** Only party B speaks: dark violet. */
  'only-b': '#5e3c99',
  /** Nobody speaks: not filled (opacity 0), the ground beneath shows; the SVG writer outlines it with dots. */
  unclaimed: '#fcfcfc',
} as const;

/** Fill opacity of each diff label, chosen with the colours above (the CVD test measures the pair). @internal */
export const DIFF_OPACITY: Readonly<Record<keyof typeof DIFF_COLORS, number>> = {
  agree: 0.85,
  'agree-side': 0.85,
  conflict: 0.85,
  consistent: 0.7,
  partial: 0.55,
  'only-a': 0.85,
  'only-b': 0.8,
  unclaimed: 0,
};

/** Fill opacity of ground a side controls. @internal */
export const CONTROLLED_OPACITY = 0.55;

/**
 * A hatch: stripes of `color` covering `coverage` of a white ground, at
 * `angle` degrees. Contested ground is hatched in neutral grey (as DeepState
 * and ISW hatch the gray zone); ground a side is advancing into is hatched in
 * that side's colour. @internal
 */
export interface Hatch {
  color: string;
  coverage: number;
  angle: 45 | -45;
}

/** Contested ground: grey stripes. @internal */
export const CONTESTED_HATCH: Hatch = { color: '#444444', coverage: 0.65, angle: 45 };

/** Ground a side is advancing into: stripes in the side's colour. @internal */
export function advancingHatch(color: string): Hatch {
  return { color, coverage: 0.25, angle: -45 };
}

/** Well-known side colours; others are derived from the id. */
const KNOWN_SIDES: Readonly<Record<string, string>> = { UA: '#1f5fbf', RU: '#c0392b' };
/** Contested ground in simplestyle (which cannot hatch): the hatch's mean colour. */
const CONTESTED = '#444444';
const CONTESTED_OPACITY = 0.65;
const PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#386cb0'];

/**
 * The colour used for a side: its `color` when given, a well-known colour
 * for `UA` and `RU`, otherwise one of eight stable colours chosen from the
 * id.
 *
 * @param side - a side id
 * @param colors - colours by side id, e.g. from the dataset's sides
 * @returns `#rrggbb`
 * @category Output
 *
 * @example
 * ```ts
 * sideColor('UA');
 * //=> '#1f5fbf'
 * ```
 */
export function sideColor(side: string, colors: Readonly<Record<string, string>> = {}): string {
  stringArg(side, ['side'], 'a side id (a string)');
  const own = ownValue(optionsArg(colors, ['colors']), side) ?? ownValue(KNOWN_SIDES, side);
  if (own !== undefined) return own;
  let hash = 0;
  for (let i = 0; i < side.length; i++) hash = (hash * 31 + side.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? CONTESTED;
}

/** Words for a control state, for titles. @internal */
export function describeState(state: ControlState | null | undefined): string {
  if (state === null || state === undefined) return 'no claim';
  if (state.status === 'contested') return state.sides === undefined ? 'contested' : `contested (${state.sides.join('/')})`;
  if (state.status === 'not-controlled') return `not controlled by ${state.side ?? '?'}`;
  return `${state.status} by ${state.side ?? '?'}`;
}

/** simplestyle properties for a region of a control map. @internal */
export function stateStyle(state: ControlState, description: string, colors: Readonly<Record<string, string>> = {}): SimpleStyle {
  // A denial says who does not hold the ground, not who does: it is not painted in the denied side's colour.
  const color = state.status === 'contested' || state.status === 'not-controlled' || state.side === undefined ? CONTESTED : sideColor(state.side, colors);
  return {
    title: describeState(state),
    description,
    fill: color,
    'fill-opacity': state.status === 'controlled' ? CONTROLLED_OPACITY : state.status === 'not-controlled' ? 0.15 : state.status === 'contested' || state.side === undefined ? CONTESTED_OPACITY : advancingHatch(color).coverage,
    stroke: color,
    'stroke-width': state.status === 'advancing' ? 2 : 1,
  };
}

/** simplestyle properties for a region of a diff (`title` defaults to the label). @internal */
export function labelStyle(label: keyof typeof DIFF_COLORS, description: string, title: string = label): SimpleStyle {
  const stroke = label === 'unclaimed' ? '#9a9a9a' : DIFF_COLORS[label];
  return { title, description, fill: DIFF_COLORS[label], 'fill-opacity': DIFF_OPACITY[label], stroke, 'stroke-width': 1 };
}
