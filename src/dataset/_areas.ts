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
import { areaCoordinates } from '../geometry/boolean.js';
import type { AreaRef } from '../places/areaRef.js';
import { resolveAreaAt } from '../places/_resolveAt.js';
import type { Dataset } from './schema.js';

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
  const check = (area: AreaRef | undefined, path: IssuePath, warnIfEmpty: boolean): void => {
    if (area === undefined) return;
    if (typeof area === 'string') {
      let found = byPlace.get(area);
      if (found === undefined) {
        found = problemsOf(() => resolveAreaAt(dataset, area, [])).issues;
        byPlace.set(area, found);
      }
      issues.push(...found.map((i) => ({ ...i, path: [...path, ...i.path] })));
      return;
    }
    const run = 'geometry' in area ? () => areaCoordinates(area.geometry, ['geometry']).length : () => resolveAreaAt(dataset, area, []).coordinates.length;
    const outcome = problemsOf(run);
    issues.push(...outcome.issues.map((i) => ({ ...i, path: [...path, ...i.path] })));
    if (warnIfEmpty && outcome.issues.length === 0 && outcome.value === 0) {
      warnings.push({
        code: 'empty-area',
        path,
        message: 'this claim\'s area resolves to no ground (an intersection of places that do not overlap, or a side of a line the area lies wholly beyond), so it appears on no map: check the expression, or drop the claim',
      });
    }
  };
  (dataset.claims ?? []).forEach((c, i) => check(c.area, ['claims', i, 'area'], true));
  (dataset.evidence ?? []).forEach((e, i) => check(e.area, ['evidence', i, 'area'], false));
  (dataset.events ?? []).forEach((e, i) => check(e.area, ['events', i, 'area'], false));
  return { issues, warnings };
}

function problemsOf<T>(run: () => T): { issues: ContestedIssue[]; value?: T } {
  try {
    return { issues: [], value: run() };
  } catch (error) {
    if (isContestedError(error)) return { issues: error.issues };
    throw error;
  }
}
