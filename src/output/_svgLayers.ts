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
import { element, textElement, tooltip, truncate, formatNumber } from './_svgMarkup.js';
import type { Frame, Projection } from './_svgProjection.js';
import type { SceneRegion } from './_svgScene.js';

/** Formats a pixel coordinate. */
export type Format = (n: number) => string;

const LABEL_CHARS = 40;
const HALO: readonly (readonly [string, string])[] = [['paint-order', 'stroke'], ['stroke', '#ffffff'], ['stroke-width', '3'], ['stroke-linejoin', 'round']];

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

/** The basemap, light grey under everything. */
export function basemapLayer(polygons: readonly Position[][][], projection: Projection, fmt: Format): string {
  if (polygons.length === 0) return '';
  const d = polygonsData(polygons, projection, fmt);
  return element('g', [['class', 'basemap']], element('path', [['d', d], ['fill', '#f0f0f0'], ['stroke', '#b0b0b0'], ['stroke-width', '1'], ['fill-rule', 'evenodd']]));
}

/** One `<path>` per region, its tooltip inside. */
export function regionLayer(regions: readonly SceneRegion[], projection: Projection, fmt: Format): string {
  const paths = regions.map((r) =>
    element(
      'path',
      [
        ['d', polygonsData(r.polygons, projection, fmt)],
        ['fill', r.fill],
        ['fill-opacity', formatNumber(r.fillOpacity, 3)],
        ['stroke', r.stroke],
        ['stroke-width', formatNumber(r.strokeWidth, 2)],
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

/** The point halfway along the longest part of a line, in pixels. */
function midpointOf(parts: readonly (readonly [number, number])[][]): [number, number] | undefined {
  const lengthOf = (part: readonly (readonly [number, number])[]): number =>
    part.reduce((sum, p, i) => (i === 0 ? 0 : sum + Math.hypot(p[0] - part[i - 1]![0], p[1] - part[i - 1]![1])), 0);
  let best: readonly (readonly [number, number])[] = [];
  let bestLength = -1;
  for (const part of parts) {
    const length = lengthOf(part);
    if (length > bestLength) [best, bestLength] = [part, length];
  }
  let rest = bestLength / 2;
  for (let i = 1; i < best.length; i += 1) {
    const a = best[i - 1]!;
    const b = best[i]!;
    const step = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (step >= rest && step > 0) return [a[0] + ((b[0] - a[0]) * rest) / step, a[1] + ((b[1] - a[1]) * rest) / step];
    rest -= step;
  }
  const first = best[0];
  return first === undefined ? undefined : [first[0], first[1]];
}

/** Labels of lines (halfway along their longest part) and points (beside them), kept inside the frame. */
export function labelLayer(lines: readonly SvgLineShape[], points: readonly SvgPointShape[], projection: Projection, frame: Frame, fmt: Format): string {
  const labels: string[] = [];
  const place = (x: number, y: number, words: string, dx: number, dy: number): void => {
    const right = x > frame.x + frame.width * 0.6;
    const at = Math.min(Math.max(x + (right ? -dx : dx), frame.x + 4), frame.x + frame.width - 4);
    const top = Math.min(Math.max(y + dy, frame.y + 12), frame.y + frame.height - 4);
    labels.push(textElement([['x', fmt(at)], ['y', fmt(top)], ['font-size', '12'], ['text-anchor', right ? 'end' : 'start'], ...HALO], truncate(words, LABEL_CHARS)));
  };
  for (const line of lines) {
    if (line.title === undefined) continue;
    const middle = midpointOf(line.lines.map((l) => l.map((p) => projection.project(p))));
    if (middle !== undefined) place(middle[0], middle[1], line.title, 6, -9);
  }
  for (const point of points) {
    if (point.title === undefined) continue;
    const [x, y] = projection.project(point.position);
    place(x, y, point.title, 8, 4);
  }
  return labels.length === 0 ? '' : element('g', [['class', 'labels']], labels.join(''));
}
