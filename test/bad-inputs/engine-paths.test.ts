/**
 * An engine failure points at the input whose run failed (audit F4), keeps
 * the engine's own error as its `cause`, and is never caught and retried
 * (F9). The engine is made to fail on every run whose input holds a marker
 * vertex: a corner of one claim's area that no other input has, so the
 * first run to fail is the one on that claim.
 */
import { Clipper64, type Paths64 } from 'clipper2-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Claim } from '../../src/claims/schema.js';
import { controlChange } from '../../src/control/controlChange.js';
import { controlMap } from '../../src/control/controlMap.js';
import { parseDataset } from '../../src/dataset/parse.js';
import { compareClaimants } from '../../src/diff/compareClaimants.js';
import { diffClaims } from '../../src/diff/diffClaims.js';
import { ContestedError, type IssuePath } from '../../src/errors/index.js';
import { assessControl } from '../../src/evidence/assessControl.js';
import { findContradictions } from '../../src/evidence/contradictions.js';
import { GRID_DEGREES } from '../../src/geometry/_engine.js';

/** A corner no other input has (on the engine's grid). */
const MARK = [37.0123456, 48.0654321] as const;
const MARK_X = Math.round(MARK[0] / GRID_DEGREES);
const MARK_Y = Math.round(MARK[1] / GRID_DEGREES);

type Ring = [number, number][];
const rect = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] as Ring[] });
/** A quadrilateral with the marker as one corner. */
const marked = { type: 'Polygon' as const, coordinates: [[[37, 48], [37.1, 48], [37.1, 48.1], [MARK[0], MARK[1]], [37, 48]]] as Ring[] };

function claim(id: string, area: Claim['area'], statedAt: string, claimant = 'mod'): Claim {
  return { id, claimant, statedAt, area, status: 'controlled', side: 'RU', basis: 'claimed' } as Claim;
}

let runs = { failed: 0, total: 0 };

/** Clipper2 reports failure (returns false) on every run whose input holds the marker. */
function failOnMarker(): void {
  runs = { failed: 0, total: 0 };
  const proto = Clipper64.prototype as unknown as { addPaths: (paths: Paths64, ...rest: unknown[]) => void };
  const addPaths = proto.addPaths;
  const marks = new WeakSet<object>();
  vi.spyOn(proto, 'addPaths').mockImplementation(function (this: object, paths: Paths64, ...rest: unknown[]) {
    if (paths.some((path) => path.some((p) => Number(p.x) === MARK_X && Number(p.y) === MARK_Y))) marks.add(this);
    addPaths.call(this, paths, ...rest);
  });
  const execute = Clipper64.prototype.execute;
  vi.spyOn(Clipper64.prototype, 'execute').mockImplementation(function (this: Clipper64, ...args: Parameters<Clipper64['execute']>) {
    runs.total += 1;
    const ok = execute.apply(this, args);
    if (!marks.has(this)) return ok;
    runs.failed += 1;
    return false;
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** The error `run` throws, checked to be an engine failure at `path` whose cause is the engine's own (path `[]`). */
function engineErrorOf(run: () => unknown, path: IssuePath): ContestedError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ContestedError);
  const error = caught as ContestedError;
  expect(error.code).toBe('geometry-engine');
  expect(error.issues.map((i) => i.path)).toEqual([path]);
  const cause = error.cause;
  expect(cause).toBeInstanceOf(ContestedError);
  expect((cause as ContestedError).code).toBe('geometry-engine');
  expect((cause as ContestedError).issues.map((i) => i.path)).toEqual([[]]);
  expect(runs.failed).toBeGreaterThan(0);
  return error;
}

const within = rect(36.9, 47.9, 37.3, 48.3);
const three = (): Claim[] => [claim('fine-1', { geometry: rect(37.15, 48, 37.2, 48.1) }, '2025-01-01'), claim('the-bad-one', { geometry: marked }, '2025-01-02'), claim('fine-2', { geometry: rect(37.2, 48, 37.25, 48.1) }, '2025-01-03')];

describe('an engine failure on one claim\'s area points at that claim', () => {
  it('controlMap: [1, "area"], naming the claim', () => {
    const claims = three();
    expect(controlMap(claims, { within }).features.length).toBeGreaterThan(0);
    failOnMarker();
    const error = engineErrorOf(() => controlMap(claims, { within }), [1, 'area']);
    expect(error.message).toContain('claim "the-bad-one"');
    expect(error.message).not.toContain('Run normalizeGeometry');
    expect(error.message).toContain('it does not say why');
  });

  it('diffClaims: rooted at the list the claim is in (a or b)', () => {
    failOnMarker();
    const [c1, bad, c2] = three();
    engineErrorOf(() => diffClaims([c1!], [c2!, bad!], { within }), ['b', 1, 'area']);
    engineErrorOf(() => diffClaims([c1!, c2!, bad!], [c1!], { within }), ['a', 2, 'area']);
  });

  it('a control map given as input: at the region that was being cut to the frame', () => {
    const [c1, bad, c2] = three();
    const map = controlMap([c1!, bad!, c2!]);
    const at = map.features.findIndex((f) => f.properties.claims.includes('the-bad-one'));
    expect(at).toBeGreaterThanOrEqual(0);
    failOnMarker();
    engineErrorOf(() => diffClaims([c1!], map, { within }), ['b', 'features', at, 'geometry']);
  });

  it('controlChange: rooted at before or after', () => {
    failOnMarker();
    const [c1, bad, c2] = three();
    engineErrorOf(() => controlChange([c1!], [bad!, c2!], { within }), ['after', 0, 'area']);
  });

  it('compareClaimants and assessControl: at dataset.claims[i].area', () => {
    const dataset = {
      sides: [{ id: 'UA', name: 'Ukraine' }, { id: 'RU', name: 'Russia' }],
      actors: [
        { id: 'mod', name: 'Ministry', kind: 'ministry', side: 'RU', reliability: 'D' },
        { id: 'osint', name: 'Tracker', kind: 'osint-tracker', reliability: 'B' },
      ],
      claims: [...three(), claim('other', { geometry: rect(37, 48, 37.2, 48.2) }, '2025-01-02', 'osint')],
    };
    const parsed = parseDataset(dataset);
    failOnMarker();
    engineErrorOf(() => compareClaimants(parsed, ['osint', 'mod'], { asOf: '2025-02-01', within }), ['dataset', 'claims', 1, 'area']);
    engineErrorOf(() => assessControl(parsed, { asOf: '2025-02-01', within }), ['dataset', 'claims', 1, 'area']);
  });
});

describe('an engine failure in an overlay of several claims names them', () => {
  it('controlMap without a frame: the painting run, path [] and the claims in the message', () => {
    // Claims that overlap the marked one, so that painting it runs the engine.
    const claims = [claim('fine-1', { geometry: rect(37.05, 48, 37.2, 48.1) }, '2025-01-01'), claim('the-bad-one', { geometry: marked }, '2025-01-02'), claim('fine-2', { geometry: rect(37.05, 48.05, 37.2, 48.2) }, '2025-01-03')];
    expect(controlMap(claims).features.length).toBeGreaterThan(0);
    failOnMarker();
    const error = engineErrorOf(() => controlMap(claims), []);
    expect(error.message).toMatch(/the overlay of claims .*"the-bad-one"/);
    expect(error.message).toMatch(/the overlay of claims .*"fine-2"/);
  });
});

describe('findContradictions and parseDataset', () => {
  const places = [
    { id: 'east', name: 'East', kind: 'region', geometry: marked },
    { id: 'west', name: 'West', kind: 'region', geometry: rect(37.05, 48, 37.2, 48.1) },
  ];
  const dataset = () => ({
    sides: [{ id: 'UA', name: 'Ukraine' }, { id: 'RU', name: 'Russia' }],
    actors: [
      { id: 'mod', name: 'Ministry', kind: 'ministry', side: 'RU', reliability: 'D' },
      { id: 'osint', name: 'Tracker', kind: 'osint-tracker', reliability: 'B' },
    ],
    places,
    claims: [
      { id: 'fine', claimant: 'mod', statedAt: '2025-12-01', area: 'west', status: 'controlled', side: 'RU', basis: 'claimed' },
      { id: 'held', claimant: 'mod', statedAt: '2025-12-01', area: { union: ['east', 'west'] }, status: 'controlled', side: 'RU', basis: 'claimed' },
    ],
    // Far from both claims: no pair needs either claim's ground, so a swallowed failure would go unseen.
    evidence: [{ id: 'e', kind: 'geolocated-video', capturedAt: '2025-12-01T10:30Z', position: { coordinates: [30, 50], how: 'geolocated' }, shows: [{ kind: 'presence', side: 'UA' }], source: 'osint', credibility: 2 }],
  });

  it('findContradictions throws the failure at once, at the claim, and does not retry it (F9)', () => {
    const parsed = parseDataset(dataset());
    expect(findContradictions(parsed)).toEqual([]);
    failOnMarker();
    engineErrorOf(() => findContradictions(parsed), ['dataset', 'claims', 1, 'area']);
    // One run failed: the area was not resolved again for a later pair.
    expect(runs.failed).toBe(1);
  });

  it('parseDataset\'s area check: at claims[i].area', () => {
    failOnMarker();
    engineErrorOf(() => parseDataset(dataset()), ['claims', 1, 'area']);
  });
});

describe('what the message says Clipper2 told us (F5)', () => {
  it('a TypeError inside the engine run reaches us only as a reported failure: the message does not blame the input', () => {
    // Clipper64.execute catches every exception of its run and returns false
    // (docs/geometry.md): what it wraps is protected, so we cannot see past it.
    const proto = Object.getPrototypeOf(Clipper64.prototype) as { executeInternal: (...args: unknown[]) => void };
    vi.spyOn(proto, 'executeInternal').mockImplementation(() => {
      throw new TypeError('a bug inside the engine run');
    });
    let caught: unknown;
    try {
      controlMap([claim('one', { geometry: rect(37, 48, 37.2, 48.1) }, '2025-01-01'), claim('two', { geometry: rect(37.1, 48, 37.3, 48.1) }, '2025-01-02')]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ContestedError);
    const message = (caught as ContestedError).message;
    expect(message).toContain('Clipper2 reported failure; it does not say why (input it cannot handle, or a bug in the engine)');
    expect(message).toContain('normalizing them again will not help');
    expect(message).toMatch(/the overlay of claims "two", "one"|the overlay of claims "one", "two"/);
  });
});
