/**
 * `toSvgChart`: a {@link ControlHistory} as the bar chart analysts publish —
 * per period, each side's gains as a bar above the zero line and its losses
 * as a bar below it, the net as a line with markers, a y axis labelled in
 * km², period labels thinned so they never collide, a title, a legend and a
 * source line. The output is deterministic: the same history and options
 * give the same bytes.
 *
 * @module
 */
import type { ControlHistory } from '../history/controlHistory.js';
import { ContestedError } from '../errors/index.js';
import { objectArg, optionsArg, stringArg } from '../_lib/args.js';
import { ownValue } from '../_lib/records.js';
import { escapeXml, formatNumber, safeColor } from './_svgMarkup.js';
import { labelStride, niceScale, periodLabels, textWidth } from './_chartScale.js';
import { sideColor } from '../style/palette.js';

/**
 * Options of {@link toSvgChart}.
 *
 * @category Output
 */
export interface ChartOptions {
  /** The headline; `'Ground gained and lost'` by default. */
  title?: string;
  /** A line under the title, e.g. what is counted and where. */
  subtitle?: string;
  /** The source and credit line at the foot, e.g. `'Source: DeepStateMap'`. */
  source?: string;
  /** The sides to draw, in order; every side of the history by default. */
  sides?: string[];
  /** Colours by side id (see {@link sideColor}). */
  colors?: Record<string, string>;
  /** Draw the net as a `'line'` with markers (default) or as `'markers'` only. */
  net?: 'line' | 'markers';
  /** Width in pixels, 320–4000; 760 by default. */
  width?: number;
  /** Height in pixels, 240–4000; 420 by default. */
  height?: number;
}

const FONT = 'font-family="Helvetica, Arial, sans-serif"';

/**
 * Draws a history as a standalone SVG bar chart of gains (above the axis)
 * and losses (below) per period, with the net.
 *
 * @param history - the result of {@link controlHistory}
 * @param options - `title`, `subtitle`, `source`, `sides`, `colors`, `net`, `width`, `height`
 * @returns an SVG document; for a history with no periods, the frame with a
 *   note that there is nothing to show
 * @throws {@link ContestedError} `invalid-input` when `history` has no
 *   `periods` array or an option is out of range (path `options.width`)
 * @category Output
 *
 * @example
 * ```ts
 * const history = await controlHistory([
 *   { at: '2025-12-01', map: controlMap(deepStateDec1) },
 *   { at: '2025-12-05', map: controlMap(deepStateDec5) },
 * ], { by: 'month' });
 * toSvgChart(history, { title: "Russia's gains", sides: ['RU'], source: 'Source: DeepStateMap' }).includes('km²');
 * //=> true
 * ```
 */
export function toSvgChart(history: ControlHistory, options: ChartOptions = {}): string {
  const opts = optionsArg(options);
  const periods = history !== null && typeof history === 'object' ? (history as { periods?: unknown }).periods : undefined;
  if (!Array.isArray(periods)) throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: ['history', 'periods'], message: 'expected the result of controlHistory: { periods: [...] }' }]);
  checkPeriods(periods);
  checkTextOptions(opts);
  const width = sizeOption(opts.width, 760, 320, ['options', 'width']);
  const height = sizeOption(opts.height, 420, 240, ['options', 'height']);
  const sides = opts.sides ?? [...new Set(history.periods.flatMap((p) => Object.keys(p.bySide)))].sort();
  const colorOf = (side: string): string => safeColor(ownValue(opts.colors ?? {}, side), sideColor(side));
  const figures = history.periods.map((p) => sides.map((side) => ownValue(p.bySide, side) ?? { gainedKm2: 0, lostKm2: 0, netKm2: 0 }));

  const left = 64;
  const right = width - 20;
  const top = 118;
  const bottom = height - 70;
  const values = figures.flat().flatMap((f) => [f.gainedKm2, -f.lostKm2, f.netKm2]);
  const scale = niceScale(Math.min(0, ...values), Math.max(0, ...values), top, bottom);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="16" y="30" font-size="19" font-weight="bold" fill="#111">${escapeXml(opts.title ?? 'Ground gained and lost')}</text>`);
  if (opts.subtitle !== undefined) out.push(`<text x="16" y="52" font-size="13" fill="#555">${escapeXml(opts.subtitle)}</text>`);
  out.push(...legend(sides, colorOf, 16, 80, opts.net ?? 'line', sides.length === 1));

  // y axis: grid lines at the ticks, the unit over the labels, the zero line drawn last and darker.
  for (const tick of scale.ticks) {
    const y = px(scale.y(tick));
    out.push(`<line x1="${left}" y1="${y}" x2="${right}" y2="${y}" stroke="#e3e3e3" stroke-width="1"/>`);
    out.push(`<text x="${left - 8}" y="${px(scale.y(tick) + 4)}" font-size="11" fill="#555" text-anchor="end">${grouped(tick)}</text>`);
  }
  out.push(`<text x="${left - 8}" y="${top - 12}" font-size="11" font-weight="bold" fill="#555" text-anchor="end">km²</text>`);

  const n = figures.length;
  const band = (right - left) / Math.max(n, 1);
  const group = band * (n > 40 ? 0.9 : 0.76);
  const bar = group / Math.max(sides.length, 1);
  const y0 = scale.y(0);
  figures.forEach((row, i) => {
    row.forEach((f, s) => {
      const x = left + i * band + (band - group) / 2 + s * bar;
      const color = colorOf(sides[s]!);
      const title = `${history.periods[i]!.period} ${sides[s]}: gained ${formatNumber(f.gainedKm2, 1)} km², lost ${formatNumber(f.lostKm2, 1)} km², net ${formatNumber(f.netKm2, 1)} km²`;
      out.push(`<g><title>${escapeXml(title)}</title>`);
      if (f.gainedKm2 > 0) out.push(`<rect x="${px(x)}" y="${px(scale.y(f.gainedKm2))}" width="${px(bar)}" height="${px(y0 - scale.y(f.gainedKm2))}" fill="${color}"/>`);
      if (f.lostKm2 > 0) out.push(`<rect x="${px(x)}" y="${px(y0)}" width="${px(bar)}" height="${px(scale.y(-f.lostKm2) - y0)}" fill="${color}" fill-opacity="0.4"/>`);
      out.push('</g>');
    });
  });
  out.push(`<line x1="${left}" y1="${px(y0)}" x2="${right}" y2="${px(y0)}" stroke="#333" stroke-width="1"/>`);
  sides.forEach((side, s) => {
    const stroke = sides.length === 1 ? '#222' : colorOf(side);
    const points = figures.map((row, i) => [left + i * band + band / 2, scale.y(row[s]!.netKm2)] as const);
    if ((opts.net ?? 'line') === 'line' && points.length > 1) out.push(`<polyline points="${points.map(([x, y]) => `${px(x)},${px(y)}`).join(' ')}" fill="none" stroke="${stroke}" stroke-width="1.5"/>`);
    const r = Math.max(1.5, Math.min(3.5, band / 5));
    for (const [x, y] of points) out.push(`<circle cx="${px(x)}" cy="${px(y)}" r="${px(r)}" fill="${stroke}" stroke="#fff" stroke-width="1"/>`);
  });
  out.push(...xLabels(history.periods.map((p) => p.period), left, band, bottom));
  if (n === 0) out.push(`<text x="${px((left + right) / 2)}" y="${px((top + bottom) / 2)}" font-size="13" fill="#777" text-anchor="middle">No change to show: the history has no periods.</text>`);
  if (opts.source !== undefined) out.push(`<text x="16" y="${height - 12}" font-size="11" fill="#666">${escapeXml(opts.source)}</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function legend(sides: readonly string[], colorOf: (side: string) => string, x0: number, y: number, net: 'line' | 'markers', single: boolean): string[] {
  const out: string[] = [];
  let x = x0;
  const item = (swatch: string, label: string): void => {
    out.push(swatch.replaceAll('{x}', px(x)), `<text x="${px(x + 18)}" y="${y + 4}" font-size="12" fill="#333">${escapeXml(label)}</text>`);
    x += 18 + textWidth(label, 12) * 0.9 + 18;
  };
  for (const side of sides) {
    const color = colorOf(side);
    const stroke = single ? '#222' : color;
    const name = single ? '' : `${side} `;
    item(`<rect x="{x}" y="${y - 6}" width="12" height="10" fill="${color}"/>`, `${name}gained`);
    item(`<rect x="{x}" y="${y - 6}" width="12" height="10" fill="${color}" fill-opacity="0.4"/>`, `${name}lost (below the line)`);
    const line = net === 'line' ? `<line x1="{x}" y1="${y - 1}" x2="${px(x + 12)}" y2="${y - 1}" stroke="${stroke}" stroke-width="1.5"/>` : '';
    item(`${line}<circle cx="${px(x + 6)}" cy="${y - 1}" r="3" fill="${stroke}"/>`, `${name}net`);
  }
  return out;
}

/** Period labels under the axis: thinned to a stride at which none overlaps its neighbour. */
function xLabels(periods: readonly string[], left: number, band: number, bottom: number): string[] {
  const labels = periodLabels(periods);
  const months = periods.length > 0 && periods.every((p) => /^\d{4}-\d{2}$/.test(p));
  const widest = Math.max(0, ...labels.map((l) => Math.max(textWidth(l.first, 11), textWidth(l.second, 11))));
  const stride = labelStride(band, widest, 8, months);
  // Months are shown on the same calendar months every year (every third: Jan, Apr, Jul, Oct), counted from year 0.
  const shown = periods.map((p, i) => (months ? (Number(p.slice(0, 4)) * 12 + Number(p.slice(5)) - 1) % stride === 0 : i % stride === 0));
  const out: string[] = [];
  let yearShown = false;
  labels.forEach((label, i) => {
    if (!shown[i]) return;
    const x = px(left + i * band + band / 2);
    out.push(`<line x1="${x}" y1="${bottom}" x2="${x}" y2="${bottom + 4}" stroke="#999"/>`);
    out.push(`<text x="${x}" y="${bottom + 17}" font-size="11" fill="#333" text-anchor="middle">${escapeXml(label.first)}</text>`);
    // The year goes under the first shown label and under every shown label where it changes.
    const year = periods[i]!.slice(0, 4);
    const prior = periods.slice(0, i).filter((_, j) => shown[j]).at(-1)?.slice(0, 4);
    if (!yearShown || year !== prior) {
      out.push(`<text x="${x}" y="${bottom + 31}" font-size="11" fill="#777" text-anchor="middle">${escapeXml(label.second === '' ? year : label.second)}</text>`);
      yearShown = true;
    }
  });
  return out;
}

/** Each period has a string key and, per side, finite km² (callers outside TypeScript can pass anything). */
function checkPeriods(periods: readonly unknown[]): void {
  periods.forEach((value, i) => {
    const period = objectArg(value, ['history', 'periods', i], 'a period of controlHistory');
    stringArg(period['period'], ['history', 'periods', i, 'period']);
    const bySide = objectArg(period['bySide'], ['history', 'periods', i, 'bySide']);
    for (const side of Object.keys(bySide)) {
      const figures = objectArg(bySide[side], ['history', 'periods', i, 'bySide', side]);
      for (const key of ['gainedKm2', 'lostKm2', 'netKm2']) {
        if (typeof figures[key] !== 'number' || !Number.isFinite(figures[key])) {
          throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: ['history', 'periods', i, 'bySide', side, key], message: 'expected a finite number of km²' }]);
        }
      }
    }
  });
}

function checkTextOptions(opts: ChartOptions): void {
  for (const key of ['title', 'subtitle', 'source'] as const) if (opts[key] !== undefined) stringArg(opts[key], ['options', key]);
  if (opts.sides !== undefined) {
    if (!Array.isArray(opts.sides)) throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: ['options', 'sides'], message: 'expected an array of side ids' }]);
    opts.sides.forEach((side, i) => stringArg(side, ['options', 'sides', i], 'a side id'));
  }
  if (opts.colors !== undefined) objectArg(opts.colors, ['options', 'colors']);
  if (opts.net !== undefined && opts.net !== 'line' && opts.net !== 'markers') {
    throw new ContestedError('invalid-input', [{ code: 'invalid-value', path: ['options', 'net'], message: "expected 'line' or 'markers'" }]);
  }
}

function sizeOption(value: unknown, fallback: number, min: number, path: (string | number)[]): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > 4000) {
    throw new ContestedError('invalid-input', [{ code: 'out-of-range', path, message: `expected a number of pixels from ${min} to 4000` }]);
  }
  return value;
}

function px(value: number): string {
  return formatNumber(value, 1);
}

/** A tick value with thousands separated by a comma, locale-independent. */
function grouped(value: number): string {
  const text = formatNumber(value, 2);
  const [integer = '', fraction] = text.split('.');
  const withCommas = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (fraction === undefined ? withCommas : `${withCommas}.${fraction}`).replace(/^-/, '−');
}
