// Shared by the browser checks (check-consumers.mjs, check-site.mjs): find
// Debian's Chromium, start it headless with the flags this machine needs, serve
// a folder on 127.0.0.1, and collect everything that went wrong on a page.
//
// No browser is ever downloaded: playwright-core drives the system Chromium
// (`.ci/run` installs Debian's `chromium`). Where it is missing, a check fails
// under CI=true and skips with a message elsewhere.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';

/** Where Chromium lives: $CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser is there. When it is not: throws under CI=true (a
 * browser check must never pass by not running), else returns false after
 * printing why the caller skips.
 */
export function chromiumAvailable(check) {
  if (existsSync(CHROMIUM)) return true;
  const why = `${check}: no Chromium at ${CHROMIUM} (install Debian's package: apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`${why}; CI=true, so this is a failure, not a skip`);
  console.log(`skip ${why}; skipped locally, fails under CI=true`);
  return false;
}

/** Headless Chromium with the flags a closed network needs, and a throw-away profile. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'contested-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Serves `root` read-only on 127.0.0.1 at a free port; `url` has no trailing slash. */
export async function serveDir(root) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (path === '/favicon.ico' && !existsSync(file)) {
      // Chromium asks every site for one; typedoc ships none, and its absence breaks nothing.
      response.writeHead(204).end();
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}

/**
 * Records what a page reports as wrong: console errors, uncaught exceptions,
 * failed requests and HTTP errors. `problems` grows while the page lives.
 */
export function watchPage(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location()?.url;
      problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}
