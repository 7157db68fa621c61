/**
 * The bridge to the geometry referee (`geos.py`: native GEOS through
 * shapely, geodesic areas through PROJ). One batched call per test file:
 * every case is sent at once on stdin and every answer comes back at once,
 * so the referee costs one Python start-up, not one per case.
 *
 * This file also holds the one tolerance the referee allows, and the rule
 * for when the referee is missing: under `CI=true` that is a failure naming
 * what to install; locally the referee suites skip with one line.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Geometry } from 'geojson';
import { GRID_DEGREES, gridDegreesFor } from '../../src/geometry/_engine.js';

/**
 * How far the library may be from the referee, as a fraction of the
 * referee's area, or in km² for pieces so small that a fraction means
 * nothing: a figure passes when `|ours − referee| ≤ max(REL × referee, ABS)`
 * (plus the slivers the library reports having left out, see `allowance`).
 * The same bound applies to the area of the symmetric difference between
 * our shape and GEOS's, so a shape that is wrong but happens to have the
 * right area is caught too.
 *
 * The engine (clipper2-ts) rounds every vertex to a 1e-9° grid, which moves
 * each edge by at most half a cell's diagonal (under 0.08 mm): a piece's
 * area can move by up to its boundary's length times that. The bound adds
 * `gridStripKm` (one cell, 0.11 mm) times the length of the piece's
 * boundary, so a long thin sliver along a shared front (ISW's claimed and
 * assessed lines, 650 km long) is judged by the grid's real reach, while
 * the relative part stays at 1e-8 for everything else.
 */
export const REFEREE_TOLERANCE = { relative: 1e-8, absoluteKm2: 1e-8, gridStripKm: 1.1e-7 } as const;

/**
 * Whether every shape the library returns must be valid in GEOS's sense
 * (no ring crossing or touching itself, no two polygons sharing an edge).
 * On: with clipper2-ts on the 1e-9° grid, GEOS called 14 of 2,000 generated
 * boolean results and 4 of 50 labelled overlays invalid (a vertex rounded a
 * fraction of a grid cell across another edge) until the engine's output
 * went through snap rounding (`snapToVertices` in src/geometry/_engine.ts);
 * since then 0 of 2,000 and 0 of 50.
 */
export const REQUIRE_VALID_OUTPUT = true;

/** Largest share of cases the referee may decline to judge (GEOS contradicting itself) before that is a failure. */
export const MAX_NOT_JUDGED_SHARE = 0.01;

/** `/usr/bin/python3`: Debian's Python, where python3-shapely and python3-pyproj install. */
export const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./geos.py', import.meta.url));
const INSTALL = 'apt-get install python3-shapely python3-pyproj (Debian/Ubuntu; .ci/run does this)';

/** One case sent to the referee; see geos.py for the kinds. */
export type RefereeCase =
  | { id: string; kind: 'boolean'; op: 'union' | 'intersection' | 'difference'; operands: Geometry[]; ours: Geometry; read?: 'even-odd' }
  | { id: string; kind: 'split'; area: Geometry; line: number[][]; ours: { left: Geometry; right: Geometry } }
  | { id: string; kind: 'area'; geometry: Geometry }
  | {
      id: string;
      kind: 'map';
      mode: 'controlMap' | 'diff' | 'compare' | 'change';
      parties: { geometry: Geometry; state: string }[][];
      within?: Geometry;
      ours: Record<string, Geometry[]>;
    };

/** What the referee says of one case: per key, [referee km², km² of the symmetric difference with ours]. */
export interface RefereeAnswer {
  id: string;
  /** Per key: referee km², km² of the symmetric difference with our shape, length of the boundary in km. */
  keys?: Record<string, [number, number, number]>;
  /** Our shapes GEOS calls invalid (zero-width spikes, self-touching rings), key and reason. */
  invalid?: string[];
  error?: string;
}

let availability: string | null | undefined;

/**
 * Why the referee cannot run here (`null` when it can): no `/usr/bin/python3`,
 * or no shapely/pyproj in it.
 */
export function refereeMissing(): string | null {
  if (availability !== undefined) return availability;
  if (!existsSync(PYTHON)) availability = `${PYTHON} not found`;
  else {
    const probe = spawnSync(PYTHON, [SCRIPT, '--version'], { encoding: 'utf8' });
    availability = probe.status === 0 ? null : `${PYTHON} cannot import shapely and pyproj (${(probe.stderr || '').trim().split('\n').pop() ?? ''})`;
  }
  return availability;
}

/**
 * Whether the referee suites should run. Under CI=true a missing referee
 * throws (the suite fails, naming what to install); locally it prints one
 * line and the suites skip.
 */
export function refereeAvailable(suite: string): boolean {
  const missing = refereeMissing();
  if (missing === null) return true;
  const message = `[${suite}] the geometry referee needs ${PYTHON} with shapely and pyproj: ${missing}; install them: ${INSTALL}`;
  if (process.env['CI'] === 'true') throw new Error(message);
  console.warn(`${message} (skipped locally; under CI=true this fails)`);
  return false;
}

/** Sends every case to the referee in one process and returns its answers, in order. */
export function referee(cases: readonly RefereeCase[]): RefereeAnswer[] {
  if (cases.length === 0) return [];
  // REFEREE_DUMP=path keeps the batch, to replay one case by hand: python3 geos.py < path.
  const dump = process.env['REFEREE_DUMP'];
  if (dump !== undefined) writeFileSync(dump, JSON.stringify({ cases }));
  const run = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify({ cases }), encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`the referee (${SCRIPT}) failed: ${run.stderr}`);
  const answers = (JSON.parse(run.stdout) as { results: RefereeAnswer[] }).results;
  if (answers.length !== cases.length) throw new Error(`the referee answered ${answers.length} of ${cases.length} cases`);
  return answers;
}

/**
 * The bound `|ours − referee|` must stay within, for a referee area, an
 * allowance for reported slivers, the length of the piece's boundary, and
 * the number of maps overlaid one after another to make it (`stages`).
 * Each overlay rounds the crossings it adds to the grid, on edges an earlier
 * one may already have moved, so the grid's reach is one strip per stage:
 * 1 for a boolean or one control map, 2 for a diff or a change, N for
 * compareClaimants of N claimants. (Measured: with 6–8 claimants, 4 of
 * 1,250 compared overlays went past one strip, by up to 1.27×; on a 10×
 * finer grid the same four agree within one strip, so it is the rounding.)
 */
export function bound(refereeKm2: number, allowanceKm2 = 0, boundaryKm = 0, stages = 1, cellDegrees = GRID_DEGREES): number {
  return Math.max(REFEREE_TOLERANCE.relative * Math.abs(refereeKm2), REFEREE_TOLERANCE.absoluteKm2) + gridStripKm(cellDegrees) * boundaryKm * stages + allowanceKm2;
}

/**
 * The grid's strip, km, for an engine run on a cell of `cellDegrees`:
 * `REFEREE_TOLERANCE.gridStripKm` (one 1e-9° cell) scaled to that cell.
 * The engine picks the cell per run from the operands' box (issue 12,
 * `gridDegreesFor`); a test passes the cell of the run that made the piece
 * (for a call of many runs, the coarsest: that of the box around
 * everything the call reads), never a coarser one.
 */
export function gridStripKm(cellDegrees: number): number {
  return REFEREE_TOLERANCE.gridStripKm * (cellDegrees / GRID_DEGREES);
}

/**
 * The cell the engine's runs use on operands within the box around every
 * position of the geometries in `inputs` (their `coordinates`, or bare
 * coordinate arrays as the library's readers return them), widened by `pad`
 * degrees: a public call holds that grid for all its runs (`onInputsGrid`).
 */
export function cellAround(inputs: readonly unknown[], pad = 0): number {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const positions = (v: unknown): void => {
    if (!Array.isArray(v)) return;
    if (v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number') {
      box[0] = Math.min(box[0], v[0]);
      box[1] = Math.min(box[1], v[1]);
      box[2] = Math.max(box[2], v[0]);
      box[3] = Math.max(box[3], v[1]);
      return;
    }
    for (const x of v) positions(x);
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      // A position, or a list of anything: claims come as lists of lists of claim objects, whose
      // areas are read below (taking every nested list for coordinates skipped them all: the
      // cell was that of the frame alone, or the finest, 1e-12°, with no frame).
      if (v.length >= 2 && typeof v[0] === 'number') positions(v);
      else for (const x of v) walk(x);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'coordinates') positions(x);
      else walk(x);
    }
  };
  inputs.forEach(walk);
  return gridDegreesFor([box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad]);
}

/** One disagreement between the library and the referee. */
export interface Disagreement {
  id: string;
  key: string;
  oursKm2: number;
  refereeKm2: number;
  symmetricDifferenceKm2: number;
  bound: number;
}

/**
 * With `REFEREE_ERRORS=<file>`, every comparison {@link disagreements}
 * makes is appended to that file as one JSON line (ours, GEOS, the
 * symmetric difference, the boundary's length, the stages), so that the
 * errors can be measured against the bound (docs/geometry.md, "The
 * referee"; `node scripts/referee-errors.mjs <file>` summarises them).
 */
const ERRORS_FILE = process.env['REFEREE_ERRORS'];

/**
 * Compares our km² per key with the referee's answer: the area itself, and
 * the symmetric difference of the shapes, within {@link bound} for that many
 * overlay `stages`. Keys missing on our side count as 0 km². Returns the
 * disagreements (empty when all agree).
 */
export function disagreements(answer: RefereeAnswer, ours: Readonly<Record<string, number>>, allowanceKm2 = 0, stages = 1, cellDegrees = GRID_DEGREES): Disagreement[] {
  if (answer.error !== undefined && notJudged(answer)) return [];
  if (answer.error !== undefined) return [{ id: answer.id, key: `referee error: ${answer.error}`, oursKm2: NaN, refereeKm2: NaN, symmetricDifferenceKm2: NaN, bound: 0 }];
  const out: Disagreement[] = [];
  const keys = new Set([...Object.keys(answer.keys ?? {}), ...Object.keys(ours)]);
  for (const key of keys) {
    const [refereeKm2, symmetricDifferenceKm2, boundaryKm] = answer.keys?.[key] ?? [0, 0, 0];
    const oursKm2 = ours[key] ?? 0;
    const limit = bound(refereeKm2, allowanceKm2, boundaryKm, stages, cellDegrees);
    if (ERRORS_FILE !== undefined) appendFileSync(ERRORS_FILE, `${JSON.stringify({ id: answer.id, key, oursKm2, refereeKm2, symmetricDifferenceKm2, boundaryKm, stages, cellDegrees, allowanceKm2, limitKm2: limit, gridKm2: gridStripKm(cellDegrees) * boundaryKm * stages })}\n`);
    // A negative symmetric difference means "not judged": our shape there is invalid, reported by invalidOutputs.
    const shapeAgrees = symmetricDifferenceKm2 < 0 || symmetricDifferenceKm2 <= limit;
    if (!(Math.abs(oursKm2 - refereeKm2) <= limit) || !shapeAgrees) {
      out.push({ id: answer.id, key, oursKm2, refereeKm2, symmetricDifferenceKm2, bound: limit });
    }
  }
  return out;
}

/**
 * Whether the referee declined to judge a case because GEOS contradicted
 * itself on it, even after rounding the input to 1e-11° (see geos.py):
 * such cases are counted and printed, not passed off as agreement.
 */
export function notJudged(answer: RefereeAnswer): boolean {
  return answer.error?.startsWith('RefereeInconsistent') === true;
}

/** A readable list of the first disagreements, for a failing assertion's message. */
export function describeDisagreements(list: readonly Disagreement[], max = 10): string {
  return list
    .slice(0, max)
    .map((d) => `${d.id} [${d.key}]: ours ${d.oursKm2} km², GEOS ${d.refereeKm2} km² (|Δ| ${Math.abs(d.oursKm2 - d.refereeKm2).toExponential(2)}), symmetric difference ${d.symmetricDifferenceKm2.toExponential(2)} km², bound ${d.bound.toExponential(2)}`)
    .join('\n');
}

/**
 * Our shapes GEOS calls invalid, by case id, split into those not in
 * `known` (a failure) and those in `known` that are valid now (the list is
 * stale: remove them). `known` lists what the current engine gets wrong,
 * each entry a case id, so that a fix shows as a change, never silently.
 */
export function invalidOutputs(answers: readonly RefereeAnswer[], known: ReadonlySet<string>): { unexpected: string[]; fixed: string[]; all: string[] } {
  const all = answers.filter((a) => a.invalid !== undefined).map((a) => a.id);
  const seen = new Set(answers.map((a) => a.id));
  const unexpected = answers.filter((a) => a.invalid !== undefined && !known.has(a.id)).map((a) => `${a.id}: ${a.invalid!.join('; ')}`);
  const fixed = [...known].filter((id) => seen.has(id) && !all.includes(id));
  return { unexpected, fixed, all };
}
