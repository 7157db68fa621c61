/**
 * Run by regressions.test.ts in a fresh Node process: the union of one
 * regression fixture's operands as a first run (nothing of the engine
 * compiled yet), its CPU time (user + system) printed as JSON on stdout.
 * Usage: node --import tsx test/geometry/_coldUnion.ts <fixture file name>
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { union } from '../../src/geometry/index.js';

type Operand = Polygon | MultiPolygon;
const file = process.argv[2];
if (file === undefined) throw new Error('usage: _coldUnion.ts <fixture file name>');
const raw = JSON.parse(readFileSync(new URL(`../fixtures/regressions/${file}`, import.meta.url), 'utf8')) as FeatureCollection<Operand>;
const close = (ring: number[][]): number[][] => {
  const [first, last] = [ring[0]!, ring[ring.length - 1]!];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
};
const operands = raw.features.map((f): Operand => (f.geometry.type === 'Polygon' ? { ...f.geometry, coordinates: f.geometry.coordinates.map(close) } : { ...f.geometry, coordinates: f.geometry.coordinates.map((p) => p.map(close)) }));
const start = process.cpuUsage();
const result = union(...operands);
const used = process.cpuUsage(start);
process.stdout.write(JSON.stringify({ ms: (used.user + used.system) / 1000, polygons: result.type === 'MultiPolygon' ? result.coordinates.length : 1 }));
