/**
 * Turns zod's issues into `contested`'s plain `{ code, path, message }`
 * records. zod reports a failed union as one issue holding every branch's
 * issues; a person reading the error wants the branch they evidently meant,
 * so we pick the branch whose issues reach deepest into the input.
 */
import type { z } from 'zod';
import type { ContestedIssue, IssuePath } from '../errors/index.js';
import { quote } from './quote.js';

type ZodIssue = z.core.$ZodIssue;

const CODE_NAMES: Record<string, string> = {
  invalid_type: 'invalid-type',
  too_small: 'too-small',
  too_big: 'too-big',
  invalid_format: 'invalid-format',
  not_multiple_of: 'not-multiple-of',
  unrecognized_keys: 'unknown-field',
  invalid_union: 'invalid-union',
  invalid_key: 'invalid-key',
  invalid_element: 'invalid-element',
  invalid_value: 'invalid-value',
  custom: 'invalid-value',
};

/**
 * Converts zod issues, prefixing each path with `base`. `input` is the value
 * that was parsed; it lets a failed union tell a misspelt field from a
 * wrong kind of object.
 */
export function fromZodIssues(issues: readonly ZodIssue[], base: IssuePath = [], input?: unknown): ContestedIssue[] {
  const out: ContestedIssue[] = [];
  for (const issue of issues) collect(issue, base, out, input);
  return out;
}

function collect(issue: ZodIssue, base: IssuePath, out: ContestedIssue[], root: unknown): void {
  const path = [...base, ...(issue.path as (string | number)[])];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const value = valueAt(root, issue.path as (string | number)[]);
    const best = pickBranch(issue.errors, value);
    // When no branch fits the value's shape — a wrong type altogether, or an
    // object none of whose keys a branch knows — the union's own message
    // ("expected an area: …") says more than any one branch's complaints.
    const misfit = best === undefined || best.every((i) => i.path.length === 0) || shapeMismatch(best, value);
    if (misfit && issue.message !== 'Invalid input') {
      const keys = isRecord(value) ? Object.keys(value) : [];
      const got = keys.length > 0 ? ` (got an object with ${keys.map((k) => JSON.stringify(k)).join(', ')})` : '';
      out.push({ code: 'invalid-type', path, message: `${issue.message}${got}` });
      return;
    }
    if (best !== undefined && best.length > 0) {
      for (const inner of best) collect(inner, path, out, value);
      return;
    }
  }
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      out.push({
        code: 'unknown-field',
        path: [...path, key],
        message: `unknown field ${quote(key)}: put fields of your own under "properties"`,
      });
    }
    return;
  }
  const custom = issue.code === 'custom' ? (issue.params as { contested?: unknown } | undefined)?.contested : undefined;
  out.push({
    code: typeof custom === 'string' ? custom : (CODE_NAMES[issue.code] ?? issue.code),
    path,
    message: issue.message,
  });
}

/**
 * The branch a person most likely meant: the one whose shape the value fits
 * best (fewest required fields missing plus unknown fields present), then
 * the one whose issues reach deepest (it got furthest), then the one with
 * the fewest issues.
 */
function pickBranch(branches: readonly (readonly ZodIssue[])[], value: unknown): readonly ZodIssue[] | undefined {
  let best: readonly ZodIssue[] | undefined;
  let bestFit = Infinity;
  let bestDepth = -1;
  for (const branch of branches) {
    const fit = misfit(branch, value);
    const depth = Math.max(0, ...branch.map((i) => i.path.length));
    const better =
      best === undefined || fit < bestFit || (fit === bestFit && (depth > bestDepth || (depth === bestDepth && branch.length < best.length)));
    if (better) {
      best = branch;
      bestFit = fit;
      bestDepth = depth;
    }
  }
  return best;
}

/** How badly the value's own keys fit a branch: missing required fields plus unknown fields. */
function misfit(branch: readonly ZodIssue[], value: unknown): number {
  if (!isRecord(value)) return branch.some((i) => i.path.length === 0 && i.code === 'invalid_type') ? Infinity : 0;
  let count = 0;
  for (const i of branch) {
    if (i.path.length === 0 && i.code === 'invalid_type') return Infinity;
    if (i.path.length === 0 && i.code === 'unrecognized_keys') count += i.keys.length;
    if (i.path.length === 1 && i.code === 'invalid_type' && !((i.path[0] as PropertyKey) in value)) count += 1;
  }
  return count;
}

/** The branch wants fields the value lacks and the value has fields the branch does not know: another kind of object. */
function shapeMismatch(branch: readonly ZodIssue[], value: unknown): boolean {
  if (!isRecord(value)) return false;
  const missing = branch.some((i) => i.path.length === 1 && i.code === 'invalid_type' && !((i.path[0] as PropertyKey) in value));
  const unknown = branch.some((i) => i.path.length === 0 && i.code === 'unrecognized_keys');
  return missing && unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, key) ? (v as Record<string | number, unknown>)[key] : undefined;
  }
  return v;
}
