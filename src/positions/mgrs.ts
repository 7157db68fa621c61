/**
 * MGRS in, MGRS out, through the maintained `mgrs` package (proj4js).
 *
 * `mgrs` ships CommonJS as `main` and ESM as `module` with no `exports` map:
 * Node's ESM loader then sees only a default export, while bundlers see named
 * exports. Reading the functions off whichever shape arrived makes both
 * builds of this package work (a type check alone does not prove that). The
 * shape is read on first use, not at import: importing this package runs no
 * code.
 *
 * @module
 */
import * as mgrsModule from 'mgrs';
import { ContestedError } from '../errors/index.js';
import { quote } from '../_lib/quote.js';
import { stringArg } from '../_lib/args.js';

interface MgrsApi {
  forward(ll: [number, number], accuracy?: number): string;
  toPoint(mgrs: string): [number, number];
  inverse(mgrs: string): [number, number, number, number];
}

let loaded: MgrsApi | undefined;

/** The `mgrs` functions, found on first use. */
function mgrsApi(): MgrsApi {
  if (loaded !== undefined) return loaded;
  const ns = mgrsModule as unknown as Partial<MgrsApi> & { default?: Partial<MgrsApi> };
  const api = typeof ns.forward === 'function' ? ns : ns.default;
  if (api?.forward === undefined || api.toPoint === undefined || api.inverse === undefined) {
    throw new ContestedError('invalid-input', [{ code: 'dependency', path: [], message: 'the mgrs package did not load' }]);
  }
  loaded = api as MgrsApi;
  return loaded;
}

/**
 * Digits per easting/northing in an MGRS reference: 5 is 1 m, 4 is 10 m,
 * 3 is 100 m, 2 is 1 km, 1 is 10 km, 0 is the 100 km square.
 *
 * @category Positions
 */
export type MgrsPrecision = 0 | 1 | 2 | 3 | 4 | 5;

/**
 * The result of reading an MGRS reference: the centre of the square it
 * names, and the square's size.
 *
 * @category Positions
 */
export interface MgrsPoint {
  /** Centre of the grid square, `[lon, lat]`. */
  coordinates: [number, number];
  /** Side of the grid square in metres (1 for a 10-digit reference). */
  squareM: number;
  /** The square's bounds `[west, south, east, north]`. */
  bbox: [number, number, number, number];
}

/**
 * Reads an MGRS reference such as `"37U CP 64975 49022"` (spaces optional).
 *
 * @param reference - an MGRS reference
 * @returns the centre of the square it names, with the square's size
 * @throws {@link ContestedError} `invalid-input` when the reference is malformed
 * @category Positions
 *
 * @example
 * ```ts
 * fromMgrs('37U CP 649 490').squareM;
 * //=> 100
 * ```
 */
export function fromMgrs(reference: string): MgrsPoint {
  const compact = stringArg(reference, ['reference'], 'an MGRS reference (a string)').replace(/\s+/g, '').toUpperCase();
  const match = /^(\d{1,2})([C-HJ-NP-X])([A-HJ-NP-Z]{2})(\d*)$/.exec(compact);
  const digits = match?.[4] ?? '';
  if (!match || digits.length % 2 !== 0 || digits.length > 10) {
    throw mgrsError(reference, 'expected zone, band, 100 km square and an even number of digits (up to 10), such as "37U CP 64975 49022"');
  }
  // mgrs reads zones past 60 into null and fails with a TypeError of its own, and reads zone 0 as zone 60.
  const zone = Number(match[1]);
  if (zone < 1 || zone > 60) throw mgrsError(reference, `UTM zones run from 1 to 60, not ${zone}`);
  const api = mgrsApi();
  let bbox: [number, number, number, number];
  try {
    bbox = api.inverse(compact);
  } catch (cause) {
    if (!isMgrsRefusal(cause)) throw cause;
    throw mgrsError(reference, `it does not name a grid square (${cause.message.slice(0, 200)})`);
  }
  if (!bbox.every(Number.isFinite)) throw mgrsError(reference, 'it does not name a grid square (the mgrs package found no finite bounds)');
  const squareM = 10 ** (5 - digits.length / 2);
  const coordinates: [number, number] = [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2];
  return { coordinates, squareM, bbox };
}

/**
 * Whether `error` is how mgrs (2.x) refuses a reference it cannot read: an
 * `Error` or `TypeError` worded "MGRSPoint …", "Bad character …" or
 * "Invalid zone letter …". Matched by its wording, so that any other
 * exception (a RangeError, a TypeError of a bug) passes through.
 */
function isMgrsRefusal(error: unknown): error is Error {
  return error instanceof Error && /^(MGRSPoint |Bad character|Invalid zone letter)/.test(error.message);
}

/**
 * Writes a position as an MGRS reference, grouped with spaces
 * (`"37U CP 64975 49022"`).
 *
 * @param coordinates - `[lon, lat]` in WGS84
 * @param precision - digits per axis; 5 (1 m) by default
 * @returns the reference
 * @throws {@link ContestedError} `invalid-input` outside MGRS's UTM range (80°S–84°N)
 * @category Positions
 *
 * @example
 * ```ts
 * toMgrs([37.18, 48.28], 3);
 * //=> '37U CP 649 490'
 * ```
 */
export function toMgrs(coordinates: readonly [number, number] | readonly number[], precision: MgrsPrecision = 5): string {
  if (!Array.isArray(coordinates)) throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: ['coordinates'], message: 'expected a [lon, lat] position' }]);
  const lon = coordinates[0];
  const lat = coordinates[1];
  if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat) || lat < -80 || lat > 84 || lon < -180 || lon > 180) {
    throw new ContestedError('invalid-input', [
      { code: 'out-of-range', path: [], message: `[${quote(lon)}, ${quote(lat)}] has no MGRS reference: MGRS covers longitudes −180°–180° and latitudes 80°S–84°N` },
    ]);
  }
  const raw = mgrsApi().forward([lon, lat], precision);
  const m = /^(\d{1,2}[A-Z])([A-Z]{2})(\d*)$/.exec(raw);
  if (!m) return raw;
  const digits = m[3] ?? '';
  const half = digits.length / 2;
  return digits.length === 0 ? `${m[1]} ${m[2]}` : `${m[1]} ${m[2]} ${digits.slice(0, half)} ${digits.slice(half)}`;
}

function mgrsError(reference: string, why: string): ContestedError {
  return new ContestedError('invalid-input', [
    { code: 'invalid-mgrs', path: [], message: `${JSON.stringify(reference.slice(0, 60))} is not an MGRS reference: ${why}` },
  ]);
}
