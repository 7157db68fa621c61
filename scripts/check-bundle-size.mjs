// Bundle-size budget: what a browser user ships when they import part of
// `contested`. Bundles three entries with esbuild the way an app's bundler
// would (the built ESM entry, its package.json's `sideEffects: false`, every
// dependency bundled in — zod, date-fns, clipper2-ts, GeographicLib, mgrs),
// minified, and compares min and min+gzip sizes with scripts/bundle-budget.json.
//
// It also fails when the `schemas only` bundle contains the clipping engine
// (clipper2-ts) or GeographicLib: validating data must not cost a user the
// geometry. Run after `npm run build`.
//
//   node scripts/check-bundle-size.mjs            check against the budget
//   node scripts/check-bundle-size.mjs --explain  also list each bundle's largest inputs
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = process.env.BUNDLE_ENTRY ?? join(root, 'dist', 'index.js');
const budgets = JSON.parse(readFileSync(join(root, 'scripts', 'bundle-budget.json'), 'utf8'));
const explain = process.argv.includes('--explain');

// Packages that must stay out of a bundle, and the reason.
const GEOMETRY = ['clipper2-ts', 'flatbush', 'flatqueue', 'geographiclib-geodesic'];
// (mgrs stays: the Position schema reads MGRS references.)

const ENTRIES = {
  // The zod schemas and parseEntity: what a form or an API validating
  // entities ships. parseDataset is not in it: it also checks that every
  // area expression resolves to ground, which needs the clipping engine.
  'schemas only': {
    source: `export {
      Side, Actor, Unit, Person, Position, Place, AreaRef, Claim, ControlStatus, Evidence, Event, Statement, Dataset,
      parseEntity, safeParseEntity,
    } from 'contested';`,
    forbidden: GEOMETRY,
  },
  diff: { source: `export { diffClaims, controlMap } from 'contested';`, forbidden: [] },
  everything: { source: `export * from 'contested';`, forbidden: [] },
};

if (!existsSync(entry)) {
  console.error('check-bundle-size: dist/index.js is missing; run `npm run build` first');
  process.exit(1);
}

/** The npm package a bundled input path belongs to, or `contested` for our own build. */
function packageOf(input) {
  const at = input.lastIndexOf('node_modules/');
  if (at === -1) return 'contested';
  const rest = input.slice(at + 'node_modules/'.length).split('/');
  return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

/** Who imports `input`, walking back to the entry: the chain that drags a package in. */
function importChain(metafile, input) {
  const importers = new Map();
  for (const [file, info] of Object.entries(metafile.inputs)) {
    for (const imp of info.imports) if (!importers.has(imp.path)) importers.set(imp.path, file);
  }
  const chain = [input];
  for (let at = input; importers.has(at) && chain.length < 20; ) {
    at = importers.get(at);
    chain.push(at);
  }
  return chain.reverse().join(' → ');
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
let failed = false;
const rows = [];
for (const [name, { source, forbidden }] of Object.entries(ENTRIES)) {
  const result = await build({
    stdin: { contents: source, resolveDir: root, sourcefile: `${name}.js`, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    alias: { contested: entry },
  });
  const code = result.outputFiles[0].contents;
  const min = code.byteLength;
  const gzip = gzipSync(code, { level: 9 }).byteLength;
  const budget = budgets[name];
  const problems = [];
  if (budget === undefined) problems.push('no budget in scripts/bundle-budget.json');
  else {
    if (min > budget.min) problems.push(`min ${min} B > budget ${budget.min} B`);
    if (gzip > budget.gzip) problems.push(`min+gzip ${gzip} B > budget ${budget.gzip} B`);
  }
  // Inputs esbuild read but tree-shook away have bytesInOutput 0: only what ships counts.
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0).map(([input]) => input);
  const known = budget?.knownForbidden ?? {};
  const warnings = [];
  for (const pkg of forbidden) {
    const dragged = inputs.filter((input) => packageOf(input) === pkg);
    if (dragged.length === 0) {
      if (pkg in known) problems.push(`${pkg} is no longer in it: remove it from knownForbidden in scripts/bundle-budget.json`);
    } else if (pkg in known) warnings.push(`KNOWN: contains ${pkg} (${known[pkg].split(/(?<=\.) /)[0]}) ${importChain(result.metafile, dragged[0])}`);
    else problems.push(`contains ${pkg}: ${importChain(result.metafile, dragged[0])}`);
  }
  if (problems.length > 0) failed = true;
  rows.push({ name, min, gzip, budget, problems, warnings });

  if (explain) {
    const byPackage = new Map();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
    }
    console.log(`${name}: ${[...byPackage].sort((x, y) => y[1] - x[1]).map(([p, b]) => `${p} ${kb(b)}`).join(', ')}`);
  }
}

for (const { name, min, gzip, budget, problems, warnings } of rows) {
  const limit = budget === undefined ? 'no budget' : `budget ${kb(budget.min)} / ${kb(budget.gzip)}`;
  const status = problems.length === 0 ? 'ok  ' : 'FAIL';
  console.log(`${status} bundle ${name.padEnd(12)} min ${kb(min).padStart(9)}  min+gzip ${kb(gzip).padStart(8)}  (${limit}; ${min} B / ${gzip} B)`);
  for (const line of [...problems, ...warnings]) console.log(`       ${line}`);
  if (budget !== undefined && problems.length === 0 && gzip < budget.gzip * 0.75) {
    console.log(`       ${Math.round((1 - gzip / budget.gzip) * 100)}% under the gzip budget: tighten scripts/bundle-budget.json`);
  }
}
if (failed) {
  console.error('check-bundle-size: over budget or a forbidden package in a bundle (see above).');
  console.error('If the growth is intended, raise scripts/bundle-budget.json and the README table in the same commit.');
  process.exit(1);
}
