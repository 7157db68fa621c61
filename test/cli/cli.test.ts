/**
 * The `contested` command line, run as a process (through tsx, from the
 * source), on small GeoJSON files written to a temporary folder, and on three
 * real DeepState days when the shared data is there.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaKm2 } from '../../src/geometry/index.js';
import { dataDir, hasData } from '../real-data/_data.js';

const dir = mkdtempSync(join(tmpdir(), 'contested-cli-'));
// The bin from the source, bundled by esbuild into one file: a
// process that starts in a fraction of a second, where tsx would transpile the library on every run.
// It lives inside the project (under node_modules/.cache) so that `--workers` finds the optional
// tinypool as an installed package would, with the bundled worker module beside it as in dist/history/.
const cache = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));
mkdirSync(cache, { recursive: true });
const binDir = mkdtempSync(join(cache, 'contested-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(binDir, { recursive: true, force: true });
});
const bin = join(binDir, 'contested.mjs');
beforeAll(async () => {
  const { build } = await import('esbuild');
  const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error', banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } } as const;
  await build({ ...common, entryPoints: [fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))], outfile: bin });
  await build({ ...common, entryPoints: [fileURLToPath(new URL('../../src/history/_historyWorker.ts', import.meta.url))], outfile: join(binDir, '_historyWorker.js') });
});

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, NODE_PATH: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Columns [0, east) of a 10-column strip, 0.01° each. */
const strip = (east: number): Polygon => ({ type: 'Polygon', coordinates: [[[37.1, 48.25], [37.1 + east * 0.01, 48.25], [37.1 + east * 0.01, 48.26], [37.1, 48.26], [37.1, 48.25]]] });
function write(name: string, value: unknown): string {
  writeFileSync(join(dir, name), JSON.stringify(value));
  return name;
}
const held = (east: number) => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: strip(east) }] });
const files = [write('ru-2025-01-30.geojson', held(2)), write('ru-2025-01-31.geojson', held(4)), write('ru-2025-02-02.geojson', held(3))];
const column = areaKm2(strip(1));

describe('contested (the bin)', () => {
  it('history --format csv: the contract header and one row per period and side', () => {
    const { status, stdout, stderr } = run('history', ...files, '--source', 'geojson', '--side', 'RU', '--status', 'controlled', '--by', 'month', '--format', 'csv');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const [header, ...rows] = stdout.trim().split('\n');
    expect(header).toBe('period,side,gained_km2,lost_km2,net_km2,steps');
    expect(rows.map((r) => r.split(',')).map(([period, side, g, l, n, steps]) => [period, side, Number(g) / column, Number(l) / column, Number(n) / column, steps])).toEqual([
      ['2025-01', 'RU', expect.closeTo(2, 5), 0, expect.closeTo(2, 5), '1'],
      ['2025-02', 'RU', 0, expect.closeTo(1, 5), expect.closeTo(-1, 5), '1'],
    ]);
  });

  it('history --regions: region first, a row per region, period and side', () => {
    const region = (name: string, w: number, e: number) => ({ type: 'Feature', properties: { ADM1_EN: name }, geometry: { type: 'Polygon', coordinates: [[[37.1 + w * 0.01, 48.2], [37.1 + e * 0.01, 48.2], [37.1 + e * 0.01, 48.3], [37.1 + w * 0.01, 48.3], [37.1 + w * 0.01, 48.2]]] } });
    const regions = write('regions.geojson', { type: 'FeatureCollection', features: [region('West', 0, 3), region('East', 3, 10)] });
    const { status, stdout } = run('history', ...files, '--source', 'geojson', '--side', 'RU', '--by', 'month', '--regions', regions, '--name-property', 'ADM1_EN');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('region,period,side,gained_km2,lost_km2,net_km2,steps');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['West,2025-01,RU', 'East,2025-01,RU', 'West,2025-02,RU', 'East,2025-02,RU']);
    expect(Number(lines[1]!.split(',')[3]) / column).toBeCloseTo(1, 5);
  });

  it('history --format json and svg', () => {
    const json = JSON.parse(run('history', ...files, '--source', 'geojson', '--side', 'RU', '--format', 'json').stdout) as { periods: { period: string }[] };
    expect(json.periods.map((p) => p.period)).toEqual(['2025-01-31', '2025-02-02']);
    const svg = run('history', ...files, '--source', 'geojson', '--side', 'RU', '--format', 'svg', '--by', 'month').stdout;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('km²');
  });

  it('change, diff and area', () => {
    const change = run('change', files[0]!, files[1]!, '--source', 'geojson', '--side', 'RU');
    expect(change.stdout.split('\n')[0]).toBe('side,gained_km2,lost_km2,net_km2,to_contested_km2');
    expect(Number(change.stdout.split('\n')[1]!.split(',')[1]) / column).toBeCloseTo(2, 5);
    const within = write('within.geojson', strip(10));
    const diff = run('diff', files[0]!, files[1]!, '--source', 'geojson', '--side', 'RU', '--within', within, '--format', 'json');
    const parsed = JSON.parse(diff.stdout) as { summary: Record<string, { km2: number }>; sliversKm2: number; claimSliversKm2: number };
    const summary = parsed.summary;
    // Both counts of ground left out are printed: the overlay's slivers and those of the maps made of the claims.
    expect([typeof parsed.sliversKm2, typeof parsed.claimSliversKm2]).toEqual(['number', 'number']);
    const changeJson = JSON.parse(run('change', files[0]!, files[1]!, '--source', 'geojson', '--side', 'RU', '--format', 'json').stdout) as { sliversKm2: number; claimSliversKm2: number };
    expect([typeof changeJson.sliversKm2, typeof changeJson.claimSliversKm2]).toEqual(['number', 'number']);
    expect(summary['agree']!.km2 / column).toBeCloseTo(2, 5);
    expect(summary['only-b']!.km2 / column).toBeCloseTo(2, 5);
    expect(Number(run('area', within).stdout.split(' ')[0])).toBeCloseTo(areaKm2(strip(10)), 5);
  });

  it('validate: 0 for a valid dataset, 1 with every problem listed for a bad one', () => {
    const good = run('validate', new URL('../../examples/pokrovsk/pokrovsk.json', import.meta.url).pathname);
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/valid \(/);
    const bad = run('validate', write('bad.json', { sides: [{ id: 'UA' }], claims: [{ id: 'c1' }] }));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/claims\[0\]/);
    expect(bad.stderr).toMatch(/problems? found/);
  });

  it('usage errors exit 2 with one line; input errors exit 1 with one line; --help exits 0', () => {
    const usage = run('history', ...files, '--by', 'year');
    expect(usage.status).toBe(2);
    expect(usage.stderr.split('\n')[0]).toMatch(/'year' is invalid/);
    const noDate = run('history', write('a.geojson', held(1)), write('b.geojson', held(2)), '--source', 'geojson', '--side', 'RU');
    expect(noDate.status).toBe(2);
    expect(noDate.stderr).toMatch(/^contested: no YYYY-MM-DD date in the file name a\.geojson/);
    const missing = run('area', 'nowhere.geojson');
    expect([missing.status, missing.stderr]).toEqual([1, 'contested: cannot read nowhere.geojson: ENOENT\n']);
    expect(run('validate', '.').stderr).toBe('contested: cannot read .: EISDIR\n');
    const broken = run('area', write('broken.geojson', { type: 'Polygon', coordinates: [[[0, 0], [1, 'x']]] }));
    expect(broken.status).toBe(1);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    for (const command of ['history', 'change', 'diff', 'area', 'validate']) {
      const help = run(command, '--help');
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: contested ${command}`));
    }
  });

  it('history --workers on too little work runs on one thread, says so on standard error, and prints the same rows', () => {
    const serial = run('history', ...files, '--source', 'geojson', '--side', 'RU', '--by', 'month');
    const asked = run('history', ...files, '--source', 'geojson', '--side', 'RU', '--by', 'month', '--workers', '2');
    expect(asked.status).toBe(0);
    expect(asked.stdout).toBe(serial.stdout);
    expect(asked.stderr).toBe('contested: ran on one thread, not 2: 2 steps of these maps are too few to pay for starting worker threads (at least 4 steps per thread and 5,000 vertices a map)\n');
  });

  it('writes no progress when standard error is not a terminal', () => {
    expect(run('history', ...files, '--source', 'geojson', '--side', 'RU').stderr).toBe('');
  });

  it.skipIf(!hasData('cli deepstate', 'deepstate-daily/occupied-2025-03-30.geojson'))('history of three real DeepState days over the missing 2025-03-31 and 2025-04-01', () => {
    const days = ['2025-03-29', '2025-03-30', '2025-04-02'].map((d) => `${dataDir}deepstate-daily/occupied-${d}.geojson`);
    const { status, stdout } = run('history', ...days, '--by', 'day', '--side', 'RU');
    expect(status).toBe(0);
    const rows = stdout.trim().split('\n').slice(1).map((r) => r.split(','));
    expect(rows.map((r) => [r[0], r[1], r[5]])).toEqual([['2025-03-30', 'RU', '1'], ['2025-04-02', 'RU', '1']]);
    expect(Number(rows[1]![2])).toBeGreaterThan(10);
  });

  it.skipIf(!hasData('cli deepstate workers', 'deepstate-raw/polygons-2025-11-18.geojson'))('history --workers 2 of nine full per-class DeepState maps: a worker thread computes half the steps, the same periods as serially', () => {
    // DeepState's raw per-class layers (tens of thousands of vertices, where the daily merged files are too small for a
    // worker to pay), three real days read in turn as nine dated snapshots: every step is a full overlay.
    const days = ['2025-11-01', '2025-11-18', '2025-12-01'].map((d) => `${dataDir}deepstate-raw/polygons-${d}.geojson`);
    const files = [...days, ...days, ...days];
    const dates = ['--dates', Array.from({ length: 9 }, (_, i) => `2026-01-0${1 + i}`).join(',')];
    const serial = run('history', ...files, ...dates, '--by', 'day', '--format', 'json');
    const pooled = run('history', ...files, ...dates, '--by', 'day', '--format', 'json', '--workers', '2');
    expect([pooled.status, pooled.stderr]).toEqual([0, '']);
    const read = (out: string) => JSON.parse(out) as { periods: { bySide: Record<string, { gainedKm2: number }> }[]; workersUsed: number };
    expect(read(serial.stdout).workersUsed).toBe(0);
    expect(read(pooled.stdout).workersUsed).toBe(1);
    expect(read(pooled.stdout).periods).toHaveLength(8);
    expect(read(pooled.stdout).periods[0]!.bySide['RU']!.gainedKm2).toBeGreaterThan(10);
    expect(read(pooled.stdout).periods).toEqual(read(serial.stdout).periods);
  });
});
