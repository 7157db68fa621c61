/**
 * The map furniture of the SVG writer: legend, north arrow and scale bar.
 * Text widths cannot be measured without fonts, so the legend panel is
 * sized from an estimate of 0.6 em per character and longer labels are cut
 * with an ellipsis (the full text stays in a tooltip).
 *
 * @module
 */
import { element, escapeXml, formatLength, formatNumber, textElement, tooltip, truncate } from './_svgMarkup.js';
import type { LegendEntry } from './_svgScene.js';
import { hatchFill } from './_svgPatterns.js';

const FONT = 12;
const CHAR = FONT * 0.6;
const SWATCH = 14;
const INDENT = SWATCH + 8;
export const ARROW_HEIGHT = 44;
const AREA_ROW = 36;
const OTHER_ROW = 22;
const MIN_PANEL = 150;
const MAX_PANEL = 300;

/** The width of the legend panel for these entries. */
export function legendWidth(entries: readonly LegendEntry[]): number {
  const longest = Math.max(0, ...entries.flatMap((e) => [Array.from(e.label).length, Array.from(e.detail ?? '').length]));
  return Math.max(MIN_PANEL, Math.min(MAX_PANEL, Math.ceil(INDENT + longest * CHAR + 4)));
}

/** One row: two lines when there is a detail (km², or how a line was drawn). */
function rowHeight(entry: LegendEntry): number {
  return entry.kind === 'area' || entry.detail !== undefined ? AREA_ROW : OTHER_ROW;
}

/** The height of the legend rows. */
export function legendHeight(entries: readonly LegendEntry[]): number {
  return entries.reduce((h, e) => h + rowHeight(e), 0);
}

/** The legend: one row per entry, swatch then label, km² and share beneath area labels. */
export function legendMarkup(entries: readonly LegendEntry[], x: number, y: number, width: number, fmt: (n: number) => string): string {
  const maxChars = Math.max(4, Math.floor((width - INDENT) / CHAR));
  let top = y;
  const rows = entries.map((entry) => {
    const label = textElement([['x', fmt(x + INDENT)], ['y', fmt(top + 11)], ['font-size', String(FONT)]], truncate(entry.label, maxChars));
    let swatch: string;
    let detail = '';
    if (entry.kind === 'area') {
      swatch = element('rect', [
        ['x', fmt(x)], ['y', fmt(top)], ['width', String(SWATCH)], ['height', String(SWATCH)],
        ['fill', entry.hatch === undefined ? entry.color : hatchFill(entry.hatch)],
        ['fill-opacity', entry.hatch === undefined ? formatNumber(entry.opacity, 2) : undefined],
        ['stroke', entry.dash === undefined ? entry.color : '#777777'], ['stroke-dasharray', entry.dash],
      ]);
    } else if (entry.kind === 'line') {
      swatch = element('line', [['x1', fmt(x)], ['y1', fmt(top + 7)], ['x2', fmt(x + SWATCH + 4)], ['y2', fmt(top + 7)], ['stroke', entry.color], ['stroke-width', '2'], ['stroke-dasharray', entry.dash === undefined ? undefined : '5 3']]);
    } else {
      swatch = element('circle', [['cx', fmt(x + SWATCH / 2)], ['cy', fmt(top + 7)], ['r', '4.5'], ['fill', entry.color], ['stroke', '#ffffff']]);
    }
    if (entry.detail !== undefined) {
      detail = textElement([['x', fmt(x + INDENT)], ['y', fmt(top + 26)], ['font-size', String(FONT - 1)], ['fill', '#555555']], truncate(entry.detail, maxChars));
    }
    const full = entry.detail === undefined ? entry.label : `${entry.label}: ${entry.detail}`;
    top += rowHeight(entry);
    return element('g', [['class', 'legend-entry']], `${tooltip(full)}${swatch}${label}${detail}`);
  });
  return element('g', [['class', 'legend']], rows.join(''));
}

/** A north arrow centred on `cx`, its tip at `y`. */
export function northArrowMarkup(cx: number, y: number, fmt: (n: number) => string): string {
  const tip = y + 14;
  const base = y + 40;
  const left = `${fmt(cx - 8)},${fmt(base)}`;
  const right = `${fmt(cx + 8)},${fmt(base)}`;
  const notch = `${fmt(cx)},${fmt(base - 7)}`;
  const apex = `${fmt(cx)},${fmt(tip)}`;
  return element('g', [['class', 'north-arrow']], [
    tooltip('North is up'),
    textElement([['x', fmt(cx)], ['y', fmt(y + 11)], ['font-size', '12'], ['font-weight', 'bold'], ['text-anchor', 'middle']], 'N'),
    element('polygon', [['points', `${apex} ${left} ${notch}`], ['fill', '#222222']]),
    element('polygon', [['points', `${apex} ${notch} ${right}`], ['fill', '#ffffff'], ['stroke', '#222222'], ['stroke-width', '1']]),
  ].join(''));
}

/** A scale bar of `metres`, `pixels` long, in two halves, starting at (x, y). */
export function scaleBarMarkup(metres: number, pixels: number, x: number, y: number, fmt: (n: number) => string): string {
  const half = pixels / 2;
  const label = formatLength(metres);
  const rect = (from: number, fill: string): string =>
    element('rect', [['x', fmt(from)], ['y', fmt(y)], ['width', fmt(half)], ['height', '6'], ['fill', fill], ['stroke', '#222222'], ['stroke-width', '1']]);
  const text = (at: number, words: string): string =>
    textElement([['x', fmt(at)], ['y', fmt(y + 19)], ['font-size', '11'], ['text-anchor', 'middle']], words);
  return element(
    'g',
    [['class', 'scale-bar'], ['data-metres', String(metres)], ['data-pixels', fmt(pixels)]],
    `${tooltip(`Scale bar: ${label}, measured geodesically at the centre latitude`)}${rect(x, '#222222')}${rect(x + half, '#ffffff')}${text(x, '0')}${text(x + pixels, label)}`,
  );
}

/** A centred grey note (`no data`). */
export function noteMarkup(cx: number, cy: number, words: string, fmt: (n: number) => string): string {
  return element('text', [['class', 'note'], ['x', fmt(cx)], ['y', fmt(cy)], ['font-size', '14'], ['fill', '#777777'], ['text-anchor', 'middle']], escapeXml(words));
}
