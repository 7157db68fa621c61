/**
 * Names on the map, placed so that none overlaps another or a point marker
 * and none leaves the frame: place names centred on their place, point
 * titles beside their point, line names written along their line, turned to
 * its direction. Each label tries a few positions in turn (greedy, in the
 * order places → points → lines, larger places first); a label that fits
 * nowhere is left out and named in the result, so the caller can say so.
 * Text is measured at 0.6 em per character, as the legend is, since no font
 * is available to measure with.
 *
 * @module
 */
import type { SvgLineShape, SvgPointShape } from './_svgFeatures.js';
import { element, textElement, truncate } from './_svgMarkup.js';
import type { PlaceLabel } from './_svgPlaces.js';
import type { Frame, Projection } from './_svgProjection.js';

type Format = (n: number) => string;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Candidate {
  box: Box;
  markup: string;
}

const LABEL_CHARS = 40;
const HALO: readonly (readonly [string, string])[] = [['paint-order', 'stroke'], ['stroke', '#ffffff'], ['stroke-width', '3'], ['stroke-linejoin', 'round']];
const EM = 0.6;

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function inside(box: Box, frame: Frame): boolean {
  return box.x0 >= frame.x + 2 && box.x1 <= frame.x + frame.width - 2 && box.y0 >= frame.y + 2 && box.y1 <= frame.y + frame.height - 2;
}

/** A horizontal label: `anchor` start/middle/end at (x, baseline y). */
function flat(text: string, x: number, y: number, size: number, anchor: 'start' | 'middle' | 'end', bold: boolean, fmt: Format): Candidate {
  const width = Array.from(text).length * size * EM;
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  const attributes: (readonly [string, string | undefined])[] = [['x', fmt(x)], ['y', fmt(y)], ['font-size', String(size)], ['text-anchor', anchor], ['font-weight', bold ? 'bold' : undefined], ...HALO];
  return { box: { x0, y0: y - size, x1: x0 + width, y1: y + size * 0.25 }, markup: textElement(attributes, text) };
}

/** A label along a line: centred at (x, y), turned by `degrees`, written just above the line. */
function along(text: string, x: number, y: number, degrees: number, size: number, fmt: Format): Candidate {
  const width = Array.from(text).length * size * EM;
  const rad = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(rad), Math.sin(rad)];
  const corners = [[-width / 2, -size - 3], [width / 2, -size - 3], [width / 2, 0], [-width / 2, 0]].map(([u, v]) => [x + u! * cos - v! * sin, y + u! * sin + v! * cos] as const);
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const markup = textElement(
    [['transform', `translate(${fmt(x)} ${fmt(y)}) rotate(${degrees.toFixed(1)})`], ['y', '-4'], ['font-size', String(size)], ['font-style', 'italic'], ['text-anchor', 'middle'], ...HALO],
    text,
  );
  return { box: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) }, markup };
}

/** Positions along the longest part of a line at the given fractions of its length, with the direction there. */
function stationsOf(parts: readonly (readonly [number, number])[][], fractions: readonly number[]): { x: number; y: number; degrees: number }[] {
  let best: readonly (readonly [number, number])[] = [];
  let bestLength = -1;
  const lengths = (part: readonly (readonly [number, number])[]): number[] => part.slice(1).map((p, i) => Math.hypot(p[0] - part[i]![0], p[1] - part[i]![1]));
  for (const part of parts) {
    const length = lengths(part).reduce((a, b) => a + b, 0);
    if (length > bestLength) [best, bestLength] = [part, length];
  }
  const steps = lengths(best);
  return fractions.flatMap((fraction) => {
    let rest = bestLength * fraction;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      if (step >= rest && step > 0) {
        const [a, b] = [best[i]!, best[i + 1]!];
        let degrees = (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
        if (degrees > 90) degrees -= 180;
        if (degrees < -90) degrees += 180;
        return [{ x: a[0] + ((b[0] - a[0]) * rest) / step, y: a[1] + ((b[1] - a[1]) * rest) / step, degrees }];
      }
      rest -= step;
    }
    return [];
  });
}

/** The label layer, and the labels that found no room. */
export function labelLayer(
  places: readonly PlaceLabel[],
  lines: readonly SvgLineShape[],
  points: readonly SvgPointShape[],
  projection: Projection,
  frame: Frame,
  fmt: Format,
): { markup: string; dropped: string[] } {
  const taken: Box[] = points.map((p) => {
    const [x, y] = projection.project(p.position);
    return { x0: x - 5, y0: y - 5, x1: x + 5, y1: y + 5 };
  });
  const placed: string[] = [];
  const dropped: string[] = [];
  const settle = (text: string, candidates: readonly Candidate[]): void => {
    const fit = candidates.find((c) => inside(c.box, frame) && !taken.some((t) => overlaps(t, c.box)));
    if (fit === undefined) {
      dropped.push(text);
      return;
    }
    taken.push(fit.box);
    placed.push(fit.markup);
  };
  const ordered = [...places].sort((a, b) => Number(b.major) - Number(a.major));
  for (const label of ordered) {
    const [x, y] = projection.project(label.position);
    const size = label.major ? 14 : 11;
    const text = truncate(label.text, LABEL_CHARS);
    settle(text, [0, -16, 18, -30, 32].map((dy) => flat(text, x, y + size * 0.35 + dy, size, 'middle', label.major, fmt)));
  }
  for (const point of points) {
    if (point.title === undefined) continue;
    const [x, y] = projection.project(point.position);
    const text = truncate(point.title, LABEL_CHARS);
    settle(text, [flat(text, x + 8, y + 4, 12, 'start', false, fmt), flat(text, x - 8, y + 4, 12, 'end', false, fmt), flat(text, x, y - 9, 12, 'middle', false, fmt), flat(text, x, y + 17, 12, 'middle', false, fmt)]);
  }
  for (const line of lines) {
    const words = line.title;
    if (words === undefined || line.unlabelled === true) continue;
    const text = truncate(words, LABEL_CHARS);
    const parts = line.lines.map((l) => l.map((p) => projection.project(p)));
    settle(text, stationsOf(parts, [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.1, 0.9]).map((s) => along(text, s.x, s.y, s.degrees, 11, fmt)));
  }
  return { markup: placed.length === 0 ? '' : element('g', [['class', 'labels']], placed.join('')), dropped };
}
