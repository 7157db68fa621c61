#!/usr/bin/env node
/**
 * The `contested` command line, for people who do not write TypeScript:
 * `history` (the series of gains and losses, by step, day, week or month,
 * optionally by region, as CSV, JSON or an SVG chart), `change`, `diff`,
 * `area` and `validate`. commander parses the arguments and writes `--help`.
 * Exit status: 0 done, 1 the input was wrong (printed as one line, or every
 * issue for `validate`), 2 the command line was wrong.
 */
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Claim } from '../claims/schema.js';
import type { ControlStatus } from '../claims/schema.js';
import { controlChange } from '../control/controlChange.js';
import { controlMap } from '../control/controlMap.js';
import { diffClaims } from '../diff/diffClaims.js';
import { safeParseDatasetJson } from '../dataset/parse.js';
import { ContestedError, formatPath } from '../errors/index.js';
import { areaKm2 } from '../geometry/index.js';
import { controlHistory, WORKER_RULE, type ControlHistory } from '../history/controlHistory.js';
import { toSvgChart } from '../output/chart.js';
import { toSvg } from '../output/svg.js';
import { progressLine } from './_progress.js';
import { CliError, claimsOf, datesOf, located, oneLine, readAreas, readJson, readText, type SourceOptions } from './_read.js';

interface SourceFlags {
  source: 'deepstate' | 'geojson';
  side?: string;
  status: ControlStatus;
  extent?: string;
  within?: string;
  dates?: string;
}

const sourceOptions = (command: Command): Command =>
  command
    .addOption(new Option('--source <kind>', 'how to read each file: a DeepStateMap layer, or plain GeoJSON polygons').choices(['deepstate', 'geojson']).default('deepstate'))
    .option('--side <id>', 'with --source geojson: the side that holds the ground drawn; in the output: only this side')
    .addOption(new Option('--status <status>', 'with --source geojson: the status of the ground drawn').choices(['controlled', 'contested', 'advancing']).default('controlled'))
    .option('--extent <file>', 'with --source deepstate: the ground the map covers (e.g. Ukraine), so that the rest counts as Ukrainian-held')
    .option('--within <file>', 'count only ground inside this area (GeoJSON)')
    .option('--dates <list>', 'the snapshot dates, comma-separated, one per file (default: the YYYY-MM-DD in each file name)');

function readSource(flags: SourceFlags): SourceOptions {
  const options: SourceOptions = { source: flags.source, status: flags.status };
  if (flags.side !== undefined) options.side = flags.side;
  if (flags.extent !== undefined) options.extent = readAreas(flags.extent);
  return options;
}

const fixed = (value: number): string => value.toFixed(6);

/** `--workers`: a whole number of threads, 1 or more, or `auto` for every core. */
function threadsArg(value: string): number {
  if (value === 'auto') return availableParallelism();
  if (!/^[1-9][0-9]*$/.test(value)) throw new InvalidArgumentError('expected a whole number of threads, 1 or more, or "auto"');
  return Number(value);
}

async function history(files: string[], flags: SourceFlags & { by: 'step' | 'day' | 'week' | 'month'; regions?: string; nameProperty: string; format: 'csv' | 'json' | 'svg'; title?: string; workers?: number }): Promise<string> {
  if (files.length < 2) throw new CliError('history needs at least two snapshot files', true);
  const dates = datesOf(files, flags.dates);
  const source = readSource(flags);
  const regions = flags.regions === undefined ? undefined : readAreas(flags.regions);
  const progress = progressLine();
  const snapshots = files.map((file, i) => {
    progress.update('reading', i, files.length);
    const claims = claimsOf(file, dates[i]!, source);
    return { at: dates[i]!, map: located(file, () => controlMap(claims)) };
  });
  const result = await controlHistory(snapshots, {
    by: flags.by,
    ...(flags.within === undefined ? {} : { within: readAreas(flags.within) }),
    ...(regions === undefined ? {} : { regions, nameProperty: flags.nameProperty }),
    ...(flags.workers === undefined ? {} : { workers: flags.workers }),
    onProgress: ({ done, total }) => progress.update('comparing', done, total),
  }).catch((error: unknown) => {
    throw error instanceof ContestedError ? new CliError(oneLine(error)) : error;
  });
  progress.done();
  if (flags.workers !== undefined && flags.workers > 1 && result.workersUsed === 0) {
    // Asked for threads and ran on one: say so (same figures either way), and why.
    process.stderr.write(
      `contested: ran on one thread, not ${flags.workers}: ${regions !== undefined ? 'a breakdown by region runs serially' : `${files.length - 1} steps of these maps are too few to pay for starting worker threads (at least ${WORKER_RULE.minStepsPerThread} steps per thread and ${WORKER_RULE.minMapVertices.toLocaleString('en')} vertices a map)`}\n`,
    );
  }
  const shown = onlySide(result, flags.side);
  if (flags.format === 'json') return `${JSON.stringify(shown, null, 2)}\n`;
  if (flags.format === 'svg') return toSvgChart(shown, { title: flags.title ?? `Ground gained and lost, by ${flags.by}`, source: `Source: ${files.length} snapshots, ${dates[0]} to ${dates.at(-1)}; computed with contested` });
  return historyCsv(shown, regions !== undefined);
}

function onlySide(result: ControlHistory, side: string | undefined): ControlHistory {
  if (side === undefined) return result;
  const keep = <T>(bySide: Record<string, T>): Record<string, T> => (Object.prototype.hasOwnProperty.call(bySide, side) ? { [side]: bySide[side]! } : {});
  return { periods: result.periods.map((p) => ({ ...p, bySide: keep(p.bySide), ...(p.byRegion === undefined ? {} : { byRegion: p.byRegion.map((r) => ({ ...r, bySide: keep(r.bySide) })) }) })) };
}

/** One row per period and side (and region, first, with --regions); sides with no change in a region get zeros. */
function historyCsv(result: ControlHistory, byRegion: boolean): string {
  const lines = [`${byRegion ? 'region,' : ''}period,side,gained_km2,lost_km2,net_km2,steps`];
  for (const p of result.periods) {
    const sides = Object.keys(p.bySide).sort();
    if (!byRegion) {
      for (const side of sides) lines.push([p.period, csvText(side), fixed(p.bySide[side]!.gainedKm2), fixed(p.bySide[side]!.lostKm2), fixed(p.bySide[side]!.netKm2), p.steps].join(','));
      continue;
    }
    for (const row of p.byRegion ?? []) {
      for (const side of sides) {
        const f = row.bySide[side] ?? { gainedKm2: 0, lostKm2: 0, netKm2: 0 };
        lines.push([csvText(row.region), p.period, csvText(side), fixed(f.gainedKm2), fixed(f.lostKm2), fixed(f.netKm2), p.steps].join(','));
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
function csvText(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function pair(a: string, b: string, flags: SourceFlags): [Claim[], Claim[]] {
  const [dateA, dateB] = datesOf([a, b], flags.dates);
  const source = readSource(flags);
  return [claimsOf(a, dateA!, source), claimsOf(b, dateB!, source)];
}

function change(a: string, b: string, flags: SourceFlags & { format: 'csv' | 'json' }): string {
  const [before, after] = pair(a, b, flags);
  const result = located(`${a} → ${b}`, () => controlChange(before, after, flags.within === undefined ? {} : { within: readAreas(flags.within) }));
  const sides = Object.keys(result.bySide).sort().filter((s) => flags.side === undefined || s === flags.side);
  if (flags.format === 'json') return `${JSON.stringify({ bySide: Object.fromEntries(sides.map((s) => [s, result.bySide[s]])), sliversKm2: result.sliversKm2, claimSliversKm2: result.claimSliversKm2 }, null, 2)}\n`;
  const rows = sides.map((s) => [csvText(s), fixed(result.bySide[s]!.gainedKm2), fixed(result.bySide[s]!.lostKm2), fixed(result.bySide[s]!.netKm2), fixed(result.bySide[s]!.toContestedKm2)].join(','));
  return `${['side,gained_km2,lost_km2,net_km2,to_contested_km2', ...rows].join('\n')}\n`;
}

function diff(a: string, b: string, flags: SourceFlags & { format: 'csv' | 'json' | 'svg' }): string {
  const [claimsA, claimsB] = pair(a, b, flags);
  const result = located(`${a} vs ${b}`, () => diffClaims(claimsA, claimsB, flags.within === undefined ? {} : { within: readAreas(flags.within) }));
  if (flags.format === 'svg') return toSvg(result, { title: `${a} vs ${b}` });
  if (flags.format === 'json') return `${JSON.stringify({ summary: result.summary, withinKm2: result.withinKm2, parties: result.parties, sliversKm2: result.sliversKm2, claimSliversKm2: result.claimSliversKm2 }, null, 2)}\n`;
  const rows = Object.entries(result.summary).map(([label, total]) => `${label},${fixed(total.km2)},${total.share === null ? '' : total.share.toFixed(6)}`);
  return `${['label,km2,share', ...rows].join('\n')}\n`;
}

function area(file: string, flags: { format: 'text' | 'json' }): string {
  const km2 = located(file, () => areaKm2(readJson(file) as Parameters<typeof areaKm2>[0]));
  return flags.format === 'json' ? `${JSON.stringify({ file, km2 })}\n` : `${fixed(km2)} km²\n`;
}

/** Exit status 1 with every issue printed when the dataset is not valid. */
function validate(file: string): { out: string; err: string; status: number } {
  const result = safeParseDatasetJson(readText(file));
  if (result.success) {
    const counts = Object.entries(result.data).filter(([, v]) => Array.isArray(v)).map(([k, v]) => `${(v as unknown[]).length} ${k}`);
    return { out: `${file}: valid (${counts.join(', ')})\n`, err: '', status: 0 };
  }
  const issues = result.error.issues.map((i) => `${file}: ${formatPath(i.path)}: ${i.message} [${i.code}]`);
  return { out: '', err: `${issues.join('\n')}\n${file}: ${result.error.issues.length} problem${result.error.issues.length === 1 ? '' : 's'} found\n`, status: 1 };
}

function program(write: (text: string) => void, setStatus: (status: number) => void): Command {
  const cli = new Command('contested')
    .description('Territorial control over time from tracker snapshots (DeepStateMap, ISW, any GeoJSON): gains, losses, diffs, areas.')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (text, out) => out(text.split('\n')[0] + '\n') });

  sourceOptions(
    cli
      .command('history')
      .description("km² gained, lost and net per period from a run of snapshots (e.g. DeepState's daily files)")
      .argument('<files...>', 'snapshot files, each with a YYYY-MM-DD in its name (or see --dates)')
      .addOption(new Option('--by <period>', 'sum the steps by').choices(['step', 'day', 'week', 'month']).default('step'))
      .option('--regions <file>', 'break each period down by these regions (GeoJSON polygons)')
      .option('--name-property <name>', 'the region property that names each row', 'name')
      .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json', 'svg']).default('csv'))
      .option('--title <text>', 'the chart title (--format svg)')
      .option('--workers <n>', 'compute the steps on n threads (this one and n−1 worker threads; "auto": one per core); same figures, faster on long runs of large maps', threadsArg),
  ).action(async (files: string[], flags) => write(await history(files, flags)));

  sourceOptions(
    cli.command('change').description('km² each side gained and lost between two snapshots').argument('<before>', 'the earlier snapshot').argument('<after>', 'the later snapshot').addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv')),
  ).action((a: string, b: string, flags) => write(change(a, b, flags)));

  sourceOptions(
    cli.command('diff').description('where two parties agree and disagree, km² and share').argument('<a>', "party A's file").argument('<b>', "party B's file").addOption(new Option('--format <format>', 'output format').choices(['csv', 'json', 'svg']).default('csv')),
  ).action((a: string, b: string, flags) => write(diff(a, b, flags)));

  cli
    .command('area')
    .description('the area of a GeoJSON geometry, Feature or FeatureCollection, km² on the WGS84 ellipsoid')
    .argument('<file>', 'a GeoJSON file')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((file: string, flags) => write(area(file, flags)));

  cli
    .command('validate')
    .description('check a contested dataset (JSON); exit status 1 with every problem listed when it is not valid')
    .argument('<dataset>', 'a dataset JSON file')
    .action((file: string) => {
      const result = validate(file);
      write(result.out);
      if (result.err !== '') process.stderr.write(result.err);
      setStatus(result.status);
    });
  return cli;
}

async function main(argv: readonly string[]): Promise<number> {
  let status = 0;
  const cli = program((text) => process.stdout.write(text), (s) => (status = s));
  try {
    await cli.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      process.stderr.write(`contested: ${error.message}\n`);
      return error.usage ? 2 : 1;
    }
    if (error instanceof ContestedError) {
      process.stderr.write(`contested: ${oneLine(error)}\n`);
      return 1;
    }
    // Anything else is not a problem of the input or the command line but a bug (or the system failing):
    // thrown on, so that Node prints it with its stack and exits with status 1, instead of a bare message.
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
