/**
 * Runs every input of the bad-input corpus through the public entry point it
 * names and checks that a ContestedError with the expected code comes back,
 * with an issue at the expected path (and of the expected issue code) —
 * nothing else: no TypeError, RangeError, stack overflow, or success. Each
 * input runs under a time bound, so a hang fails the test instead of CI.
 *
 * The corpus: `cases/*.json` (one input per file, written from `cases.ts`
 * by `make-corpus.ts`), `text/*.txt` (JSON text that does not parse) and
 * the oversize inputs built in `generated.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as contested from '../../src/index.js';
import { isContestedError } from '../../src/index.js';
import type { Case } from './cases.js';
import { generatedCases } from './generated.js';
import { hostileCases } from './hostile.js';

const here = dirname(fileURLToPath(import.meta.url));
type Loose = Record<string, unknown>;
type Run = (input: unknown) => unknown;
const anyFn = contested as unknown as Record<string, (...args: unknown[]) => unknown>;

/** How each entry point is called with a corpus input. */
const ENTRIES: Record<string, Run> = {
  parseDataset: (i) => contested.parseDataset(i),
  parseDatasetJson: (i) => contested.parseDatasetJson(i as string),
  areaKm2: (i) => anyFn['areaKm2']!(i),
  lengthM: (i) => anyFn['lengthM']!(i),
  union: (i) => anyFn['union']!(...(i as unknown[])),
  intersection: (i) => anyFn['intersection']!(...(i as unknown[])),
  difference: (i) => anyFn['difference']!(...(i as unknown[])),
  splitByLine: (i) => anyFn['splitByLine']!((i as Loose)['area'], (i as Loose)['line']),
  keepSideOfLine: (i) => anyFn['keepSideOfLine']!((i as Loose)['area'], (i as Loose)['line'], (i as Loose)['keep']),
  distanceM: (i) => anyFn['distanceM']!((i as Loose)['from'], (i as Loose)['to']),
  contains: (i) => anyFn['contains']!((i as Loose)['area'], (i as Loose)['what']),
  resolveArea: (i) => anyFn['resolveArea']!((i as Loose)['dataset'], (i as Loose)['area']),
  diffClaims: (i) => anyFn['diffClaims']!((i as Loose)['a'], (i as Loose)['b'], (i as Loose)['options']),
  controlChange: (i) => anyFn['controlChange']!((i as Loose)['before'], (i as Loose)['after'], (i as Loose)['options']),
  controlMap: (i) => anyFn['controlMap']!((i as Loose)['claims'], (i as Loose)['options']),
  fromDeepState: (i) => anyFn['fromDeepState']!((i as Loose)['layer'], (i as Loose)['options']),
  fromIsw: (i) => anyFn['fromIsw']!((i as Loose)['layers'], (i as Loose)['options']),
  fromGeoJSON: (i) => anyFn['fromGeoJSON']!((i as Loose)['collection'], (i as Loose)['options']),
  toSvg: (i) => anyFn['toSvg']!((i as Loose)['input'], (i as Loose)['options']),
  normalizeCallSign: (i) => anyFn['normalizeCallSign']!(i),
  chainOfCommand: (i) => anyFn['chainOfCommand']!((i as Loose)['dataset'], (i as Loose)['unitId']),
  resolveTime: (i) => anyFn['resolveTime']!(i),
  fromMgrs: (i) => anyFn['fromMgrs']!(i),
  toMgrs: (i) => anyFn['toMgrs']!(i),
};
const entry = (name: string): Run => {
  if (name.startsWith('call:')) return (i) => anyFn[name.slice('call:'.length)]!(...(i as unknown[]));
  if (name.startsWith('parseEntity:')) return (i) => anyFn['parseEntity']!(name.slice('parseEntity:'.length), i);
  const run = ENTRIES[name];
  if (run === undefined) throw new Error(`unknown entry ${name}`);
  return run;
};

/** NaN and ±Infinity are written `{ "$number": "NaN" }` in the files. */
const decode = (_key: string, value: unknown): unknown => {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$number') return Number((value as { $number: string }).$number);
  }
  return value;
};

function fileCases(): Case[] {
  const dir = join(here, 'cases');
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(join(dir, f), 'utf8'), decode) as Omit<Case, 'name'>) }));
  const textDir = join(here, 'text');
  const text = JSON.parse(readFileSync(join(textDir, 'expect.json'), 'utf8')) as Pick<Case, 'entry' | 'expect' | 'why'>;
  for (const f of readdirSync(textDir).filter((n) => n.endsWith('.txt')).sort()) {
    cases.push({ name: `text-${f}`, entry: text.entry, expect: text.expect, why: text.why, input: readFileSync(join(textDir, f), 'utf8') });
  }
  return cases;
}

/** Runs `run`, returning what it threw (or that it did not), and how long it took. */
function outcome(run: () => unknown): { thrown: unknown; returned: boolean; ms: number } {
  const start = performance.now();
  try {
    run();
    return { thrown: undefined, returned: true, ms: performance.now() - start };
  } catch (error) {
    return { thrown: error, returned: false, ms: performance.now() - start };
  }
}

const samePath = (actual: readonly unknown[], expected: readonly unknown[], prefix: boolean): boolean =>
  (prefix ? actual.length >= expected.length : actual.length === expected.length) && expected.every((k, i) => actual[i] === k);

const FILES = fileCases();
const GENERATED = [...generatedCases(), ...hostileCases()];
/** A time bound per input: generous for slow CI machines, far below a hang. */
const BOUND_MS = 5_000;

describe('bad-input corpus', () => {
  it('holds at least 150 inputs', () => {
    expect(FILES.length + GENERATED.length).toBeGreaterThanOrEqual(150);
  });

  for (const c of [...FILES, ...GENERATED]) {
    it(`${c.name} (${c.entry}): ${c.why}`, () => {
      const polluted = Object.getOwnPropertyNames(Object.prototype).length;
      const { thrown, returned, ms } = outcome(() => entry(c.entry)(c.input));
      expect(returned, 'the input was accepted').toBe(false);
      if (!isContestedError(thrown)) throw new Error(`expected a ContestedError, got ${String(thrown)}`, { cause: thrown });
      expect(thrown.code, thrown.message).toBe(c.expect.code);
      const match = thrown.issues.find((issue) => samePath(issue.path, c.expect.path, c.expect.pathPrefix === true) && (c.expect.issueCode === undefined || issue.code === c.expect.issueCode));
      expect(match, `no issue at ${JSON.stringify(c.expect.path)}${c.expect.issueCode === undefined ? '' : ` with code ${c.expect.issueCode}`}; got ${JSON.stringify(thrown.issues.map((i) => [i.code, i.path])).slice(0, 500)}`).toBeDefined();
      expect(ms).toBeLessThan(BOUND_MS);
      expect(Object.getOwnPropertyNames(Object.prototype).length).toBe(polluted);
    });
  }
});
