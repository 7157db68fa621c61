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

/** Issues for every area expression of the dataset that does not resolve. */
export function unresolvableAreas(dataset: Dataset): ContestedIssue[] {
  const issues: ContestedIssue[] = [];
  const byPlace = new Map<string, ContestedIssue[]>();
  const check = (area: AreaRef | undefined, path: IssuePath): void => {
    if (area === undefined) return;
    if (typeof area === 'string') {
      let found = byPlace.get(area);
      if (found === undefined) {
        found = problemsOf(() => resolveAreaAt(dataset, area, []));
        byPlace.set(area, found);
      }
      issues.push(...found.map((i) => ({ ...i, path: [...path, ...i.path] })));
      return;
    }
    const run = 'geometry' in area ? () => areaCoordinates(area.geometry, ['geometry']) : () => resolveAreaAt(dataset, area, []);
    issues.push(...problemsOf(run).map((i) => ({ ...i, path: [...path, ...i.path] })));
  };
  (dataset.claims ?? []).forEach((c, i) => check(c.area, ['claims', i, 'area']));
  (dataset.evidence ?? []).forEach((e, i) => check(e.area, ['evidence', i, 'area']));
  (dataset.events ?? []).forEach((e, i) => check(e.area, ['events', i, 'area']));
  return issues;
}

function problemsOf(run: () => unknown): ContestedIssue[] {
  try {
    run();
    return [];
  } catch (error) {
    if (isContestedError(error)) return error.issues;
    throw error;
  }
}
