/**
 * What the SVG writer draws, read from whichever result it was given: a
 * control map, a claim diff, a control change, an N-way comparison or any
 * simplestyle FeatureCollection. Each becomes the same neutral scene —
 * coloured regions, lines, points, and legend entries with km² and share —
 * so that layout and drawing never need to know where the picture came from.
 *
 * @module
 */
import type { Position } from 'geojson';
import { DIFF_LABELS, type DiffLabel } from '../diff/diffClaims.js';
import { areaKm2 } from '../geometry/measure.js';
import { describe, invalidInput } from '../geometry/_input.js';
import { formatKm2, formatShare, safeColor, safeNumber } from './_svgMarkup.js';
import { CONTESTED_HATCH, DIFF_COLORS, DIFF_OPACITY, advancingHatch, type Hatch } from '../style/palette.js';
import { featuresOf, lineShape, pointShapesOfFeature, titleOf, type FeatureShapes, type SvgLineShape, type SvgPointShape } from './_svgFeatures.js';

/** A region to fill. */
export interface SceneRegion {
  polygons: Position[][][];
  fill: string;
  fillOpacity: number;
  stroke: string;
  strokeWidth: number;
  tooltip: string;
  /** Stripes drawn instead of the flat fill: contested and advancing ground. */
  hatch?: Hatch | undefined;
  /** A dotted outline: ground nobody speaks of. */
  dotted?: boolean | undefined;
}

/** A legend row: an area (with km² and share when known), a line or a point. */
export interface LegendEntry {
  kind: 'area' | 'line' | 'point';
  label: string;
  color: string;
  opacity: number;
  detail: string | undefined;
  /** `stroke-dasharray` of a line entry (or of an area's outline). */
  dash?: string | undefined;
  /** The hatch of an area entry. */
  hatch?: Hatch | undefined;
}

/** Everything to draw, whatever the input was. */
export interface Scene {
  /** What the input was, for the default title: `Claim diff` … */
  name: string;
  regions: SceneRegion[];
  lines: SvgLineShape[];
  points: SvgPointShape[];
  legend: LegendEntry[];
}

/** Names for the two parties of a diff, used in its legend. */
export interface PartyNames {
  a: string;
  b: string;
}

const FALLBACK_FILL = '#888888';

/** Reads any accepted input into a scene. */
export function sceneOf(input: unknown, parties: PartyNames | undefined): Scene {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw notAccepted(input);
  const value = input as Record<string, unknown>;
  if ('regions' in value && 'summary' in value && 'parties' in value) return diffScene(value, parties);
  if ('regions' in value && 'bySide' in value) return changeScene(featuresOf(value['regions'], ['regions']));
  if ('regions' in value && 'claimants' in value) return groupedScene('Claimant comparison', featuresOf(value['regions'], ['regions']), comparisonLabel);
  if (value['type'] === 'FeatureCollection') {
    const name = Array.isArray(value['overruled']) ? 'Control map' : 'Map';
    return groupedScene(name, featuresOf(value, []), (p) => titleOf(p) ?? 'untitled');
  }
  throw notAccepted(input);
}

function notAccepted(input: unknown): Error {
  return invalidInput([], `expected a control map, a claim diff, a control change, a claimant comparison or a FeatureCollection; got ${describe(input)}`);
}

/** Regions grouped in the legend by a label, in order of first appearance; shares are of all regions drawn. */
function groupedScene(name: string, features: FeatureShapes[], labelOf: (p: FeatureShapes['properties']) => string): Scene {
  const regions: SceneRegion[] = [];
  const groups = new Map<string, LegendEntry & { km2: number }>();
  let total = 0;
  for (const shapes of features) {
    if (shapes.polygons.length === 0) continue;
    const region = regionOf(shapes, FALLBACK_FILL);
    const km2 = km2Of(shapes);
    const label = labelOf(shapes.properties);
    const hatch = hatchOf(shapes.properties, region.fill);
    const dotted = isSilent(shapes.properties);
    total += km2;
    regions.push({ ...region, hatch, dotted, tooltip: `${label} — ${formatKm2(km2)}` });
    const key = `${label}\u0000${region.fill}\u0000${hatch === undefined ? '' : hatch.color}`;
    const group = groups.get(key) ?? { kind: 'area' as const, label, color: region.fill, opacity: region.fillOpacity, detail: undefined, km2: 0, hatch, dash: dotted ? DOTS : undefined };
    group.km2 += km2;
    groups.set(key, group);
  }
  const legend: LegendEntry[] = [...groups.values()].map(({ km2, ...entry }) => ({
    ...entry,
    detail: total > 0 ? `${formatKm2(km2)} · ${formatShare(km2 / total)}` : formatKm2(km2),
  }));
  const lines = features.filter((s) => s.lines.length > 0).map(lineShape);
  const points = features.flatMap(pointShapesOfFeature);
  return { name, regions, lines, points, legend };
}

const DOTS = '2 2';

/** Whether a region's properties say nobody speaks of it (a comparison's silent ground). */
function isSilent(p: FeatureShapes['properties']): boolean {
  return p['speakers'] === 0;
}

/**
 * The hatch of a region, read from what it says rather than its colour:
 * contested ground (a control map's `status`, a comparison's `consensus`) is
 * hatched grey; ground a side advances into, in the side's colour.
 */
function hatchOf(p: FeatureShapes['properties'], fill: string): Hatch | undefined {
  const consensus = p['consensus'];
  const state = consensus !== null && typeof consensus === 'object' ? (consensus as Record<string, unknown>) : p;
  if (state['status'] === 'contested') return CONTESTED_HATCH;
  if (state['status'] === 'advancing') return advancingHatch(fill);
  return undefined;
}

/** What a change region's `from` or `to` says, when it says anything. */
function stateOf(value: unknown): { status: unknown; side: unknown } | null {
  return value !== null && typeof value === 'object' ? (value as { status: unknown; side: unknown }) : null;
}

/**
 * A control change, grouped into the few transitions a reader needs: ground
 * gained by each side (in the side's colour), ground that turned contested
 * or advanced into (hatched grey), and ground no claim covers any more
 * (dotted outline). The exact transition of every region stays in its
 * tooltip. Gains are listed first, largest first.
 */
function changeScene(features: FeatureShapes[]): Scene {
  interface Group extends LegendEntry { km2: number; rank: number }
  const groups = new Map<string, Group>();
  const regions: SceneRegion[] = [];
  let total = 0;
  for (const shapes of features) {
    if (shapes.polygons.length === 0) continue;
    const p = shapes.properties;
    const to = stateOf(p['to']);
    const region = regionOf(shapes, FALLBACK_FILL);
    const km2 = km2Of(shapes);
    total += km2;
    let key: string;
    let entry: Omit<Group, 'km2'>;
    let hatch: Hatch | undefined;
    let dotted = false;
    if (to !== null && to.status === 'controlled' && typeof to.side === 'string') {
      key = `gained\u0000${to.side}`;
      entry = { kind: 'area', label: `gained by ${to.side}`, color: region.fill, opacity: region.fillOpacity, detail: undefined, rank: 0 };
    } else if (to !== null) {
      key = 'contested';
      hatch = CONTESTED_HATCH;
      entry = { kind: 'area', label: 'turned contested or advanced into', color: CONTESTED_HATCH.color, opacity: 1, detail: undefined, hatch, rank: 1 };
    } else {
      key = 'unclaimed';
      dotted = true;
      entry = { kind: 'area', label: 'no longer claimed', color: DIFF_COLORS.unclaimed, opacity: 1, detail: undefined, dash: DOTS, rank: 2 };
    }
    const fill = hatch === undefined ? (dotted ? DIFF_COLORS.unclaimed : region.fill) : CONTESTED_HATCH.color;
    const stroke = dotted ? '#777777' : hatch === undefined ? region.stroke : CONTESTED_HATCH.color;
    regions.push({ ...region, fill, stroke, fillOpacity: hatch === undefined && !dotted ? region.fillOpacity : 1, hatch, dotted, tooltip: `${titleOf(p) ?? 'changed'} — ${formatKm2(km2)}` });
    const group = groups.get(key) ?? { ...entry, km2: 0 };
    group.km2 += km2;
    groups.set(key, group);
  }
  const legend = [...groups.values()]
    .sort((a, b) => a.rank - b.rank || b.km2 - a.km2)
    .map(({ km2, rank: _rank, ...entry }): LegendEntry => ({ ...entry, detail: total > 0 ? `${formatKm2(km2)} · ${formatShare(km2 / total)}` : formatKm2(km2) }));
  return { name: 'Control change', regions, lines: [], points: [], legend };
}

/**
 * A comparison region's legend label: the agreed state's title where all
 * agree, otherwise the words for its `agreement` (an older comparison
 * without one reads as disputed).
 */
function comparisonLabel(p: FeatureShapes['properties']): string {
  if (p['speakers'] === 0) return 'nobody speaks';
  if (p['consensus'] === null || p['consensus'] === undefined) {
    const side = typeof p['side'] === 'string' ? p['side'] : undefined;
    switch (p['agreement']) {
      case 'agree-side':
        return side === undefined ? 'same side, status differs' : `${side} put forward by all, status differs`;
      case 'consistent':
        return 'consistent (all can be true)';
      case 'partial':
        return 'partial (contested vs held or advanced into)';
      default:
        return 'disputed';
    }
  }
  return titleOf(p) ?? 'agreed';
}

/** A diff: regions coloured by label, the legend in label order with the summary's km² and share of `within`. */
function diffScene(value: Record<string, unknown>, parties: PartyNames | undefined): Scene {
  const summary = value['summary'];
  if (summary === null || typeof summary !== 'object') throw invalidInput(['summary'], 'a claim diff needs a `summary` object');
  const regions: SceneRegion[] = [];
  const seen = new Set<DiffLabel>();
  featuresOf(value['regions'], ['regions']).forEach((shapes, i) => {
    const label = shapes.properties['label'];
    if (!isLabel(label)) throw invalidInput(['regions', 'features', i, 'properties', 'label'], `expected one of ${DIFF_LABELS.join(', ')}; got ${describe(label)}`);
    if (shapes.polygons.length === 0) return;
    seen.add(label);
    const description = shapes.properties['description'];
    const detail = typeof description === 'string' ? description : formatKm2(km2Of(shapes));
    regions.push({
      ...regionOf(shapes, DIFF_COLORS[label]),
      fill: DIFF_COLORS[label],
      fillOpacity: DIFF_OPACITY[label],
      stroke: label === 'unclaimed' ? '#777777' : DIFF_COLORS[label],
      dotted: label === 'unclaimed',
      tooltip: `${labelText(label, parties)} — ${detail}`,
    });
  });
  const legend = DIFF_LABELS.flatMap((label): LegendEntry[] => {
    const total = (summary as Record<string, unknown>)[label] as { km2?: unknown; share?: unknown } | undefined;
    const km2 = typeof total?.km2 === 'number' ? total.km2 : 0;
    if (!seen.has(label) && !(km2 > 0)) return [];
    const share = typeof total?.share === 'number' ? ` · ${formatShare(total.share)}` : '';
    const dash = label === 'unclaimed' ? DOTS : undefined;
    return [{ kind: 'area', label: labelText(label, parties), color: DIFF_COLORS[label], opacity: DIFF_OPACITY[label], detail: `${formatKm2(km2)}${share}`, dash }];
  });
  return { name: 'Claim diff', regions, lines: [], points: [], legend };
}

function isLabel(value: unknown): value is DiffLabel {
  return typeof value === 'string' && (DIFF_LABELS as readonly string[]).includes(value);
}

/** The words a reader sees for a diff label. */
function labelText(label: DiffLabel, parties: PartyNames | undefined): string {
  switch (label) {
    case 'only-a':
      return parties === undefined ? 'only A speaks' : `only ${parties.a} speaks`;
    case 'only-b':
      return parties === undefined ? 'only B speaks' : `only ${parties.b} speaks`;
    case 'conflict':
      return 'conflict (each says its side holds it)';
    case 'consistent':
      return 'consistent (both can be true)';
    case 'partial':
      return 'partial (status differs)';
    case 'unclaimed':
      return 'unclaimed (neither speaks)';
    default:
      return label;
  }
}

function regionOf(shapes: FeatureShapes, fallback: string): Omit<SceneRegion, 'tooltip'> {
  const p = shapes.properties;
  const fill = safeColor(p['fill'], fallback);
  return {
    polygons: shapes.polygons,
    fill,
    fillOpacity: safeNumber(p['fill-opacity'], 0, 1, 0.55),
    stroke: safeColor(p['stroke'], fill),
    strokeWidth: safeNumber(p['stroke-width'], 0, 20, 1),
  };
}

/** The region's `km2` property when it has one, its ellipsoidal area otherwise. */
function km2Of(shapes: FeatureShapes): number {
  const km2 = shapes.properties['km2'];
  if (typeof km2 === 'number' && Number.isFinite(km2)) return km2;
  return areaKm2({ type: 'MultiPolygon', coordinates: shapes.polygons });
}
