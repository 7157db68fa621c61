/**
 * The checks that run on raw input before any schema sees it. The input is
 * walked once, without recursion, to measure its nesting and size against
 * `limits` (so a hostile file is refused before recursive schemas could
 * overflow the stack or the parser could pay for it) and to find own
 * `__proto__` keys, which `JSON.parse` creates and zod drops without a word;
 * they are reported instead. Area expressions are measured separately so a
 * too-deep one is reported where it is.
 */
import type { ContestedIssue } from '../errors/index.js';
import { areaRefDepth } from '../places/areaRef.js';
import type { Limits } from '../_lib/limits.js';
import type { Walked } from '../_lib/walk.js';

/** Issues for own `__proto__` keys that the schema did not already report. */
export function protoIssues(paths: (string | number)[][], reported: readonly ContestedIssue[]): ContestedIssue[] {
  const seen = new Set(reported.map((i) => JSON.stringify(i.path)));
  return paths
    .filter((path) => !seen.has(JSON.stringify(path)))
    .map((path) => ({ code: 'forbidden-key', path, message: 'the key "__proto__" cannot be stored: rename it' }));
}

/**
 * Refuses input that would make recursive schemas overflow the stack. Area
 * expressions are measured first, so that a too-deep one is reported where
 * it is (`claims[3].area`) rather than at the root.
 */
export function guardDepth(input: unknown, areaPaths: boolean, walked: Walked, limits: Limits): ContestedIssue[] {
  const issues: ContestedIssue[] = [];
  const check = (value: unknown, path: (string | number)[]): void => {
    if (areaRefDepth(value, limits.maxAreaDepth + 1) > limits.maxAreaDepth) {
      issues.push({ code: 'too-deep', path, message: `area expression nests deeper than ${limits.maxAreaDepth} levels` });
    }
  };
  if (areaPaths && input !== null && typeof input === 'object') {
    const rec = input as Record<string, unknown>;
    for (const kind of ['claims', 'evidence', 'events'] as const) {
      const items = rec[kind];
      if (Array.isArray(items)) {
        items.forEach((item: unknown, i) => {
          if (item !== null && typeof item === 'object') check((item as Record<string, unknown>)['area'], [kind, i, 'area']);
        });
      }
    }
  }
  if (issues.length === 0 && walked.deepAt !== undefined) {
    issues.push({ code: 'too-deep', path: walked.deepAt, message: `input nests deeper than ${limits.maxDepth} levels` });
  }
  return issues;
}
