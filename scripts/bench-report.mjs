// Runs every benchmark once (`vitest bench --run`) and writes bench/RESULTS.md from that run's output alone:
// the machine, the load before and after, the exit status, every table the benchmarks printed (in the order
// printed) and every line saying why a comparison was skipped. Nothing is carried over from an earlier run.
// Usage: npm run bench:report   (the targets section is then read off the tables by hand, below them)
import { spawn, spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

// Native GEOS first: says which versions will be timed, or the command that installs them (never installs here).
spawnSync(process.execPath, [fileURLToPath(new URL('bench-setup.mjs', import.meta.url)), '--check'], { stdio: 'inherit' });
const stamp = () => `${new Date().toUTCString()}; load: \`${execFileSync('uptime', { encoding: 'utf8' }).trim()}\``;
const started = stamp();
const child = spawn('npx', ['vitest', 'bench', '--run', ...process.argv.slice(2)], { env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
for (const stream of [child.stdout, child.stderr]) {
  stream.on('data', (chunk) => {
    output += chunk;
    process.stdout.write(chunk);
  });
}
const code = await new Promise((resolve) => child.on('close', resolve));
const ended = stamp();

const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
const sections = [];
for (let i = 0; i < lines.length; i++) {
  if (/^\|.*\|$/.test(lines[i]) && !/^\|.*\|$/.test(lines[i - 1] ?? '')) {
    const title = (lines[i - 1] ?? '').trim().replace(/^#+\s*/, '');
    const table = [];
    while (i < lines.length && /^\|.*\|$/.test(lines[i])) table.push(lines[i++]);
    sections.push(`### ${title}\n\n${table.join('\n')}`);
  }
}
const skipped = [...new Set(lines.filter((l) => /^\[[\w -]+\] .*(skipped|n\/a)/.test(l.trim())).map((l) => l.trim()))];

const report = `# Benchmark results

One run of \`npm run bench:report\` (\`vitest bench --run\`, every \`bench/*.bench.ts\`), written whole by
\`scripts/bench-report.mjs\` from that run's output: no row below comes from another run. Native GEOS is GEOS
3.11.1 through shapely 1.8.5 with pyproj 3.4.1 (\`/usr/bin/python3\`, Debian's python3-shapely / python3-pyproj),
timed in the same run by the \`bench/geos_*.py\` scripts; without it those columns say n/a and the run prints why
(\`npm run bench:setup\` installs it, or prints the command to run).

- Started: ${started}
- Ended: ${ended}
- Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}. Timings move with the load
  above; ratios compare figures measured back to back in the same run.
- Exit status of the run: ${code}
${skipped.length === 0 ? '' : `\nSkipped in this run:\n\n${skipped.map((l) => `- ${l}`).join('\n')}\n`}
## Tables printed by the run

${sections.join('\n\n')}
`;
writeFileSync(new URL('../bench/RESULTS.md', import.meta.url), report);
console.log(`\nbench/RESULTS.md written: ${sections.length} tables, exit status ${code}`);
process.exit(typeof code === 'number' ? code : 1);
