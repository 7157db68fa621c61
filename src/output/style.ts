/**
 * Colours. One palette for every output — GeoJSON simplestyle properties
 * and SVG — so a region looks the same in geojson.io as in the docs. Sides
 * get their own `color` when the dataset gives one; otherwise a stable
 * colour is derived from the side id.
 *
 * @module
 */
import type { ControlState, SimpleStyle } from '../control/types.js';
import { optionsArg, stringArg } from '../_lib/args.js';
import { ownValue } from '../_lib/records.js';

/**
 * The colours of the diff labels.
 *
 * @example
 * ```ts
 * DIFF_COLORS.conflict;
 * //=> '#d32f2f'
 * ```
 *
 * @category Output
 */
export const DIFF_COLORS = {
  /** Both parties say the same: green. */
  agree: '#4caf50',
  /** Both say controlled, by different sides: red. */
  conflict: '#d32f2f',
  /** Both speak, differently, and both can be true (a denial): teal. */
  consistent: '#26a69a',
  /** Both speak, differently: orange. */
  partial: '#ff9800',
  /** Only party A speaks: blue. */
  'only-a': '#42a5f5',
  /** Only party B speaks: purple. */
  'only-b': '#ab47bc',
  /** Nobody speaks: grey. */
  unclaimed: '#bdbdbd',
} as const;

/** Well-known side colours; others are derived from the id. */
const KNOWN_SIDES: Readonly<Record<string, string>> = { UA: '#1f5fbf', RU: '#c0392b' };
const CONTESTED = '#9e9e9e';
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
    'fill-opacity': state.status === 'controlled' ? 0.55 : state.status === 'not-controlled' ? 0.15 : 0.3,
    stroke: color,
    'stroke-width': state.status === 'advancing' ? 2 : 1,
  };
}

/** simplestyle properties for a region of a diff. @internal */
export function labelStyle(label: keyof typeof DIFF_COLORS, description: string): SimpleStyle {
  return { title: label, description, fill: DIFF_COLORS[label], 'fill-opacity': 0.55, stroke: DIFF_COLORS[label], 'stroke-width': 1 };
}
