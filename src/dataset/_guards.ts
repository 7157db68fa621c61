/**
 * The checks that run on raw input before any schema sees it. The input is
 * walked once, without recursion, to measure its nesting and size against
 * `limits` (so a hostile file is refused before recursive schemas could
 * overflow the stack or the parser could pay for it) and to find own
 * `__proto__` keys, which `JSON.parse` creates and zod drops without a word;
 * they are reported instead. Area expressions are measured separately so a
 * too-deep one is reported where it is.
 */
import type { ContestedError, ContestedIssue } from '../errors/index.js';
import { areaRefDepth } from '../places/areaRef.js';
import { limitExceeded, type Limits } from '../_lib/limits.js';

export interface Walked {
  /** Where the input first nests deeper than the limit, if it does. */
  deepAt: (string | number)[] | undefined;
  /** The first size limit the input passes, if any. */
  tooLarge?: ContestedError;
  /** Every own `__proto__` key: zod skips them silently, so we report them. */
  protoKeys: (string | number)[][];
}

interface WalkNode {
  value: unknown;
  depth: number;
  key: string | number | undefined;
  parent: WalkNode | undefined;
}

function pathOf(node: WalkNode): (string | number)[] {
  const path: (string | number)[] = [];
  for (let n: WalkNode | undefined = node; n?.key !== undefined; n = n.parent) path.unshift(n.key);
  return path;
}

/**
 * Walks the input without recursion: measures nesting (giving up past
 * `limit`) and finds own `__proto__` keys, which `JSON.parse` creates and
 * zod would drop without a word.
 */
export function walk(value: unknown, limits: Limits): Walked {
  const protoKeys: (string | number)[][] = [];
  const stack: WalkNode[] = [{ value, depth: 1, key: undefined, parent: undefined }];
  // Sizes are summed from array lengths before their items are visited, so
  // an oversize input is refused before the walk pays for it.
  let vertices = 0;
  let items = 0;
  const tooLarge = (error: ContestedError): Walked => ({ deepAt: undefined, protoKeys, tooLarge: error });
  const longString = (s: unknown): boolean => typeof s === 'string' && s.length > limits.maxStringLength;
  if (longString(value)) return tooLarge(limitExceeded('maxStringLength', limits.maxStringLength, (value as string).length, []));
  while (stack.length > 0) {
    const node = stack.pop() as WalkNode;
    if (node.depth > limits.maxDepth) return { deepAt: pathOf(node), protoKeys };
    const v = node.value;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      const first: unknown = v[0];
      if (Array.isArray(first) && typeof first[0] === 'number') {
        vertices += v.length;
        if (vertices > limits.maxVertices) return tooLarge(limitExceeded('maxVertices', limits.maxVertices, vertices, pathOf(node), true));
      } else if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
        items += v.length;
        if (items > limits.maxFeatures) return tooLarge(limitExceeded('maxFeatures', limits.maxFeatures, items, pathOf(node), true));
      }
      for (let i = 0; i < v.length; i++) {
        const child: unknown = v[i];
        // A position ([lon, lat] of numbers) holds nothing to walk into: a
        // node for each of a dataset's 100,000 positions is most of the cost.
        if (Array.isArray(child) && isNumbers(child)) {
          if (node.depth + 1 > limits.maxDepth) return { deepAt: [...pathOf(node), i], protoKeys };
        } else if (child !== null && typeof child === 'object') stack.push({ value: child, depth: node.depth + 1, key: i, parent: node });
        else if (longString(child)) return tooLarge(limitExceeded('maxStringLength', limits.maxStringLength, (child as string).length, [...pathOf(node), i]));
      }
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(v, '__proto__')) protoKeys.push([...pathOf(node), '__proto__']);
    const record = v as Record<string, unknown>;
    for (const key in record) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
      const child = record[key];
      if (longString(key)) return tooLarge(limitExceeded('maxStringLength', limits.maxStringLength, key.length, pathOf(node)));
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: node.depth + 1, key, parent: node });
      else if (longString(child)) return tooLarge(limitExceeded('maxStringLength', limits.maxStringLength, (child as string).length, [...pathOf(node), key]));
    }
  }
  return { deepAt: undefined, protoKeys };
}

function isNumbers(values: readonly unknown[]): boolean {
  for (const x of values) if (typeof x !== 'number') return false;
  return true;
}

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
