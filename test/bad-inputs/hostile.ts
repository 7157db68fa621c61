/**
 * Hostile arguments that JSON cannot hold or that are too large to keep as
 * files: Symbols, BigInts, objects without a prototype, Invalid Dates,
 * sparse arrays, circular structures, shared sub-objects that stand for
 * 2^60 paths, 200,000 direct subordinates, a megabyte of disguised words.
 * Each is a call (`call:<function>` with the argument list) that must end
 * in the ContestedError named, within the corpus's time bound.
 */
import type { Case } from './cases.js';

type Loose = Record<string, unknown>;
const box = (w: number, s: number, e: number, n: number): number[][] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const poly = (ring: unknown): Loose => ({ type: 'Polygon', coordinates: [ring] });
const CITY = box(37.12, 48.25, 37.24, 48.32);
const RAIL: Loose = { type: 'LineString', coordinates: [[37.1, 48.28], [37.26, 48.29]] };
const claim = (over: Loose = {}): Loose => ({ id: 'c1', claimant: 'kremlin', statedAt: '2025-12-01', area: { geometry: poly(CITY) }, status: 'controlled', side: 'RU', basis: 'claimed', ...over });
const places = [{ id: 'pokrovsk', name: 'Pokrovsk', kind: 'settlement', geometry: poly(CITY) }];
const flag = (over: Loose = {}): Loose => ({ id: 'e1', kind: 'drone-video', capturedAt: '2025-12-01', position: { coordinates: [37.18, 48.28] }, shows: [{ kind: 'presence', side: 'UA' }], ...over });

/** A copy of `good` whose every field reads its value, then `hostile`, then its value again … */
export function flipping(good: Record<string, unknown>, hostile: unknown): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(good)) {
    let reads = 0;
    Object.defineProperty(o, key, { enumerable: true, get: () => (reads++ % 2 === 0 ? value : hostile) });
  }
  return o;
}

/** 61 objects, each holding the next twice: 2^60 paths to the leaf. */
export function sharedBag(levels: number): Loose {
  let v: Loose = { leaf: 1 };
  for (let i = 0; i < levels; i++) v = { a: v, b: v };
  return v;
}
/** An area expression naming one sub-expression twice at each level. */
export function sharedArea(levels: number): unknown {
  let v: unknown = 'pokrovsk';
  for (let i = 0; i < levels; i++) v = { union: [v, v] };
  return v;
}
function circular(): Loose {
  const o: Loose = { note: 'x' };
  o['self'] = o;
  return o;
}
function sparseRing(): number[][] {
  const ring = CITY.slice();
  delete (ring as unknown[])[2];
  return ring;
}
function flatUnits(n: number): Loose[] {
  const units: Loose[] = [{ id: 'top', name: 'Top', side: 'UA', echelon: 'brigade', role: 'infantry' }];
  for (let i = 0; i < n; i++) units.push({ id: `u${i}`, name: `U${i}`, side: 'UA', echelon: 'company', role: 'infantry', parent: 'top' });
  return units;
}
function deepList(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
/** Cyrillic words each hiding a Latin "o": 980,000 characters (under maxStringLength), 1.8 MB as UTF-8. */
const DISGUISED = 'Крoлик '.repeat(140_000);

export function hostileCases(): Case[] {
  const cases: Case[] = [];
  const add = (name: string, fn: string, args: unknown[], code: string, path: (string | number)[], why: string, issueCode?: string, pathPrefix?: boolean): void => {
    const expect: Case['expect'] = { code, path };
    if (issueCode !== undefined) expect.issueCode = issueCode;
    if (pathPrefix === true) expect.pathPrefix = true;
    cases.push({ name: `hostile-${name}`, entry: `call:${fn}`, input: args, expect, why });
  };
  const bag = { id: 'UA', name: 'Ukraine', properties: { x: sharedBag(60) } };
  const collection = (properties: unknown): Loose => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties, geometry: poly(CITY) }] });
  const geojsonOptions = { claimant: 'a', status: 'controlled', side: 'UA', asOf: '2025-12-01' };

  // --- Shared sub-objects: work bounded by what the input is, not how it is drawn
  add('shared-bag-parse-entity', 'parseEntity', ['side', bag], 'limit-exceeded', ['properties', 'x'], '61 objects standing for 2^60 paths: refused by maxNodes before the schema expands them', 'too-large', true);
  add('shared-bag-parse-dataset', 'parseDataset', [{ sides: [bag] }], 'limit-exceeded', ['sides', 0, 'properties', 'x'], 'the same inside a dataset', 'too-large', true);
  add('shared-bag-from-geojson', 'fromGeoJSON', [collection({ x: sharedBag(60) }), geojsonOptions], 'limit-exceeded', ['features', 0, 'properties', 'x'], 'feature properties are measured before they are copied', 'too-large', true);
  add('shared-bag-serialize', 'serializeDataset', [{ sides: [bag] }], 'limit-exceeded', ['sides', 0, 'properties', 'x'], 'serializeDataset measures before JSON.stringify expands it', 'too-large', true);
  add('shared-area-places', 'areaRefPlaces', [sharedArea(40)], 'limit-exceeded', [], 'a list of 2^40 place references is refused before it is built', 'too-large');
  add('circular-properties-from-geojson', 'fromGeoJSON', [collection(circular()), geojsonOptions], 'invalid-input', ['features', 0, 'properties', 'self'], 'circular properties: a typed error, not a TypeError from JSON.stringify', 'circular');
  add('circular-dataset-parse', 'parseDataset', [{ sides: [{ id: 'UA', name: 'U', properties: circular() }] }], 'invalid-input', ['sides', 0, 'properties', 'self'], 'a circular dataset is refused where it loops', 'circular');
  add('circular-dataset-serialize', 'serializeDataset', [{ sides: [{ id: 'UA', name: 'U', properties: circular() }] }], 'invalid-input', ['sides', 0, 'properties', 'self'], 'serializeDataset on a circular dataset', 'circular');
  add('bigint-serialize', 'serializeDataset', [{ sides: [{ id: 'UA', name: 'U', properties: { n: 10n } }] }], 'invalid-input', [], 'a BigInt cannot be written as JSON', 'invalid-type');
  add('bigint-properties-from-geojson', 'fromGeoJSON', [collection({ n: 10n }), geojsonOptions], 'invalid-input', ['features', 0, 'properties'], 'a BigInt in feature properties', 'invalid-type');

  // --- Recursion deeper than the stack, with the limits lifted
  add('deep-list-lifted-limit', 'parseDataset', [{ sides: [{ id: 'UA', name: 'U', properties: { x: deepList(100_000) } }] }, { limits: { maxDepth: Infinity } }], 'limit-exceeded', [], 'maxDepth lifted: the stack overflow in the schema becomes limit-exceeded', 'too-deep');
  add('deep-area-lifted-limit', 'parseEntity', ['areaRef', (() => { let v: unknown = 'p'; for (let i = 0; i < 50_000; i++) v = { union: [v, 'p'] }; return v; })(), { limits: { maxDepth: Infinity, maxAreaDepth: Infinity } }], 'limit-exceeded', [], 'both depth limits lifted on a 50,000-deep expression', 'too-deep');
  add('subordinates-200000', 'findByCallSign', [{ units: flatUnits(200_000), persons: [] }, 'Ghost', { unit: 'nope' }], 'not-found', [], '200,000 direct subordinates are indexed without a stack overflow; an unknown scope unit is not-found', 'unknown-unit');

  // --- Messages bounded
  add('disguised-megabyte-normalize', 'normalizeCallSign', [DISGUISED], 'invalid-input', [], 'a megabyte of disguised words is not a call sign: refused by length before it is read letter by letter (it ran out of memory)', 'too-big');
  add('disguised-megabyte-key', 'callSignKey', [DISGUISED], 'invalid-input', [], 'callSignKey on the same', 'too-big');
  add('disguised-megabyte-find', 'findByCallSign', [{ persons: [] }, DISGUISED], 'invalid-input', [], 'findByCallSign on the same', 'too-big');
  add('disguised-megabyte-alias', 'parseEntity', ['unit', { id: 'u', name: 'U', side: 'UA', echelon: 'company', role: 'infantry', aliases: [DISGUISED] }], 'invalid-input', ['aliases', 0], 'a unit alias of a megabyte: refused by its length, not checked letter by letter', 'too-big');
  add('disguised-name-length', 'normalizeCallSign', ['Крoлик '.repeat(142)], 'mixed-script', [], '142 disguised words in a name of 994 characters: 100 issues quoting excerpts, then "… and 42 more"', 'mixed-script');

  // --- NaN dates, Symbols, BigInts, objects without a prototype, sparse arrays
  add('assess-invalid-date', 'assessControl', [{ claims: [claim()], actors: [{ id: 'kremlin', name: 'Kremlin', kind: 'government' }] }, { asOf: new Date(NaN) }], 'invalid-input', ['options', 'asOf'], 'new Date(NaN) is not a time', 'invalid-time');
  add('control-map-symbol-claimant', 'controlMap', [[claim()], { claimant: Symbol('kremlin') }], 'invalid-input', ['claimant'], 'a Symbol is not a claimant id');
  add('control-map-bare-claimant', 'controlMap', [[claim()], { claimant: Object.create(null) as unknown }], 'invalid-input', ['claimant'], 'an object without a prototype is not a claimant id');
  add('compare-symbol-claimant', 'compareClaimants', [{ claims: [claim()], actors: [{ id: 'kremlin', name: 'K', kind: 'government' }] }, [Symbol('k'), 'kremlin'], { within: poly(CITY) }], 'invalid-input', ['claimantIds', 0], 'a Symbol among claimant ids');
  add('compare-bare-claimant', 'compareClaimants', [{ claims: [claim()], actors: [{ id: 'kremlin', name: 'K', kind: 'government' }] }, ['kremlin', Object.create(null) as unknown], { within: poly(CITY) }], 'invalid-input', ['claimantIds', 1], 'an object without a prototype among claimant ids');
  add('chain-bigint-id', 'chainOfCommand', [{ units: flatUnits(2) }, 10n], 'invalid-input', ['unitId'], 'a BigInt is not a unit id');
  add('subordinates-symbol-id', 'subordinates', [{ units: flatUnits(2) }, Symbol('top')], 'invalid-input', ['unitId'], 'a Symbol is not a unit id');
  add('keep-symbol', 'keepSideOfLine', [poly(CITY), RAIL, Symbol('north')], 'invalid-input', ['keep'], 'a Symbol is not a side');
  add('normalize-sparse-ring', 'normalizeGeometry', [poly(sparseRing())], 'invalid-geometry', ['coordinates', 0, 2], 'a hole in a sparse ring is a missing position, reported where it is', 'invalid-position');
  add('area-sparse-ring', 'areaKm2', [poly(sparseRing())], 'invalid-geometry', ['coordinates', 0, 2], 'areaKm2 on the same ring', 'non-finite-coordinate', true);
  add('evidence-sparse-shows', 'findContradictions', [{ claims: [claim()], evidence: [flag({ shows: [, { kind: 'presence', side: 'UA' }] })] }], 'invalid-input', ['dataset', 'evidence', 0, 'shows', 0], 'a hole in a list of observations');

  // --- Values that cannot become text, inside messages (each a TypeError until messages went through quote())
  const bareId = Object.create(null) as unknown;
  add('refutes-itself-bare-id', 'parseDataset', [{ claims: [claim({ id: bareId, refutes: [bareId] })] }], 'invalid-input', ['claims', 0, 'refutes', 0], 'a claim whose id (an object without a prototype) refutes itself: the message quotes it safely', 'self-reference');
  add('place-symbol-type', 'resolveArea', [{ places: [{ id: 'p', kind: 'settlement', geometry: { type: Symbol('Polygon'), coordinates: [] } }] }, 'p'], 'invalid-geometry', [], 'a Symbol as a place\'s geometry type', undefined, true);
  add('place-bare-type', 'resolveArea', [{ places: [{ id: 'p', kind: 'settlement', geometry: { type: bareId, coordinates: [] } }] }, 'p'], 'invalid-geometry', [], 'an object without a prototype as a place\'s geometry type', undefined, true);
  add('weights-bare-value', 'assessControl', [{ claims: [] }, { asOf: '2025-12-01', weights: { evidence: bareId } }], 'invalid-input', ['weights', 'evidence'], 'a weight that is an object without a prototype', 'invalid-value');
  add('stated-figures-bare-tolerance', 'checkStatedFigures', [{ claims: [] }, { tolerance: bareId }], 'invalid-input', ['options', 'tolerance'], 'a tolerance that is an object without a prototype', 'invalid-value');
  add('duplicate-megabyte-id', 'parseDataset', [{ sides: [{ id: 'x'.repeat(1_000_000), name: 'a' }, { id: 'x'.repeat(1_000_000), name: 'b' }] }], 'invalid-input', [], 'two sides with one id of a million characters: the messages quote a 60-character excerpt', undefined, true);
  return cases;
}
