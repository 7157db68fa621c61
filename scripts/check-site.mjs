// Browser check of the typedoc site (`npm run docs` builds it into site/).
//
// 1. Crawls the site from index.html through a local server: every internal
//    <a href> and <img src> on every page is fetched once and must answer 200;
//    a link's #fragment must name an id on the target page.
// 2. Opens, in headless Chromium, the index, the guide that shows the Pokrovsk
//    diff map (the page with an <img> of pokrovsk-diff.svg, else the Pokrovsk
//    guide) and a function's page (diffClaims): no console errors, no page
//    errors, no failed requests, every image decoded (naturalWidth > 0).
// 3. Saves full-page screenshots under artifacts/ (git-ignored): site.png is
//    the guide with the map, site-map.png the map as the browser drew it, and
//    one page per entry of FIGURES (the map, the chart when the docs have one)
//    with the figure itself as site-<name>.png. A figure listed as required
//    that no page shows is a failure; an optional one is noted.
// 4. Function pages name the model types: a signature that spells out an
//    object type of MAX_FIELDS fields or more (what typedoc does to a
//    zod-inferred Claim or Dataset without scripts/typedoc-model-names.mjs)
//    is a failure.
//
// Exits 1 on any problem. Chromium missing: fails under CI=true, skips the
// browser part (not the crawl) elsewhere.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumAvailable, launchChromium, serveDir, watchPage } from './_browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const site = join(root, 'site');
const artifacts = join(root, 'artifacts');
const MAP_IMAGE = /pokrovsk-diff\.svg/;
/** The figures to find on some page and screenshot; extend the list as the docs grow. */
const FIGURES = [
  { name: 'map', image: /media\/[^"]*diff[^"]*\.svg$/, required: true },
  { name: 'chart', image: /media\/deepstate-monthly\.svg$/, required: true },
  { name: 'choropleth', image: /media\/deepstate-oblasts\.svg$/, required: true },
];
const MAX_FIELDS = 6;

if (!existsSync(join(site, 'index.html'))) {
  console.error('check-site: site/index.html is missing; run `npm run docs` first');
  process.exit(1);
}

const problems = [];
const server = await serveDir(site);
const origin = new URL(server.url).origin;

/** The attribute values of every `<tag … attr="…">` in an HTML page. */
function attributes(html, tag, attr) {
  const pattern = new RegExp(`<${tag}\\b[^>]*?\\s${attr}="([^"]*)"`, 'gi');
  return [...html.matchAll(pattern)].map((m) => m[1].replaceAll('&amp;', '&'));
}

/** Whether `html` has an element with this id (or a named anchor). */
function hasAnchor(html, fragment) {
  const id = decodeURIComponent(fragment);
  return html.includes(`id="${id}"`) || html.includes(`name="${id}"`);
}

// 1. Crawl.
const pages = new Map(); // url without hash → html (or null when not HTML)
const checked = new Set();
const queue = [`${server.url}/index.html`];
const fragments = []; // [from, target url, fragment]
async function fetchOnce(url, from) {
  if (checked.has(url)) return;
  checked.add(url);
  const response = await fetch(url);
  if (response.status !== 200) {
    problems.push(`broken link: ${from} → ${relative(site, '/' + new URL(url).pathname).replace(/^(\.\.\/)+/, '')} (HTTP ${response.status})`);
    return;
  }
  const type = response.headers.get('content-type') ?? '';
  const body = await response.text();
  if (type.startsWith('text/html')) {
    pages.set(url, body);
    queue.push(url);
  } else if (body.length === 0) problems.push(`empty file: ${url} (linked from ${from})`);
}
checked.add(queue[0]);
pages.set(queue[0], await (await fetch(queue[0])).text());
while (queue.length > 0) {
  const url = queue.shift();
  const html = pages.get(url);
  const from = new URL(url).pathname;
  const targets = [...attributes(html, 'a', 'href'), ...attributes(html, 'img', 'src'), ...attributes(html, 'link', 'href'), ...attributes(html, 'script', 'src')];
  for (const href of targets) {
    if (/^(mailto:|javascript:|data:)/i.test(href)) continue;
    const target = new URL(href, url);
    if (target.origin !== origin) continue; // external: not ours to check offline
    const hash = target.hash.slice(1);
    target.hash = '';
    await fetchOnce(target.href, from);
    if (hash !== '') fragments.push([from, target.href, hash]);
  }
}
for (const [from, target, hash] of fragments) {
  const html = pages.get(target);
  if (html !== undefined && !hasAnchor(html, hash)) problems.push(`broken anchor: ${from} → ${new URL(target).pathname}#${hash}`);
}
const uniqueAnchors = new Set(fragments.map(([, t, h]) => `${t}#${h}`)).size;
console.log(`crawl: ${pages.size} pages, ${checked.size} internal targets, ${uniqueAnchors} anchors`);

// The pages to open.
const pathOf = (url) => new URL(url).pathname;
const mapPage = [...pages].find(([, html]) => attributes(html, 'img', 'src').some((src) => MAP_IMAGE.test(src)))?.[0];
const guide = mapPage ?? [...pages.keys()].find((url) => /pokrovsk/i.test(pathOf(url)) && pathOf(url).startsWith('/documents/'));
if (mapPage === undefined) console.log(`note: no page shows pokrovsk-diff.svg yet; visiting ${guide ? pathOf(guide) : 'no Pokrovsk guide either'}`);
if (guide === undefined) problems.push('no Pokrovsk guide page in the site (documents/*Pokrovsk*.html)');
// typedoc names it functions/diffClaims.html, or functions/contested.diffClaims.html under @module.
const functionPage = [...pages.keys()].find((url) => /^\/functions\/(.*\.)?diffClaims\.html$/.test(pathOf(url)));
if (functionPage === undefined) problems.push('no page for diffClaims under functions/ is linked from the site');
const figurePages = FIGURES.flatMap(({ name, image, required }) => {
  const page = [...pages].find(([, html]) => attributes(html, 'img', 'src').some((src) => image.test(src)))?.[0];
  if (page === undefined) {
    if (required) problems.push(`no page shows the ${name} (an <img> matching ${image})`);
    else console.log(`note: no page shows a ${name} (an <img> matching ${image}); nothing to screenshot`);
    return [];
  }
  return [[name, page, `site-${name}-page.png`, image]];
});

// 4. Signatures: no spelled-out model types.
/** The largest number of fields of one object literal in a signature's text. */
function widestObject(text) {
  let widest = 0;
  const stack = [];
  for (const ch of text) {
    if (ch === '{') stack.push(0);
    else if (ch === '}') widest = Math.max(widest, (stack.pop() ?? 0) + 1);
    else if (ch === ';' && stack.length > 0) stack[stack.length - 1] += 1;
  }
  return widest;
}
let signatures = 0;
for (const [url, html] of pages) {
  if (!/^\/functions\//.test(pathOf(url)) || html === null) continue;
  for (const m of html.matchAll(/<div class="tsd-signature[^"]*"[^>]*>([\s\S]*?)<\/div>/g)) {
    signatures += 1;
    const text = m[1].replace(/<[^>]+>/g, '').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    const fields = widestObject(text);
    if (fields >= MAX_FIELDS) problems.push(`${pathOf(url)}: a signature spells out an object type of ${fields} fields instead of naming it (${text.replace(/\s+/g, ' ').slice(0, 80)}…)`);
  }
}
console.log(`signatures: ${signatures} on function pages checked for spelled-out model types`);

const visits = [
  ['index', `${server.url}/index.html`, 'site-index.png'],
  ...figurePages,
  ...(guide ? [['guide', guide, 'site.png']] : []),
  ...(functionPage ? [['function', functionPage, 'site-diffClaims.png']] : []),
];

// 2. Browser.
let browserNote = 'browser: skipped';
try {
  if (chromiumAvailable('check-site')) {
    const browser = await launchChromium();
    try {
      mkdirSync(artifacts, { recursive: true });
      const notes = [];
      for (const [name, url, shot, figure] of visits) {
        const page = await browser.context.newPage();
        if (process.env.DEBUG_SITE) console.log(`visit ${name} ${pathOf(url)}`);
        const pageProblems = watchPage(page);
        await page.goto(url, { waitUntil: 'networkidle' });
        const images = await page.$$eval('img', (imgs) =>
          imgs.map((img) => ({ src: img.getAttribute('src'), complete: img.complete, width: img.naturalWidth })),
        );
        for (const img of images) if (!img.complete || img.width === 0) pageProblems.push(`image not shown: ${img.src}`);
        if (name === 'guide' && mapPage !== undefined && !images.some((img) => MAP_IMAGE.test(img.src ?? '') && img.width > 0)) {
          pageProblems.push('the Pokrovsk map is not shown');
        }
        // Figure pages: the figure itself is the screenshot (a full page of a long guide is slow and says less).
        if (figure === undefined) await page.screenshot({ path: join(artifacts, shot), fullPage: true });
        const map = page.locator('img[src*="pokrovsk-diff.svg"]').first();
        if (name === 'guide' && (await map.count()) > 0) await map.screenshot({ path: join(artifacts, 'site-map.png') });
        if (figure !== undefined) {
          const shown = images.find((img) => figure.test(img.src ?? ''));
          if (shown === undefined || shown.width === 0) pageProblems.push(`the ${name} is not shown`);
          else await page.locator(`img[src="${shown.src}"]`).first().screenshot({ path: join(artifacts, `site-${name}.png`) });
        }
        for (const problem of pageProblems) problems.push(`${name} (${pathOf(url)}): ${problem}`);
        notes.push(`${name} ${pathOf(url)} (${images.length} images)`);
        await page.close();
      }
      browserNote = `browser: ${notes.join(', ')}; screenshot artifacts/site.png`;
    } finally {
      await browser.close();
    }
  }
} catch (error) {
  problems.push(error.message);
} finally {
  await server.close();
}

console.log(browserNote);
if (problems.length > 0) {
  for (const problem of problems) console.error(`FAIL ${problem}`);
  console.error(`check-site: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('check-site: ok');
