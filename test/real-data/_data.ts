/**
 * Where the real third-party data lives (`../shared/data`, beside the
 * repository) and how the real-data tests read it. The files are read in
 * place and never copied. The one rule for missing data, used by every
 * suite that reads it: under `CI=true` a missing file fails the suite with
 * a message naming the folder; locally the suite skips with one line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';

/** The shared data folder, absolute. */
export const dataDir = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/**
 * Whether the files (relative to the data folder; none: the folder itself)
 * exist. When one does not: under `CI=true` this throws, so the suite
 * fails naming the folder; locally it prints one line and the suite skips.
 */
export function hasData(suite: string, ...files: string[]): boolean {
  const missing = (files.length === 0 ? [''] : files).filter((file) => !existsSync(`${dataDir}${file}`));
  if (missing.length === 0) return true;
  const what = missing.length === 1 && missing[0] === '' ? 'the folder itself is missing' : `${missing.join(', ')} not found`;
  const message = `[${suite}] needs the real data in ${dataDir} (../shared/data beside the repository): ${what}`;
  if (process.env['CI'] === 'true') throw new Error(`${message}. Under CI=true the real-data suites never skip.`);
  console.warn(`${message}; skipped locally (under CI=true this fails)`);
  return false;
}

/** Reads a GeoJSON FeatureCollection from the data folder. */
export function readCollection(file: string): FeatureCollection<Geometry | null> {
  return JSON.parse(readFileSync(`${dataDir}${file}`, 'utf8')) as FeatureCollection<Geometry | null>;
}

/** Reads a FeatureCollection of areas (a boundary) from the data folder. */
export function readAreas(file: string): FeatureCollection<Polygon | MultiPolygon> {
  return readCollection(file) as FeatureCollection<Polygon | MultiPolygon>;
}

/** Formats km² with thousands separators and `digits` decimals. */
export function km2(value: number, digits = 1): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Prints rows as a Markdown table, so that the test output can be pasted into a note. */
export function printTable(title: string, header: string[], rows: string[][]): void {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
  console.log(`\n${title}\n${lines.join('\n')}\n`);
}
