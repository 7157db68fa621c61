/**
 * The last check of a dataset: every area expression of every claim, piece
 * of evidence and event resolves to ground. Schema and references can all be
 * right while an expression still fails — a split line that misses its area,
 * a place whose geometry is a point used as an area, an inline polygon whose
 * edge crosses the antimeridian — and such a dataset would parse and then
 * fail in the first diff. Place ids are resolved once each; inline
 * geometry is checked as the overlays will read it, without clipping.
 */
import type { ContestedIssue, IssuePath } from '../errors/index.js';
import { isContestedError } from '../errors/index.js';
import { engineErrorAt } from '../_lib/reroot.js';
import { areaCoordinates } from '../geometry/boolean.js';
import { AreaRef, areaRefPlaces } from '../places/areaRef.js';
import { resolveAreaAt } from '../places/_resolveAt.js';
import { Place } from '../places/schema.js';
import type { Claim } from '../claims/schema.js';
import type { Evidence } from '../evidence/schema.js';
import type { Event } from '../events/schema.js';
import type { Dataset } from './schema.js';

/**
 * The area check on input that failed its schema or integrity checks, so
 * that one pass reports all three kinds of problem: every area that parses
 * as an AreaRef is resolved against the places that parse. Issues at a path
 * already reported (`reported`) are left out, so a reference to an unknown
 * place is reported once, by the integrity check.
 */
export function unresolvableAreasOf(input: unknown, reported: readonly ContestedIssue[]): ContestedIssue[] {
  if (input === null || typeof input !== 'object') return [];
  const raw = input as Record<string, unknown>;
  const items = (key: string): unknown[] => (Array.isArray(raw[key]) ? (raw[key] as unknown[]) : []);
  const places: Place[] = [];
  // A place that fails its own schema is reported there; areas naming it are not checked again.
  const broken = new Set<unknown>();
  for (const p of items('places')) {
    const parsed = Place.safeParse(p);
    if (parsed.success) places.push(parsed.data);
    else if (p !== null && typeof p === 'object') broken.add((p as { id?: unknown }).id);
  }
  const areaOf = (item: unknown): AreaRef | undefined => {
    if (item === null || typeof item !== 'object') return undefined;
    const parsed = AreaRef.safeParse((item as { area?: unknown }).area);
    if (!parsed.success || areaRefPlaces(parsed.data).some((place) => broken.has(place.id))) return undefined;
    return parsed.data;
  };
  const view = {
    places,
    claims: items('claims').map((c) => ({ area: areaOf(c) })),
    evidence: items('evidence').map((e) => ({ area: areaOf(e) })),
    events: items('events').map((e) => ({ area: areaOf(e) })),
  } as unknown as Dataset;
  const prefix = (a: IssuePath, b: IssuePath): boolean => a.length <= b.length && a.every((part, i) => part === b[i]);
  return unresolvableAreas(view).issues.filter((issue) => !reported.some((r) => prefix(r.path, issue.path) || prefix(issue.path, r.path)));
}

/**
 * Issues for every area expression of the dataset that does not resolve,
 * and warnings for every claim whose area resolves to no ground at all (an
 * intersection of places that do not overlap, a side of a line the area
 * lies wholly beyond): such a claim is valid, and says nothing on any map.
 */
export function unresolvableAreas(dataset: Dataset): { issues: ContestedIssue[]; warnings: ContestedIssue[] } {
  const issues: ContestedIssue[] = [];
  const warnings: ContestedIssue[] = [];
  const byPlace = new Map<string, ContestedIssue[]>();
  // The path [kind, i, 'area'] is built only for an area with something to report.
  const report = (found: readonly ContestedIssue[], kind: string, i: number): void => {
    for (const issue of found) issues.push({ ...issue, path: [kind, i, 'area', ...issue.path] });
  };
  const check = (area: AreaRef | undefined, kind: string, i: number, warnIfEmpty: boolean): void => {
    if (area === undefined) return;
    if (typeof area === 'string') {
      let found = byPlace.get(area);
      if (found === undefined) {
        const outcome = groundOf(dataset, area, kind, i);
        found = typeof outcome === 'number' ? [] : outcome;
        byPlace.set(area, found);
      }
      if (found.length > 0) report(found, kind, i);
      return;
    }
    const outcome = groundOf(dataset, area, kind, i);
    if (typeof outcome !== 'number') report(outcome, kind, i);
    else if (warnIfEmpty && outcome === 0) {
      warnings.push({
        code: 'empty-area',
        path: [kind, i, 'area'],
        message: 'this claim\'s area resolves to no ground (an intersection of places that do not overlap, or a side of a line the area lies wholly beyond), so it appears on no map: check the expression, or drop the claim',
      });
    }
  };
  const claims = dataset.claims ?? [];
  for (let i = 0; i < claims.length; i++) check((claims[i] as Claim).area, 'claims', i, true);
  const evidence = dataset.evidence ?? [];
  for (let i = 0; i < evidence.length; i++) check((evidence[i] as Evidence).area, 'evidence', i, false);
  const events = dataset.events ?? [];
  for (let i = 0; i < events.length; i++) check((events[i] as Event).area, 'events', i, false);
  return { issues, warnings };
}

/**
 * How many polygons an area resolves to, or its problems. An engine
 * failure is not the data's problem: it is thrown on, so that the caller
 * reports it as `geometry-engine`, rooted at the area's path (`kind`, `i`).
 * An inline geometry is checked as the overlays will read it (its
 * overlapping parts united), not clipped to anything.
 */
function groundOf(dataset: Dataset, area: AreaRef, kind: string, i: number): number | ContestedIssue[] {
  try {
    return typeof area !== 'string' && 'geometry' in area ? areaCoordinates(area.geometry, ['geometry']).length : resolveAreaAt(dataset, area, []).coordinates.length;
  } catch (error) {
    if (!isContestedError(error)) throw error;
    if (error.code === 'geometry-engine') throw engineErrorAt(error, [kind, i, 'area']);
    return error.issues;
  }
}
