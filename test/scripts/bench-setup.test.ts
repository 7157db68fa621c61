/**
 * `npm run bench:setup` (scripts/bench-setup.mjs): reports native GEOS when
 * /usr/bin/python3 has it, prints the apt-get command when it cannot
 * install, and — as root — installs with apt-get (here a stand-in that
 * logs its arguments, so nothing is installed) and checks again.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/bench-setup.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bench-setup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function setup(...args: string[]): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

/** An executable shell script in the temporary folder. */
function tool(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const debianGeos = existsSync('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', 'import shapely, pyproj']).status === 0;

describe('bench:setup', () => {
  it.skipIf(!debianGeos)('names the GEOS and PROJ versions /usr/bin/python3 imports', () => {
    const asked = spawnSync('/usr/bin/python3', ['-c', 'import shapely.geos, pyproj; print(shapely.geos.geos_version_string, pyproj.proj_version_str)'], { encoding: 'utf8' });
    const [geos, proj] = asked.stdout.trim().split(' ');
    const { status, out } = setup('--check');
    expect(status).toBe(0);
    expect(out).toContain(`native GEOS ready: /usr/bin/python3, shapely `);
    expect(out).toContain(`(GEOS ${geos})`);
    expect(out).toContain(`(PROJ ${proj})`);
  });

  it('without shapely, and told not to install, prints the apt-get command and exits 0', () => {
    const { status, out } = setup('--check', '--python', join(dir, 'no-such-python'));
    expect(status).toBe(0);
    expect(out).toMatch(/cannot import shapely and pyproj, so the benchmarks will skip their native GEOS columns/);
    expect(out).toMatch(/to time GEOS, run: (sudo )?apt-get install -y --no-install-recommends python3-shapely python3-pyproj/);
  });

  it.skipIf(!isRoot)('as root, installs with apt-get (updating the package lists when the first install fails) and checks again', () => {
    const log = join(dir, 'apt.log');
    const marker = join(dir, 'installed');
    const python = tool('python3', `[ -f ${marker} ] || exit 1\necho 1.8.5 3.11.1-CAPI-1.17.1 3.4.1 9.1.1`);
    // The first install fails as on a container without package lists; after `update` it succeeds.
    const aptGet = tool('apt-get', `echo "$DEBIAN_FRONTEND $*" >> ${log}\ncase "$1" in update) touch ${dir}/updated ;; install) [ -f ${dir}/updated ] || exit 100; touch ${marker} ;; esac`);
    const { status, out } = setup('--python', python, '--apt-get', aptGet);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'noninteractive install -y --no-install-recommends python3-shapely python3-pyproj',
      'noninteractive update',
      'noninteractive install -y --no-install-recommends python3-shapely python3-pyproj',
    ]);
    expect(status).toBe(0);
    expect(out).toContain(`native GEOS ready: ${python}, shapely 1.8.5 (GEOS 3.11.1-CAPI-1.17.1), pyproj 3.4.1 (PROJ 9.1.1)`);
  });

  it.skipIf(!isRoot)('as root, when apt-get cannot install, says so with the command and exits 1', () => {
    const aptGet = tool('apt-get-failing', 'exit 100');
    const { status, out } = setup('--python', join(dir, 'no-such-python'), '--apt-get', aptGet);
    expect(status).toBe(1);
    expect(out).toMatch(/the install did not give .* shapely and pyproj; run by hand: apt-get install -y --no-install-recommends python3-shapely python3-pyproj/);
  });
});
