/**
 * The clipping engine, behind one small interface. Every boolean operation
 * in the library (union, intersection, difference, the split by a line, the
 * repair of self-intersections, and the overlays the claim diff builds on)
 * goes through `clip` here, so that another backend can be added later by
 * implementing {@link ClipEngine} without touching a caller.
 *
 * The backend is polyclip-ts (the engine Turf 7 uses): arbitrary-precision
 * arithmetic where it matters, and in our measurements no throws and no
 * wrong areas on adversarial pairs (see `bench/engines.ts`). It still fails,
 * rarely, to close an output ring on real overlays; then the operation is
 * retried one operand at a time, and if that fails too it is handed to
 * polygon-clipping, the sibling engine polyclip-ts was ported from, which
 * fails on other inputs than polyclip-ts does (jittered shared fronts) and
 * so covers its failures; and if both fail, on coordinates snapped to a fine
 * grid (at most 1 mm). Output is cleaned (see `_clean.ts`); only when every
 * route fails does the caller get `ContestedError('geometry-engine')`.
 *
 * @module
 */
import * as polyclip from 'polyclip-ts';
import polygonClipping from 'polygon-clipping';
import { ContestedError } from '../errors/index.js';
import { cleanMultiPolygon, type MultiPolygon2 } from './_clean.js';

export type { MultiPolygon2, Polygon2, Ring2 } from './_clean.js';

/** A boolean-operation backend over 2-D lon/lat multipolygons. */
export interface ClipEngine {
  /** A name for error messages. */
  readonly name: string;
  /** Union of one or more operands. */
  union(operands: readonly MultiPolygon2[]): MultiPolygon2;
  /** Intersection of one or more operands. */
  intersection(operands: readonly MultiPolygon2[]): MultiPolygon2;
  /** The subject minus every clip. */
  difference(subject: MultiPolygon2, clips: readonly MultiPolygon2[]): MultiPolygon2;
}

const polyclipEngine: ClipEngine = {
  name: 'polyclip-ts',
  union: ([first, ...rest]) => (first === undefined ? [] : polyclip.union(first, ...rest)),
  intersection: ([first, ...rest]) => (first === undefined ? [] : polyclip.intersection(first, ...rest)),
  difference: (subject, clips) => polyclip.difference(subject, ...clips),
};

const polygonClippingEngine: ClipEngine = {
  name: 'polygon-clipping',
  union: ([first, ...rest]) => (first === undefined ? [] : polygonClipping.union(first, ...rest)),
  intersection: ([first, ...rest]) => (first === undefined ? [] : polygonClipping.intersection(first, ...rest)),
  difference: (subject, clips) => polygonClipping.difference(subject, ...clips),
};

/** The backend in use. */
export const engine: ClipEngine = polyclipEngine;

/** The backend tried when the main one fails on an operation, also step by step. */
export const fallbackEngine: ClipEngine = polygonClippingEngine;

/** The operations `clip` runs. */
export type ClipOperation = 'union' | 'intersection' | 'difference';

/**
 * Runs one boolean operation: operands are copied (engines may reuse their
 * input arrays), empty operands short-circuit, the output is cleaned, and a
 * failure becomes `ContestedError('geometry-engine')`. For `difference` the
 * first operand is the subject.
 */
export function clip(
  operation: ClipOperation,
  operands: readonly MultiPolygon2[],
  backend: ClipEngine = engine,
  fallback: ClipEngine | null = backend === engine ? fallbackEngine : null,
): MultiPolygon2 {
  const inputs = operands.map(copyMultiPolygon);
  if (operation === 'intersection' && (inputs.length === 0 || inputs.some((m) => m.length === 0))) return [];
  if (operation === 'union' && inputs.every((m) => m.length === 0)) return [];
  const [subject, ...clips] = inputs;
  if (operation === 'difference' && (subject === undefined || subject.length === 0)) return [];
  let result: MultiPolygon2;
  try {
    result = run(backend, operation, subject, clips, inputs);
  } catch (error) {
    // polyclip-ts sometimes fails to close an output ring when many edges
    // of several operands nearly coincide (seen on DeepState overlays where
    // the result is only slivers). The same operation taken one operand at a
    // time meets fewer near-coincident edges at once and succeeds; it gives
    // the same ground, so it is a retry, not a different answer.
    result = retryStepwise(backend, operation, subject, clips, inputs, error, operands.length, fallback);
  }
  return cleanMultiPolygon(result);
}

function run(backend: ClipEngine, operation: ClipOperation, subject: MultiPolygon2 | undefined, clips: MultiPolygon2[], inputs: MultiPolygon2[]): MultiPolygon2 {
  if (operation === 'union') return backend.union(inputs.filter((m) => m.length > 0));
  if (operation === 'intersection') return backend.intersection(inputs);
  return backend.difference(subject!, clips.filter((m) => m.length > 0));
}

function retryStepwise(
  backend: ClipEngine,
  operation: ClipOperation,
  subject: MultiPolygon2 | undefined,
  clips: MultiPolygon2[],
  inputs: MultiPolygon2[],
  firstError: unknown,
  count: number,
  fallback: ClipEngine | null,
): MultiPolygon2 {
  const operandsLeft = operation === 'difference' ? clips.filter((m) => m.length > 0) : inputs.filter((m) => m.length > 0);
  if (operandsLeft.length >= 2) {
    try {
      if (operation === 'difference') return operandsLeft.reduce((acc, clipBy) => (acc.length === 0 ? acc : backend.difference(acc, [clipBy])), subject!);
      const [first, ...rest] = operandsLeft;
      return rest.reduce((acc, next) => backend[operation]([acc, next]), first!);
    } catch {
      // fall through to the other engine
    }
  }
  if (fallback !== null) {
    try {
      return run(fallback, operation, subject, clips, inputs);
    } catch {
      // try snapping, below
    }
  }
  // Last resort: both engines are sensitive to how nearly-coincident edges
  // are written down (vertices 1e-9° apart on two claims' shared border).
  // Rounding every coordinate to a fine grid, finest first, makes them
  // exactly coincident or clearly apart, and the engines then succeed. A
  // grid of 1e-12° moves a vertex by under 0.1 µm, 1e-8° by under 1 mm:
  // far below what any map of a front line can tell apart.
  for (const grid of SNAP_GRIDS) {
    const snapped = inputs.map((m) => snapToGrid(m, grid));
    const [snappedSubject, ...snappedClips] = snapped;
    for (const engineToTry of fallback === null ? [backend] : [backend, fallback]) {
      try {
        return run(engineToTry, operation, snappedSubject, snappedClips, snapped);
      } catch {
        // next engine, next grid
      }
    }
  }
  throw engineError(backend, operation, count, firstError, fallback);
}

/** Grids, in degrees, tried in turn when both engines fail on the operands as given. */
const SNAP_GRIDS = [1e-12, 1e-10, 1e-8];

function snapToGrid(polygons: MultiPolygon2, grid: number): MultiPolygon2 {
  const snap = (v: number): number => Math.round(v / grid) * grid;
  return polygons.map((rings) => rings.map((ring) => ring.map((p): [number, number] => [snap(p[0]), snap(p[1])])));
}

function engineError(backend: ClipEngine, operation: ClipOperation, count: number, error: unknown, fallback: ClipEngine | null): ContestedError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ContestedError('geometry-engine', [
    {
      code: 'engine-failure',
      path: [],
      message:
        `the clipping engine (${backend.name}) failed on ${operation} of ${count} operand(s), also when retried one operand at a time` +
        `${fallback === null ? '' : `, with ${fallback.name}`} and on coordinates snapped to grids of ${SNAP_GRIDS.join(', ')}°: ${reason}. ` +
        'Run normalizeGeometry on the inputs; if they are valid, please report this with the inputs attached',
    },
  ]);
}

function copyMultiPolygon(polygons: MultiPolygon2): MultiPolygon2 {
  return polygons.map((rings) => rings.map((ring) => ring.map((p): [number, number] => [p[0], p[1]])));
}
