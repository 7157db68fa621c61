/**
 * Hatching for the SVG writer: contested ground in grey stripes, ground a
 * side advances into in the side's stripes. A pattern's id is made from what
 * it draws (`hatch-555555-50-f`), so two maps on one HTML page that define
 * the same id define the same pattern, and the output stays free of random
 * ids.
 *
 * @module
 */
import { element, formatNumber } from './_svgMarkup.js';
import type { Hatch } from '../style/palette.js';

/** Distance between stripes, pixels. */
const PERIOD = 6;

/** The id of a hatch's `<pattern>`. */
export function hatchId(hatch: Hatch): string {
  return `hatch-${hatch.color.replace(/[^0-9a-zA-Z]/g, '')}-${Math.round(hatch.coverage * 100)}-${hatch.angle > 0 ? 'f' : 'b'}`;
}

/** `url(#…)` for a fill attribute. */
export function hatchFill(hatch: Hatch): string {
  return `url(#${hatchId(hatch)})`;
}

/** `<defs>` with one `<pattern>` per distinct hatch; empty when there is none. */
export function patternDefs(hatches: readonly (Hatch | undefined)[]): string {
  const byId = new Map<string, Hatch>();
  for (const hatch of hatches) if (hatch !== undefined) byId.set(hatchId(hatch), hatch);
  if (byId.size === 0) return '';
  const patterns = [...byId].map(([id, hatch]) =>
    element(
      'pattern',
      [['id', id], ['patternUnits', 'userSpaceOnUse'], ['width', String(PERIOD)], ['height', String(PERIOD)], ['patternTransform', `rotate(${hatch.angle})`]],
      element('rect', [['width', String(PERIOD)], ['height', String(PERIOD)], ['fill', '#ffffff']]) +
        element('rect', [['width', formatNumber(PERIOD * hatch.coverage, 2)], ['height', String(PERIOD)], ['fill', hatch.color]]),
    ),
  );
  return element('defs', [], patterns.join(''));
}
