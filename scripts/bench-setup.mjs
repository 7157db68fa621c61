// Sets up native GEOS for the benchmarks (`npm run bench:setup`): the benchmarks time GEOS through Debian's
// python3-shapely (GEOS) and python3-pyproj (PROJ's geodesic areas) at /usr/bin/python3, in the same run as ours.
// - Present: says which versions, exit 0.
// - Absent, running as root with apt-get: installs both packages non-interactively, checks again (exit 1 if that fails).
// - Absent otherwise (not root, no apt-get, or --check): prints the exact command to run, exit 0; the benchmarks
//   then skip their GEOS columns with a message naming this script.
// Usage: npm run bench:setup [-- --check] [-- --python <path>] [-- --apt-get <path>]
//   --check: never install; --python: the interpreter to check (default /usr/bin/python3);
//   --apt-get: the apt-get to run (default /usr/bin/apt-get; test/scripts/bench-setup.test.ts passes a stand-in).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PACKAGES = ['python3-shapely', 'python3-pyproj'];
const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const pythonAt = args.indexOf('--python');
// /usr/bin/python3 first: a pyenv shim earlier on PATH has its own site-packages, without Debian's.
const python = pythonAt >= 0 ? args[pythonAt + 1] : '/usr/bin/python3';
const say = (line) => console.log(`bench:setup: ${line}`);

/** The versions of shapely, GEOS, pyproj and PROJ that `python` imports, or undefined when it cannot import both. */
function versions() {
  if (python === undefined || !existsSync(python)) return undefined;
  const probe = 'import shapely, shapely.geos, pyproj; print(shapely.__version__, shapely.geos.geos_version_string, pyproj.__version__, pyproj.proj_version_str)';
  const run = spawnSync(python, ['-c', probe], { encoding: 'utf8' });
  if (run.status !== 0) return undefined;
  const [shapely, geos, pyproj, proj] = run.stdout.trim().split(/\s+/);
  return { shapely, geos, pyproj, proj };
}

function ready(found) {
  say(`native GEOS ready: ${python}, shapely ${found.shapely} (GEOS ${found.geos}), pyproj ${found.pyproj} (PROJ ${found.proj})`);
}

const found = versions();
if (found !== undefined) {
  ready(found);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const aptAt = args.indexOf('--apt-get');
const aptGet = (aptAt >= 0 ? [args[aptAt + 1]] : ['/usr/bin/apt-get', '/bin/apt-get']).find((path) => path !== undefined && existsSync(path));
const command = `${isRoot ? '' : 'sudo '}apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`;
say(`${python} cannot import shapely and pyproj, so the benchmarks will skip their native GEOS columns.`);
if (checkOnly || !isRoot || aptGet === undefined) {
  say(`to time GEOS, run: ${command}${aptGet === undefined ? '  (on a system without apt-get: a python3 with shapely 1.8+ and pyproj 3+, then npm run bench:setup -- --python <its path>)' : ''}`);
  process.exit(0);
}

const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const apt = (...rest) => spawnSync(aptGet, rest, { stdio: 'inherit', env }).status === 0;
say(`installing ${PACKAGES.join(' ')} with apt-get`);
// Package lists may be absent (a fresh container): update once and try again.
const installed = apt('install', '-y', '--no-install-recommends', ...PACKAGES) || (apt('update') && apt('install', '-y', '--no-install-recommends', ...PACKAGES));
const after = versions();
if (!installed || after === undefined) {
  say(`the install did not give ${python} shapely and pyproj; run by hand: ${command}`);
  process.exit(1);
}
ready(after);
