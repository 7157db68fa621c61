/**
 * parseDataset's fast schema pass against the full one (the public
 * `Dataset` schema, the input walk and the checks, `fullParseDataset`): on
 * valid datasets, on datasets broken one thing at a time in every way we
 * could think of, and on the bad-input corpus, the two give the same
 * result — the same data key for key, the same warnings, or the same error
 * with the same issues in the same order. And the fast pass never accepts
 * what the full pass refuses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParseDataset } from '../../src/dataset/_fastParse.js';
import { fullParseDataset, safeParseDataset, type ParseResult } from '../../src/dataset/parse.js';
import { Dataset } from '../../src/dataset/schema.js';
import { DEFAULT_LIMITS, type Limits } from '../../src/_lib/limits.js';
import { datasetArb, sampleDataset } from '../model/arbitraries.js';
import { generatedCases } from '../bad-inputs/generated.js';
import { hostileCases } from '../bad-inputs/hostile.js';
import { RUNS } from './_maps.js';

type Loose = Record<string, unknown>;
const here = dirname(fileURLToPath(import.meta.url));

/** What a result says, in a form `toEqual` compares exactly (data also as JSON text, for key order). */
function said(result: ParseResult<Dataset>): unknown {
  if (result.success) return { success: true, json: JSON.stringify(result.data), warnings: result.warnings };
  const { code, message, issues } = result.error;
  return { success: false, code, message, issues };
}

/**
 * Both passes on one input: the same verdict; and the fast schema pass
 * accepts only what the schemas and the input walk accept (it is not asked
 * about integrity or areas), with the data the `Dataset` schema returns.
 */
function agree(input: unknown, limits: Partial<Limits> = {}): ParseResult<Dataset> {
  const full = fullParseDataset(input, { ...DEFAULT_LIMITS, ...limits });
  const ours = safeParseDataset(input, { limits });
  expect(said(ours)).toEqual(said(full));
  if (ours.success && full.success) expect(isDeepStrictEqual(ours.data, full.data)).toBe(true);
  const fast = fastParseDataset(input, { ...DEFAULT_LIMITS, ...limits });
  const schemasAccept = full.success || full.error.code === 'invalid-dataset' || full.error.code === 'geometry-engine';
  if (!schemasAccept) expect(fast, 'the fast pass accepted what the full pass refuses').toBeUndefined();
  else if (fast !== undefined) {
    const schema = Dataset.safeParse(input);
    expect(schema.success && isDeepStrictEqual(fast, schema.data) && JSON.stringify(fast) === JSON.stringify(schema.data)).toBe(true);
  }
  return full;
}

/** Every object and array in a value, with the key it sits under in its parent. */
function nodes(value: unknown): { parent: Loose | unknown[]; key: string | number; value: unknown }[] {
  const out: { parent: Loose | unknown[]; key: string | number; value: unknown }[] = [];
  const stack: unknown[] = [value];
  // The `shared` mutation can put an object inside itself: walk each object once, or a cycle never ends.
  const seen = new Set<object>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    for (const [k, child] of Object.entries(v)) {
      out.push({ parent: v as Loose, key: Array.isArray(v) ? Number(k) : k, value: child });
      stack.push(child);
    }
  }
  return out;
}

/** Values that are wrong somewhere, right elsewhere, or odd: each mutation puts one of them at one place. */
const odd = fc.oneof(
  fc.constantFrom<unknown>(
    undefined, null, true, 0, -0, 1, 1.5, 6, 7, -1, 180, 180.5, -180, 90, 90.5, -91, Number.NaN, Infinity, -Infinity, 2 ** 53,
    '', ' ', 'x', ' x', 'x ', 'x\u00a0', '\ufeffx', 'UA', 'RU', 'kremlin', 'c1', 'pokrovsk', 'railway',
    '2025', '2025-12', '2025-12-01', '2025-02-29', '2024-02-29', '2025-02-30', '2025-13', '2025-W01', '2025-W53', '2026-W53',
    '2025-12-01T10:00', '2025-12-01T10:00Z', '2025-12-01T24:00Z', '2025-12-01T10:00+15:00', '2025-12-01+02:00', 'x'.repeat(65),
    'controlled', 'contested', 'advancing', 'not-controlled', 'claimed', 'assessed', 'inferred', 'presence', 'strike', 'casualties', 'control',
    'drone-video', 'geolocated', 'settlement', 'site', 'railway', 'Polygon', 'MultiPolygon', 'LineString', 'Point', 'https://example.org/x', 'not a url',
    [], [1], [37, 48], [37, 48, 1], [37, 48, 1, 2], [181, 48], [37, 91], [37, Number.NaN], ['37', 48],
    [[37, 48], [37.1, 48], [37.1, 48.1], [37, 48]], [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48]]],
    {}, { at: '2025-12-01', precision: 'week' }, { at: '2025-12-01', precision: 'second' }, { at: '2025-12-01T10:00', precision: 'hour', timeZone: 'Europe/Kyiv' },
    { geometry: { type: 'Polygon', coordinates: [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48]]] } },
    { geometry: { type: 'Polygon', coordinates: [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48]]], bbox: [37, 48, 37.1, 48.1] } },
    { union: ['pokrovsk', 'x'] }, { split: { area: 'pokrovsk', line: 'railway', keep: 'north' } },
    { type: 'Point', coordinates: [37, 48] }, { coordinates: [37, 48] }, { mgrs: '37U CP 649 490' }, { kind: 'casualties', count: 3 }, { kind: 'strike' },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

type Mutation = (d: Loose, at: { parent: Loose | unknown[]; key: string | number; value: unknown }, x: unknown) => void;
const set = (p: Loose | unknown[], k: string | number, v: unknown): void => {
  (p as Loose)[k as string] = v;
};
const MUTATIONS: Record<string, Mutation> = {
  replace: (_d, at, x) => set(at.parent, at.key, x),
  remove: (_d, at) => (Array.isArray(at.parent) ? at.parent.splice(at.key as number, 1) : delete at.parent[at.key as string]),
  undefine: (_d, at) => set(at.parent, at.key, undefined),
  unknownKey: (_d, at, x) => (at.value !== null && typeof at.value === 'object' && !Array.isArray(at.value) ? set(at.value as Loose, 'extra', x) : set(at.parent, at.key, x)),
  protoKey: (_d, at) => {
    if (at.value !== null && typeof at.value === 'object') Object.defineProperty(at.value, '__proto__', { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
  },
  date: (_d, at) => set(at.parent, at.key, new Date('2025-12-01T00:00:00Z')),
  nullPrototype: (_d, at) => {
    if (at.value !== null && typeof at.value === 'object' && !Array.isArray(at.value)) set(at.parent, at.key, Object.assign(Object.create(null) as object, at.value));
  },
  shared: (d, at) => {
    // The same object at two places: valid JSON cannot say it, a JavaScript caller can.
    const all = nodes(d).filter((n) => n.value !== null && typeof n.value === 'object');
    const other = all[(at.key.toString().length * 7) % Math.max(1, all.length)];
    if (other !== undefined) set(at.parent, at.key, other.value);
  },
  duplicate: (_d, at) => {
    if (Array.isArray(at.value) && at.value.length > 0) at.value.push(at.value[0]);
  },
  shorten: (_d, at) => {
    if (Array.isArray(at.value)) at.value.pop();
  },
  numberToString: (_d, at) => (typeof at.value === 'number' ? set(at.parent, at.key, String(at.value)) : undefined),
  spaced: (_d, at) => (typeof at.value === 'string' ? set(at.parent, at.key, ` ${at.value}`) : undefined),
};

/** A valid dataset with `count` things broken, each at a random place, in a random way. */
const broken = (count: number): fc.Arbitrary<Loose> =>
  fc
    .tuple(
      fc.oneof(datasetArb(), datasetArb({ mgrsOnly: true })),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...Object.keys(MUTATIONS)), odd), { minLength: 1, maxLength: count }),
    )
    .map(([dataset, changes]) => {
      const d = structuredClone(dataset) as Loose;
      for (const [pick, how, x] of changes) {
        const all = nodes(d);
        const at = all[pick % Math.max(1, all.length)];
        if (at !== undefined) (MUTATIONS[how] as Mutation)(d, at, x);
      }
      return d;
    });

// Each run parses a generated dataset four ways; 100 runs in CI, 2,000 in `npm run test:deep`.
const runs = Math.max(50, Math.round(RUNS / 10));
/** Each run takes up to about a second on a loaded machine. */
const TIMEOUT = 60_000 + runs * 1_000;

describe('the fast schema pass agrees with the full one', () => {
  it('on valid datasets: the fast pass answers, with the data the full schemas return', () => {
    fc.assert(
      fc.property(fc.oneof(datasetArb(), datasetArb({ mgrsOnly: true })), (input) => {
        const full = agree(input);
        expect(full.success).toBe(true);
        expect(fastParseDataset(input, DEFAULT_LIMITS), 'the fast pass gave up on a valid dataset').toBeDefined();
      }),
      { numRuns: runs },
    );
  }, TIMEOUT);

  it('on datasets with one thing broken (some still valid, most not; some read by the fast pass, most not)', () => {
    let accepted = 0;
    let fast = 0;
    let refused = 0;
    fc.assert(
      fc.property(broken(1), (input) => {
        if (agree(input).success) accepted++;
        else refused++;
        if (fastParseDataset(input, DEFAULT_LIMITS) !== undefined) fast++;
      }),
      { numRuns: runs },
    );
    // The mutations reach both sides of the line, or the agreement above says little.
    expect(accepted).toBeGreaterThan(runs / 20);
    expect(refused).toBeGreaterThan(runs / 4);
    expect(fast).toBeGreaterThan(runs / 20);
  }, TIMEOUT);

  it('on datasets with several things broken', () => {
    fc.assert(fc.property(broken(4), (input) => void agree(input)), { numRuns: Math.ceil(runs / 2) });
  }, TIMEOUT);

  it('under tight limits', () => {
    const limits = fc.record({ maxDepth: fc.integer({ min: 4, max: 14 }), maxNodes: fc.integer({ min: 5, max: 300 }), maxVertices: fc.integer({ min: 4, max: 60 }), maxFeatures: fc.integer({ min: 1, max: 20 }), maxStringLength: fc.constantFrom(10, 100, 100_000), maxAreaDepth: fc.integer({ min: 1, max: 4 }) }, { requiredKeys: [] });
    fc.assert(fc.property(fc.oneof(datasetArb(), broken(1)), limits, (input, l) => void agree(input, l)), { numRuns: Math.ceil(runs / 2) });
  }, TIMEOUT);

  it('on the sample dataset, a large generated one, and every parseDataset input of the bad-input corpus', () => {
    expect(agree(sampleDataset()).success).toBe(true);
    expect(fastParseDataset(sampleDataset(), DEFAULT_LIMITS)).toBeDefined();
    const sample = sampleDataset();
    const big = { ...sample, evidence: [...sample.evidence, ...Array.from({ length: 2_000 }, (_, i) => ({ id: `e${i}`, kind: 'drone-video', capturedAt: `2025-12-01T${String(i % 24).padStart(2, '0')}:05Z`, position: { coordinates: [37.1 + (i % 10) * 0.01, 48.2 + (i % 7) * 0.01], how: 'geolocated', accuracyM: 150 }, shows: [{ kind: 'presence', side: 'UA' }] }))] };
    expect(agree(big).success).toBe(true);
    expect(fastParseDataset(big, DEFAULT_LIMITS)).toBeDefined();
    const dir = join(here, '../bad-inputs/cases');
    // NaN and ±Infinity are written { "$number": "NaN" } in the files.
    const decode = (_key: string, v: unknown): unknown => (v !== null && typeof v === 'object' && Object.keys(v).join() === '$number' ? Number((v as { $number: string }).$number) : v);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8'), decode) as { entry: string; input: unknown });
    const inputs = [...files, ...generatedCases(), ...hostileCases()].filter((c) => c.entry === 'parseDataset').map((c) => c.input);
    expect(inputs.length).toBeGreaterThan(40);
    for (const input of inputs) expect(agree(input).success).toBe(false);
  });
});
