/**
 * Errors. Every error `contested` throws is a {@link ContestedError}: a `code`
 * from {@link ContestedErrorCode}, and `issues`, each a plain `{ code, path,
 * message }` record whose `path` points into the input the caller gave
 * (`["claims", 3, "area"]`). The `message` of the error lists every issue in
 * a form meant to be read as it stands.
 *
 * @module
 */

/**
 * What went wrong, in one word, on a {@link ContestedError}.
 *
 * - `invalid-input`: the input does not match a schema (wrong type, missing
 *   field, bad coordinate, impossible date …).
 * - `invalid-dataset`: every entity is well formed but the dataset as a whole
 *   is not (duplicate ids, dangling references, a cycle of unit parents).
 * - `invalid-geometry`: a geometry cannot be used for the operation asked
 *   (self-intersecting ring, split line that does not cross the area …).
 * - `mixed-script`: a call sign mixes scripts with look-alike letters.
 * - `not-found`: an id passed to a function is not in the dataset.
 * - `limit-exceeded`: the input is larger than a configured limit.
 * - `geometry-engine`: the clipping engine failed on valid input.
 * - `aborted`: the caller's `AbortSignal` stopped a long computation.
 *
 * @category Errors
 */
export type ContestedErrorCode =
  | 'invalid-input'
  | 'invalid-dataset'
  | 'invalid-geometry'
  | 'mixed-script'
  | 'not-found'
  | 'limit-exceeded'
  | 'geometry-engine'
  | 'aborted';

/**
 * A path into the input: object keys and array indices, outermost first.
 * `["claims", 3, "area"]` is printed `claims[3].area`.
 *
 * @category Errors
 */
export type IssuePath = (string | number)[];

/**
 * One problem found in an input.
 *
 * `code` is specific (`invalid-type`, `unknown-reference`, `duplicate-id`,
 * `self-intersection` …); `path` locates it; `message` says what was wrong
 * and, where it can, what would be right.
 *
 * @category Errors
 */
export interface ContestedIssue {
  /** Machine-readable kind of problem, in kebab-case. */
  code: string;
  /** Where in the input the problem is; `[]` for the input as a whole. */
  path: IssuePath;
  /** A sentence for people. */
  message: string;
}

/**
 * The one error class `contested` throws.
 *
 * @example
 * ```ts
 * try {
 *   parseDataset({ sides: 'UA' });
 * } catch (error) {
 *   if (isContestedError(error)) console.log(error.issues[0]?.path);
 *   //=> ['sides']
 * }
 * ```
 *
 * @category Errors
 */
export class ContestedError extends Error {
  /** What went wrong, in one word. */
  readonly code: ContestedErrorCode;
  /**
   * Every problem found, not only the first — up to {@link MAX_ISSUES_PER_CODE}
   * of each issue code; past that, one last issue of that code says how many
   * more there were ("… and 1,998 more"). Never empty. Each message is at most
   * {@link MAX_MESSAGE_LENGTH} characters. So no error grows with its input.
   */
  readonly issues: ContestedIssue[];

  /**
   * @param code - the kind of failure
   * @param issues - the problems found; at least one
   * @param summary - an optional first line for `message`; by default one is built from `code`
   * @param options - `cause`: the error this one reports on (an engine failure re-rooted at the input that
   *   failed keeps the engine's own error as its `cause`)
   */
  constructor(code: ContestedErrorCode, issues: ContestedIssue[], summary?: string, options?: { cause?: unknown }) {
    const list = bounded(issues.length > 0 ? issues : [{ code, path: [], message: summary ?? code }]);
    super(formatIssues(list, clip(summary ?? defaultSummary(code, issues.length || 1))), options === undefined ? undefined : { cause: options.cause });
    this.name = 'ContestedError';
    this.code = code;
    this.issues = list;
  }
}

/**
 * The most issues of one issue code a {@link ContestedError} lists; the rest
 * are counted in one last issue of that code.
 *
 * @example
 * ```ts
 * MAX_ISSUES_PER_CODE;
 * //=> 100
 * ```
 *
 * @category Errors
 */
export const MAX_ISSUES_PER_CODE = 100;

/**
 * The longest message of one issue, in characters; a longer one is cut
 * with "…". Messages quote short excerpts of the input, never all of it.
 *
 * @example
 * ```ts
 * MAX_MESSAGE_LENGTH;
 * //=> 1000
 * ```
 *
 * @category Errors
 */
export const MAX_MESSAGE_LENGTH = 1_000;

function clip(message: string): string {
  return typeof message === 'string' && message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : message;
}

/** At most MAX_ISSUES_PER_CODE issues of each code, each message clipped; the rest counted. */
function bounded(issues: readonly ContestedIssue[]): ContestedIssue[] {
  const kept: ContestedIssue[] = [];
  const counts = new Map<string, number>();
  for (const issue of issues) {
    const n = (counts.get(issue.code) ?? 0) + 1;
    counts.set(issue.code, n);
    if (n <= MAX_ISSUES_PER_CODE) kept.push(typeof issue.message === 'string' && issue.message.length > MAX_MESSAGE_LENGTH ? { ...issue, message: clip(issue.message) } : issue);
  }
  for (const [code, n] of counts) {
    if (n > MAX_ISSUES_PER_CODE) {
      kept.push({ code, path: [], message: `… and ${(n - MAX_ISSUES_PER_CODE).toLocaleString('en-US')} more ${code} issue${n - MAX_ISSUES_PER_CODE === 1 ? '' : 's'} like the above` });
    }
  }
  return kept;
}

/**
 * True when `value` is a {@link ContestedError} (also across realms and
 * duplicated copies of the package, where `instanceof` fails).
 *
 * @param value - anything caught
 * @returns whether it is a `ContestedError`
 * @category Errors
 *
 * @example
 * ```ts
 * try {
 *   parseDataset({ sides: 'UA' });
 * } catch (error) {
 *   if (isContestedError(error)) console.log(error.code);
 *   //=> 'invalid-input'
 * }
 * isContestedError(new Error('network down'));
 * //=> false
 * ```
 */
export function isContestedError(value: unknown): value is ContestedError {
  if (value instanceof ContestedError) return true;
  return (
    value instanceof Error &&
    value.name === 'ContestedError' &&
    typeof (value as { code?: unknown }).code === 'string' &&
    Array.isArray((value as { issues?: unknown }).issues)
  );
}

/**
 * Formats a path the way JavaScript would access it: `claims[3].area`.
 * An empty path is printed as `(root)`.
 *
 * @param path - keys and indices, outermost first
 * @returns the readable path
 * @category Errors
 *
 * @example
 * ```ts
 * formatPath(['claims', 3, 'area']);
 * //=> 'claims[3].area'
 * ```
 */
export function formatPath(path: readonly (string | number)[]): string {
  if (!Array.isArray(path)) return safeString(path);
  if (path.length === 0) return '(root)';
  let out = '';
  for (const key of path as readonly unknown[]) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key !== 'string') out += `[${safeString(key)}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/**
 * `String(value)` for a primitive (which cannot throw); an object is named by
 * its tag (`[object Object]`) without calling its own `toString`, which an
 * object without a prototype lacks and a hostile one may throw from.
 */
function safeString(value: unknown): string {
  if ((value !== null && typeof value === 'object') || typeof value === 'function') return Object.prototype.toString.call(value);
  return String(value);
}

/**
 * Formats a list of issues, one per line with its path beneath, in the
 * manner of zod's `prettifyError`.
 *
 * @param issues - the problems to print
 * @param summary - an optional first line
 * @returns a multi-line string; `summary` alone when there are no issues
 * @category Errors
 *
 * @example
 * ```ts
 * formatIssues([{ code: 'unknown-reference', path: ['claims', 0, 'area'], message: '"kyiv" is not the id of any place' }], 'not-found: 1 problem found');
 * //=> 'not-found: 1 problem found\n✖ "kyiv" is not the id of any place\n  → at claims[0].area'
 * ```
 */
export function formatIssues(issues: readonly ContestedIssue[], summary?: string): string {
  const lines: string[] = summary === undefined ? [] : [safeString(summary)];
  // Printed, never thrown from: a formatter that fails would hide the error it was asked to show.
  for (const issue of Array.isArray(issues) ? (issues as readonly unknown[]) : []) {
    const { message, path } = (issue !== null && typeof issue === 'object' ? issue : { message: issue, path: [] }) as Partial<ContestedIssue>;
    lines.push(`✖ ${safeString(message)}`, `  → at ${formatPath(path ?? [])}`);
  }
  return lines.join('\n');
}

function defaultSummary(code: ContestedErrorCode, count: number): string {
  const noun = count === 1 ? 'problem' : 'problems';
  return `${code}: ${count} ${noun} found`;
}
