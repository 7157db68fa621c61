/**
 * Where the real third-party data lives (`../shared/data`, beside the
 * repository) and how the real-data tests read it. The files are read in
 * place and never copied; when the folder is absent the suites skip with a
 * message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';

/** The shared data folder, absolute. */
export const dataDir = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/** Whether `file` (relative to the data folder) exists; warns once per suite when it does not. */
export function hasData(suite: string, ...files: string[]): boolean {
  const missing = files.filter((file) => !existsSync(`${dataDir}${file}`));
  if (missing.length > 0) console.warn(`[${suite}] skipped: ${missing.join(', ')} not found under ${dataDir}`);
  return missing.length === 0;
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
