/**
 * Turns zod's issues into `contested`'s plain `{ code, path, message }`
 * records. zod reports a failed union as one issue holding every branch's
 * issues; a person reading the error wants the branch they evidently meant,
 * so we pick the branch whose issues reach deepest into the input.
 */
import type { z } from 'zod';
import type { ContestedIssue, IssuePath } from '../errors/index.js';

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

/** Converts zod issues, prefixing each path with `base`. */
export function fromZodIssues(issues: readonly ZodIssue[], base: IssuePath = []): ContestedIssue[] {
  const out: ContestedIssue[] = [];
  for (const issue of issues) collect(issue, base, out);
  return out;
}

function collect(issue: ZodIssue, base: IssuePath, out: ContestedIssue[]): void {
  const path = [...base, ...(issue.path as (string | number)[])];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const best = pickBranch(issue.errors);
    // When every branch failed at the value itself (wrong type altogether),
    // the union's own message ("expected an area: …") says more than any branch's.
    const atRoot = best === undefined || best.every((i) => i.path.length === 0);
    if (atRoot && issue.message !== 'Invalid input') {
      out.push({ code: 'invalid-type', path, message: issue.message });
      return;
    }
    if (best !== undefined && best.length > 0) {
      for (const inner of best) collect(inner, path, out);
      return;
    }
  }
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      out.push({
        code: 'unknown-field',
        path: [...path, key],
        message: `unknown field ${JSON.stringify(key)}: put fields of your own under "properties"`,
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
 * The branch a person most likely meant: the one whose first issue lies
 * deepest (it got furthest), then the one with the fewest issues.
 */
function pickBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] | undefined {
  let best: readonly ZodIssue[] | undefined;
  let bestDepth = -1;
  for (const branch of branches) {
    const depth = Math.max(0, ...branch.map((i) => i.path.length));
    if (depth > bestDepth || (depth === bestDepth && best !== undefined && branch.length < best.length)) {
      best = branch;
      bestDepth = depth;
    }
  }
  return best;
}
