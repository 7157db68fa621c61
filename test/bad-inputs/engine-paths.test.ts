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
import { EngineRun, runGrid } from '../../src/geometry/_engine.js';
import { overlayMany, type MapRegion } from '../../src/overlay/overlay.js';
import { boxOf } from '../../src/overlay/regions.js';

/** A corner no other input has (on the engine's grid). */
const MARK = [37.0123456, 48.0654321] as const;
/** The marker on the grid of the run under way (its cell and integer origin are chosen per run). */
const markOnRunGrid = (): { x: number; y: number } => {
  const { scale, originX, originY } = runGrid();
  return { x: Math.round(MARK[0] * scale) - originX, y: Math.round(MARK[1] * scale) - originY };
};

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
    const mark = markOnRunGrid();
    if (paths.some((path) => path.some((p) => Number(p.x) === mark.x && Number(p.y) === mark.y))) marks.add(this);
    addPaths.call(this, paths, ...rest);
  });
  const run = EngineRun.prototype.run;
  vi.spyOn(EngineRun.prototype, 'run').mockImplementation(function (this: EngineRun, ...args: Parameters<EngineRun['run']>) {
    runs.total += 1;
    const ok = run.apply(this, args);
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
  it('controlMap without a frame: the painting run, at the claim being painted, naming the claim it was cut against', () => {
    // Claims that overlap the marked one, so that painting it runs the engine.
    const claims = [claim('fine-1', { geometry: rect(37.05, 48, 37.2, 48.1) }, '2025-01-01'), claim('the-bad-one', { geometry: marked }, '2025-01-02'), claim('fine-2', { geometry: rect(37.05, 48.05, 37.2, 48.2) }, '2025-01-03')];
    expect(controlMap(claims).features.length).toBeGreaterThan(0);
    failOnMarker();
    // Newest first: fine-2 is painted, then the-bad-one is cut against it, and that run fails.
    const error = engineErrorOf(() => controlMap(claims), [1, 'area']);
    expect(error.message).toContain('(on claim "the-bad-one", painted over claim "fine-2")');
    expect(error.message).not.toContain('"fine-1"');
  });
});

/**
 * Thirty claims in a row of strips, each overlapping the next by 0.002°;
 * claim 17 (`c17`) is the marked quadrilateral in its place in the row, so
 * only the runs on c17 (with its neighbours c16 and c18) fail.
 */
function stripRing(i: number): Ring {
  const west = MARK[0] - 0.005 + (i - 17) * 0.01;
  const east = west + 0.012;
  return i === 17 ? [[west, 48], [east, 48], [east, 48.1], [MARK[0], MARK[1]], [west, 48]] : rect(west, 48, east, 48.1).coordinates[0]!;
}

function thirty(): Claim[] {
  return Array.from({ length: 30 }, (_, i) => claim(`c${i}`, { geometry: { type: 'Polygon' as const, coordinates: [stripRing(i)] } }, `2025-01-${String(i + 1).padStart(2, '0')}`));
}

/** The message names c17 and its neighbours only: none of the first eight claims, no "and N more". */
function namesOnlyTheRun(error: ContestedError, named: readonly string[]): void {
  for (const id of named) expect(error.message).toContain(`"${id}"`);
  for (let i = 0; i < 8; i += 1) expect(error.message).not.toContain(`"c${i}"`);
  expect(error.message).not.toMatch(/and \d+ more/);
}

describe('an engine failure in a map of thirty claims names the claims of the run that failed, not the first eight', () => {
  it('controlMap: at [17, "area"], claim c17 painted over c18', () => {
    const claims = thirty();
    expect(controlMap(claims).features).toHaveLength(30);
    failOnMarker();
    const error = engineErrorOf(() => controlMap(claims), [17, 'area']);
    expect(error.message).toContain('(on claim "c17", painted over claim "c18")');
    namesOnlyTheRun(error, ['c17', 'c18']);
  });

  it('diffClaims, controlChange and compareClaimants: the overlay run of c17 against its neighbours names those claims', () => {
    const claims = thirty();
    const others = claims.filter((c) => c.id !== 'c17');
    const c17 = claims[17]!;
    failOnMarker();
    // c17 alone in B: its painting runs no engine; the overlay's runs on it fail.
    namesOnlyTheRun(engineErrorOf(() => diffClaims(others, [c17]), []), ['c17']);
    namesOnlyTheRun(engineErrorOf(() => controlChange(others, [c17]), []), ['c17']);
    const dataset = parseDataset({
      sides: [{ id: 'UA', name: 'Ukraine' }, { id: 'RU', name: 'Russia' }],
      actors: [
        { id: 'mod', name: 'Ministry', kind: 'ministry', side: 'RU', reliability: 'D' },
        { id: 'osint', name: 'Tracker', kind: 'osint-tracker', reliability: 'B' },
      ],
      claims: [...others, { ...c17, claimant: 'osint' }],
    });
    // With a frame, c17's own run (its area cut to the frame) fails first, at its path.
    const within17 = rect(MARK[0] - 0.3, 47.9, MARK[0] + 0.3, 48.3);
    namesOnlyTheRun(engineErrorOf(() => compareClaimants(dataset, ['mod', 'osint'], { asOf: '2025-02-01', within: within17 }), ['dataset', 'claims', 29, 'area']), ['c17']);
    // Without one, the first run is the union of every claimant's map (the cover): it mixes all thirty claims, and says so.
    expect(engineErrorOf(() => compareClaimants(dataset, ['mod', 'osint'], { asOf: '2025-02-01' }), []).message).toContain('"c29", "c28", "c27", "c26", "c25", "c24", "c23", "c22" and 22 more');
  });

  it('overlayMany with a cover: the run that cuts a piece names the claims of the piece and of the region cutting it', () => {
    const region = (id: string, ring: Ring): MapRegion => ({ coords: [[ring]], box: boxOf([[ring]]), state: { status: 'controlled', side: 'RU' }, claims: [id] });
    // The first list: 29 strips sharing their edges (c17's place left empty); the second: c17 alone, reaching over c18.
    const first = Array.from({ length: 30 }, (_, i) => i)
      .filter((i) => i !== 17)
      .map((i) => {
        const west = stripRing(i)[0]![0];
        return region(`c${i}`, rect(west, 48, west + 0.01, 48.1).coordinates[0]!);
      });
    const second = [region('c17', stripRing(17))];
    const cover = rect(MARK[0] - 0.3, 47.9, MARK[0] + 0.3, 48.3).coordinates;
    expect(overlayMany([first, second], [cover]).length).toBeGreaterThan(30);
    failOnMarker();
    // Of the pieces the first list leaves, those whose boundaries come near c17 (c16's, c18's and the ground outside the strips) are cut by it, in runs that fail.
    const error = engineErrorOf(() => overlayMany([first, second], [cover]), []);
    expect(error.message).toMatch(/\(on the overlay of claims? (?:"c1[68]", )?"c17"\)/);
    namesOnlyTheRun(error, ['c17']);
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

describe('what reaches the caller when the engine fails (F5)', () => {
  it('a TypeError inside the engine run reaches the caller as itself, through controlMap', () => {
    // Clipper64.execute catches every exception of its run and returns
    // false; the wrapper runs the same steps without that catch (EngineRun).
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
    expect(caught).toBeInstanceOf(TypeError);
    expect((caught as TypeError).message).toBe('a bug inside the engine run');
  });

  it('a failure the engine reports does not blame the input, and names the claims', () => {
    vi.spyOn(EngineRun.prototype, 'run').mockReturnValue(false);
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
    // "two" is newer: it is painted first, and "one" is cut against it.
    expect(message).toContain('(on claim "one", painted over claim "two")');
  });
});
