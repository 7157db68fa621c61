/**
 * Layout and the document of the SVG writer. The page is a header (only
 * when a title is given), the map frame with the legend panel to its right
 * (north arrow on top), and a footer with the scale bar and the projection
 * note. The map is drawn in a nested `<svg>`, which clips what falls outside
 * the frame without needing an id (so several maps can share one HTML page).
 *
 * @module
 */
import type { Position } from 'geojson';
import { ContestedError } from '../errors/index.js';
import { ARROW_HEIGHT, legendHeight, legendMarkup, legendWidth, noteMarkup, northArrowMarkup, scaleBarMarkup } from './_svgFurniture.js';
import { BASEMAP_FILL, basemapLayer, lineLayer, pointLayer, regionLayer } from './_svgLayers.js';
import { labelLayer } from './_svgLabels.js';
import { element, escapeXml, formatLength, formatNumber, textElement } from './_svgMarkup.js';
import { patternDefs } from './_svgPatterns.js';
import type { PlaceLabel } from './_svgPlaces.js';
import type { SvgLineShape } from './_svgFeatures.js';
import { aspectOf, boundsOf, fitProjection, roundLength, type Bounds, type Frame } from './_svgProjection.js';
import type { LegendEntry, Scene } from './_svgScene.js';
import { quote } from '../_lib/quote.js';

/** Options checked, defaults filled in. */
export interface Settings {
  width: number;
  height: number | undefined;
  padding: number;
  decimals: number;
  legend: boolean;
}

const HEADER = 34;
const FOOTER = 52;
const CREDIT_LINE = 13;

/** What the writer adds around the input's own shapes: place furniture, labels, the credit line. */
export interface Furniture {
  /** Lines drawn over the regions that do not widen the view: place lines, outlines, the front line. */
  lines: SvgLineShape[];
  labels: PlaceLabel[];
  /** What the basemap is, for its legend row; no row when undefined. */
  basemapName: string | undefined;
  /** Sources to credit, in order, each once. */
  credits: string[];
}
const GAP = 14;
const ARROW_PANEL = 40;

/** Checks the numeric and flag options, with paths into `options`. */
export function checkOptions(options: {
  width?: number; height?: number; padding?: number; decimals?: number; legend?: boolean; title?: string; description?: string;
}): Settings {
  const issues: { code: string; path: (string | number)[]; message: string }[] = [];
  const number = (key: 'width' | 'height' | 'padding' | 'decimals', min: number, max: number, integer: boolean): number | undefined => {
    const value: unknown = options[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      issues.push({ code: 'out-of-range', path: ['options', key], message: `${key} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}; got ${quote(value)}` });
    }
    return typeof value === 'number' ? value : undefined;
  };
  const width = number('width', 320, 10_000, false) ?? 800;
  const height = number('height', 200, 10_000, false);
  const padding = number('padding', 0, 200, false) ?? 16;
  const decimals = number('decimals', 0, 6, true) ?? 1;
  for (const key of ['title', 'description'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'string') issues.push({ code: 'invalid-type', path: ['options', key], message: `${key} must be a string` });
  }
  if (options.legend !== undefined && typeof options.legend !== 'boolean') issues.push({ code: 'invalid-type', path: ['options', 'legend'], message: 'legend must be true or false' });
  if (issues.length > 0) throw new ContestedError('invalid-input', issues);
  return { width, height, padding, decimals, legend: options.legend ?? true };
}

/** The box of everything the scene draws (not the basemap, not the furniture): what the view fits. */
export function sceneBounds(scene: Pick<Scene, 'regions' | 'lines' | 'points'>): Bounds | undefined {
  const positions = function* (): Generator<Position> {
    for (const r of scene.regions) for (const p of r.polygons) for (const ring of p) yield* ring;
    for (const l of scene.lines) for (const part of l.lines) yield* part;
    for (const p of scene.points) yield p.position;
  };
  return boundsOf(positions());
}

/**
 * The view: the data's box, widened by a fifth on each side when a basemap
 * is drawn, so the ground around the data shows (never past the basemap).
 */
function withMargin(bounds: Bounds | undefined, basemap: readonly Position[][][]): Bounds | undefined {
  const ground = boundsOf(basemap.flat(2));
  if (bounds === undefined || ground === undefined) return bounds;
  const dx = (bounds.east - bounds.west) * 0.2;
  const dy = (bounds.north - bounds.south) * 0.2;
  return {
    west: Math.max(Math.min(bounds.west, ground.west), bounds.west - dx),
    east: Math.min(Math.max(bounds.east, ground.east), bounds.east + dx),
    south: Math.max(Math.min(bounds.south, ground.south), bounds.south - dy),
    north: Math.min(Math.max(bounds.north, ground.north), bounds.north + dy),
  };
}

/** The credit line's text, wrapped into lines of at most `chars` characters. */
function creditLines(credits: readonly string[], chars: number): string[] {
  if (credits.length === 0) return [];
  const words = `Sources: ${credits.join(' · ')}`.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Legend rows: the scene's areas, the basemap, then titled lines and points (each title and colour once). */
function legendOf(scene: Scene, basemapName: string | undefined): LegendEntry[] {
  const entries = [...scene.legend];
  if (basemapName !== undefined) entries.push({ kind: 'area', label: basemapName, color: BASEMAP_FILL, opacity: 1, detail: undefined });
  const seen = new Set<string>();
  const add = (kind: 'line' | 'point', label: string | undefined, color: string, dash: string | undefined, detail: string | undefined): void => {
    const key = `${kind}\u0000${label ?? ''}\u0000${color}\u0000${dash ?? ''}`;
    if (label === undefined || seen.has(key)) return;
    seen.add(key);
    entries.push({ kind, label, color, opacity: 1, detail, dash });
  };
  for (const line of scene.lines) add('line', line.title, line.stroke, line.dash, line.detail);
  for (const point of scene.points) add('point', point.title, point.color, undefined, undefined);
  return entries;
}

/** The whole document. */
export function drawMap(scene: Scene, basemap: Position[][][], settings: Settings, options: { title?: string; description?: string }, furniture: Furniture): string {
  const fmt = (n: number): string => formatNumber(n, settings.decimals);
  const drawn: Scene = { ...scene, lines: [...furniture.lines, ...scene.lines] };
  const legend = settings.legend ? legendOf(drawn, basemap.length > 0 ? furniture.basemapName : undefined) : [];
  const pad = settings.padding;
  const header = options.title === undefined ? 0 : HEADER;
  const panel = settings.legend ? legendWidth(legend) : ARROW_PANEL;
  const bounds = withMargin(sceneBounds(scene), basemap) ?? boundsOf(basemap.flat(2));
  const credits = creditLines(furniture.credits, Math.floor((settings.width - 2 * pad) / 5.4));
  const footer = FOOTER + credits.length * CREDIT_LINE;
  const frameWidth = settings.width - 2 * pad - panel - GAP;
  const panelNeeds = ARROW_HEIGHT + 8 + legendHeight(legend);
  const natural = bounds === undefined ? frameWidth * 0.6 : frameWidth * aspectOf(bounds);
  const frameHeight = settings.height === undefined
    ? Math.max(panelNeeds, Math.min(frameWidth * 1.6, Math.max(160, natural)))
    : Math.max(40, settings.height - 2 * pad - header - footer);
  const height = settings.height ?? Math.ceil(2 * pad + header + frameHeight + footer);
  const frame: Frame = { x: pad, y: pad + header, width: frameWidth, height: frameHeight };
  const panelX = frame.x + frame.width + GAP;

  const title = options.title ?? scene.name;
  const hasData = scene.regions.length + scene.lines.length + scene.points.length > 0;
  const parts: string[] = [
    element('title', [], escapeXml(title)),
    '',
    patternDefs([...scene.regions.map((r) => r.hatch), ...legend.map((e) => e.hatch)]),
    element('rect', [['width', '100%'], ['height', '100%'], ['fill', '#ffffff']]),
  ];
  if (options.title !== undefined) {
    parts.push(textElement([['class', 'heading'], ['x', fmt(pad)], ['y', fmt(pad + 18)], ['font-size', '17'], ['font-weight', 'bold']], options.title));
  }
  let sentence = `${scene.name}. `;
  sentence += legend.length === 0 ? (hasData ? '' : 'No data. ') : `${legend.map((e) => (e.detail === undefined ? e.label : `${e.label}: ${e.detail}`)).join('; ')}. `;
  const mapLayers: string[] = [element('rect', [['x', fmt(frame.x)], ['y', fmt(frame.y)], ['width', fmt(frame.width)], ['height', fmt(frame.height)], ['fill', '#fbfbfb']])];
  if (bounds !== undefined) {
    const projection = fitProjection(bounds, { x: frame.x + 8, y: frame.y + 8, width: frame.width - 16, height: frame.height - 16 });
    mapLayers.push(
      basemapLayer(basemap, projection, fmt),
      regionLayer(scene.regions, projection, fmt),
      lineLayer(drawn.lines, projection, fmt),
      pointLayer(scene.points, projection, fmt),
    );
    const labels = labelLayer(furniture.labels, drawn.lines, scene.points, projection, frame, fmt);
    mapLayers.push(labels.markup);
    if (labels.dropped.length > 0) sentence += `Left out for lack of room: the label${labels.dropped.length === 1 ? '' : 's'} ${labels.dropped.join(', ')}. `;
    const metres = roundLength(projection, Math.min(frame.width / 3, 240));
    const pixels = projection.pixelsOf(metres);
    const latitude = `${Math.abs(projection.centreLat).toFixed(2)}° ${projection.centreLat < 0 ? 'S' : 'N'}`;
    parts.push(
      scaleBarMarkup(metres, pixels, frame.x, frame.y + frame.height + 10, fmt),
      textElement([['class', 'projection'], ['x', fmt(frame.x)], ['y', fmt(frame.y + frame.height + 44)], ['font-size', '10'], ['fill', '#666666']], `Equirectangular projection, true to scale at ${latitude}; areas in km² on the WGS84 ellipsoid`),
      northArrowMarkup(settings.legend ? panelX + 8 : panelX + ARROW_PANEL / 2, frame.y, fmt),
    );
    credits.forEach((line, i) => {
      parts.push(textElement([['class', 'credit'], ['x', fmt(frame.x)], ['y', fmt(frame.y + frame.height + 44 + (i + 1) * CREDIT_LINE)], ['font-size', '9'], ['fill', '#666666']], line));
    });

    sentence += `Equirectangular projection true to scale at ${latitude}; scale bar ${formatLength(metres)}.`;
    if (credits.length > 0) sentence += ` ${credits.join(' ')}`;
  }
  if (!hasData) mapLayers.push(noteMarkup(frame.x + frame.width / 2, frame.y + frame.height / 2, 'no data', fmt));
  parts[1] = element('desc', [], escapeXml(options.description ?? sentence.trim()));
  parts.push(element('svg', [['class', 'map'], ['x', fmt(frame.x)], ['y', fmt(frame.y)], ['width', fmt(frame.width)], ['height', fmt(frame.height)],
    ['viewBox', `${fmt(frame.x)} ${fmt(frame.y)} ${fmt(frame.width)} ${fmt(frame.height)}`], ['overflow', 'hidden']], mapLayers.join('')));
  if (legend.length > 0) parts.push(legendMarkup(legend, panelX, frame.y + ARROW_HEIGHT + 8, panel, fmt));
  const root: [string, string][] = [
    ['xmlns', 'http://www.w3.org/2000/svg'],
    ['width', fmt(settings.width)],
    ['height', fmt(height)],
    ['viewBox', `0 0 ${fmt(settings.width)} ${fmt(height)}`],
    ['font-family', 'sans-serif'],
    ['role', 'img'],
  ];
  return `${element('svg', root, parts.join(''))}\n`;
}
