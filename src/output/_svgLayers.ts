/**
 * The drawn layers of the SVG writer: basemap, regions, lines, points and
 * their labels, as path data in page pixels. Positions that round to the
 * same pixel are written once, so a detailed basemap (a whole country
 * boundary) costs what it shows, not what it holds.
 *
 * @module
 */
import type { Position } from 'geojson';
import type { SvgLineShape, SvgPointShape } from './_svgFeatures.js';
import { element, tooltip, formatNumber } from './_svgMarkup.js';
import type { Projection } from './_svgProjection.js';
import type { SceneRegion } from './_svgScene.js';
import { hatchFill } from './_svgPatterns.js';

/** Formats a pixel coordinate. */
export type Format = (n: number) => string;


/** Path data for positions: `M x y L x y …`, repeated pixels dropped, `Z` when `closed`. */
function pathData(positions: readonly Position[], projection: Projection, fmt: Format, closed: boolean): string {
  const out: string[] = [];
  let last = '';
  for (const position of positions) {
    const [x, y] = projection.project(position);
    const point = `${fmt(x)} ${fmt(y)}`;
    if (point !== last) out.push(point);
    last = point;
  }
  if (closed && out.length > 1 && out[0] === out[out.length - 1]) out.pop();
  if (out.length < (closed ? 3 : 2)) return '';
  return `M${out.join('L')}${closed ? 'Z' : ''}`;
}

/** Path data of polygons: every ring a closed subpath, holes included (drawn with `evenodd`). */
function polygonsData(polygons: readonly Position[][][], projection: Projection, fmt: Format): string {
  return polygons.flatMap((rings) => rings.map((ring) => pathData(ring, projection, fmt, true))).join('');
}

/** Colours of the basemap. */
export const BASEMAP_FILL = '#ededed';
export const BASEMAP_STROKE = '#9a9a9a';

/** The basemap, light grey under everything. */
export function basemapLayer(polygons: readonly Position[][][], projection: Projection, fmt: Format): string {
  if (polygons.length === 0) return '';
  const d = polygonsData(polygons, projection, fmt);
  return element('g', [['class', 'basemap']], element('path', [['d', d], ['fill', BASEMAP_FILL], ['stroke', BASEMAP_STROKE], ['stroke-width', '1'], ['fill-rule', 'evenodd']]));
}

/** One `<path>` per region, its tooltip inside. */
export function regionLayer(regions: readonly SceneRegion[], projection: Projection, fmt: Format): string {
  const paths = regions.map((r) =>
    element(
      'path',
      [
        ['d', polygonsData(r.polygons, projection, fmt)],
        ['fill', r.hatch === undefined ? r.fill : hatchFill(r.hatch)],
        ['fill-opacity', r.hatch === undefined ? formatNumber(r.fillOpacity, 3) : undefined],
        ['stroke', r.stroke],
        ['stroke-width', formatNumber(r.strokeWidth, 2)],
        ['stroke-dasharray', r.dotted === true ? '2 2' : undefined],
        ['stroke-linejoin', 'round'],
        ['fill-rule', 'evenodd'],
      ],
      tooltip(r.tooltip),
    ),
  );
  return element('g', [['class', 'regions']], paths.join(''));
}

/** Lines over the regions. */
export function lineLayer(lines: readonly SvgLineShape[], projection: Projection, fmt: Format): string {
  if (lines.length === 0) return '';
  const paths = lines.map((line) =>
    element(
      'path',
      [
        ['d', line.lines.map((l) => pathData(l, projection, fmt, false)).join('')],
        ['fill', 'none'],
        ['stroke', line.stroke],
        ['stroke-width', formatNumber(line.strokeWidth, 2)],
        ['stroke-linecap', 'round'],
        ['stroke-linejoin', 'round'],
        ['stroke-dasharray', line.dash],
      ],
      line.title === undefined ? undefined : tooltip(line.title),
    ),
  );
  return element('g', [['class', 'lines']], paths.join(''));
}

/** Points on top, white-ringed so they read on any fill. */
export function pointLayer(points: readonly SvgPointShape[], projection: Projection, fmt: Format): string {
  if (points.length === 0) return '';
  const circles = points.map((point) => {
    const [x, y] = projection.project(point.position);
    return element(
      'circle',
      [['cx', fmt(x)], ['cy', fmt(y)], ['r', '4.5'], ['fill', point.color], ['stroke', '#ffffff'], ['stroke-width', '1.5']],
      point.title === undefined ? undefined : tooltip(point.title),
    );
  });
  return element('g', [['class', 'points']], circles.join(''));
}
