/**
 * Reading the command line's inputs: GeoJSON files, the date in a file's
 * name, and a snapshot's claims by `--source`. Every failure is a
 * {@link CliError} with the file it is about, printed as one line.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Claim } from '../claims/schema.js';
import { ContestedError, formatPath } from '../errors/index.js';
import { fromDeepState, fromGeoJSON } from '../importers/index.js';
import type { ControlStatus } from '../claims/schema.js';

/** An error the command line prints as one line; `usage` errors exit with status 2, the others with 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

export interface SourceOptions {
  source: 'deepstate' | 'geojson';
  side?: string;
  status: ControlStatus;
  extent?: FeatureCollection<Polygon | MultiPolygon>;
}

/** A file's text, or says which file cannot be read (a system error such as ENOENT or EISDIR; anything else passes through). */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    // System errors carry an errno code (ENOENT, EACCES …); Node's own ERR_* codes mean a bug in the call.
    if (typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code)) throw error;
    throw new CliError(`cannot read ${file}: ${code}`);
  }
}

/** Parses a JSON file, or says which file is not JSON. */
export function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // JSON.parse of a string throws a SyntaxError and nothing else.
    if (!(error instanceof SyntaxError)) throw error;
    throw new CliError(`${file} is not JSON: ${error.message}`);
  }
}

/** A GeoJSON FeatureCollection of areas (a Feature or a bare geometry is wrapped). */
export function readAreas(file: string): FeatureCollection<Polygon | MultiPolygon> {
  const value = readJson(file) as { type?: unknown };
  if (value?.type === 'FeatureCollection') return value as FeatureCollection<Polygon | MultiPolygon>;
  if (value?.type === 'Feature') return { type: 'FeatureCollection', features: [value as FeatureCollection<Polygon | MultiPolygon>['features'][number]] };
  if (value?.type === 'Polygon' || value?.type === 'MultiPolygon') return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: value as Polygon }] };
  throw new CliError(`${file} is not GeoJSON areas (a FeatureCollection, Feature, Polygon or MultiPolygon)`);
}

/** The snapshot dates: `--dates` when given (one per file), else the `YYYY-MM-DD` in each file's name. */
export function datesOf(files: readonly string[], dates: string | undefined): string[] {
  if (dates !== undefined) {
    const list = dates.split(',').map((d) => d.trim());
    if (list.length !== files.length) throw new CliError(`--dates gives ${list.length} dates for ${files.length} files`, true);
    return list;
  }
  return files.map((file) => {
    const match = /\d{4}-\d{2}-\d{2}/.exec(basename(file));
    if (match === null) throw new CliError(`no YYYY-MM-DD date in the file name ${file}; name the files by date or give --dates`, true);
    return match[0];
  });
}

/** A snapshot's claims, read as `--source` says. */
export function claimsOf(file: string, asOf: string, options: SourceOptions): Claim[] {
  const collection = readJson(file) as FeatureCollection<Geometry | null>;
  return located(file, () => {
    if (options.source === 'deepstate') return fromDeepState(collection, options.extent === undefined ? { asOf } : { asOf, extent: options.extent });
    const claimant = basename(file).replace(/\.(geo)?json$/i, '');
    const stance = options.status === 'contested' ? { status: options.status } : { status: options.status, side: options.side ?? '' };
    if (stance.status !== 'contested' && options.side === undefined) throw new CliError('--source geojson needs --side (the side that holds the ground drawn)', true);
    return fromGeoJSON(collection, { claimant, asOf, ...stance });
  });
}

/** Runs `read`, naming `file` in any ContestedError it throws. */
export function located<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ContestedError) throw new CliError(`${file}: ${oneLine(error)}`);
    throw error;
  }
}

/** A ContestedError as one line: its code and the first issue with its path, and how many more. */
export function oneLine(error: ContestedError): string {
  const [first, ...rest] = error.issues;
  const where = first === undefined || first.path.length === 0 ? '' : ` at ${formatPath(first.path)}`;
  return `${error.code}${where}: ${first?.message ?? error.message}${rest.length > 0 ? ` (and ${rest.length} more)` : ''}`;
}
