/**
 * Tests of `toSvg`: fixtures (`test/fixtures/toSvg/in/*.geojson` →
 * `out/*.svg`, regenerated with `REGEN=1 npx vitest run src/output/svg.test.ts`)
 * pin the whole document; structural checks read it back — viewBox, one
 * `<path>` per region, legend rows, the scale bar against GeographicLib —
 * with a small strict XML well-formedness check written here (no parser
 * dependency). The Pokrovsk diff is written to `artifacts/` for a look, and
 * the copy committed under `docs/media/` must match what the script writes.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../actors/schema.js';
import type { Claim } from '../claims/schema.js';
import { controlChange } from '../control/controlChange.js';
import { controlMap } from '../control/controlMap.js';
import { compareClaimants } from '../diff/compareClaimants.js';
import { DIFF_LABELS, diffClaims } from '../diff/diffClaims.js';
import { ContestedError } from '../errors/index.js';
import { distanceM } from '../geometry/measure.js';
import { POKROVSK_SVG, renderPokrovskSvg } from '../../scripts/render-pokrovsk-svg.js';
import { toSvg, type SvgInput, type SvgOptions } from './svg.js';
import { DIFF_COLORS } from '../style/palette.js';

const root = new URL('../../test/fixtures/toSvg/', import.meta.url);
import { golden } from '../../test/fixtures/_golden.js';

/** Throws unless `xml` is one well-formed element: names, quoted attributes (no duplicates), entities, balanced tags. */
function checkWellFormed(xml: string): void {
  const NAME = /^[A-Za-z_][\w.:-]*/;
  const badAmp = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed at ${i}: ${why}: ${xml.slice(Math.max(0, i - 40), i + 40)}`);
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (badAmp.test(text)) fail('bare & in text');
    if (text.trim() !== '' && stack.length === 0) fail('text outside the root element');
    if (lt === -1) break;
    i = lt;
    if (xml.startsWith('</', i)) {
      const name = NAME.exec(xml.slice(i + 2))?.[0] ?? fail('end tag without a name');
      if (stack.pop() !== name) fail(`</${name}> does not close the open element`);
      i += 2 + name.length;
      if (xml[i] !== '>') fail('end tag not closed');
      i += 1;
      continue;
    }
    const name = NAME.exec(xml.slice(i + 1))?.[0] ?? fail('tag without a name');
    i += 1 + name.length;
    const seen = new Set<string>();
    for (;;) {
      const space = /^\s*/.exec(xml.slice(i))![0].length;
      i += space;
      if (xml.startsWith('/>', i) || xml[i] === '>') break;
      if (space === 0) fail('attributes must be separated by white space');
      const attr = NAME.exec(xml.slice(i))?.[0] ?? fail('bad attribute name');
      if (seen.has(attr)) fail(`duplicate attribute ${attr}`);
      seen.add(attr);
      i += attr.length;
      if (xml[i] !== '=' || (xml[i + 1] !== '"' && xml[i + 1] !== "'")) fail('attribute value must be quoted');
      const quote = xml[i + 1]!;
      const end = xml.indexOf(quote, i + 2);
      if (end === -1) fail('unterminated attribute');
      const value = xml.slice(i + 2, end);
      if (value.includes('<') || badAmp.test(value)) fail('< or bare & in attribute');
      i = end + 1;
    }
    if (stack.length === 0) roots += 1;
    if (xml.startsWith('/>', i)) i += 2;
    else {
      stack.push(name);
      i += 1;
    }
  }
  if (stack.length > 0) fail(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) fail(`expected one root element, found ${roots}`);
}

/** The inner markup of the first `<g class="…">`, which in these documents holds no nested `<g>`. */
const group = (svg: string, name: string): string => new RegExp(`<g class="${name}"[^>]*>(.*?)</g>`).exec(svg)?.[1] ?? '';
const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

type Fixture = FeatureCollection & { render: string; options?: SvgOptions };

/** Builds the toSvg input and options a fixture describes. */
function build(fixture: Fixture): { input: SvgInput; options: SvgOptions; regionCount: number } {
  const by = (r: string) => fixture.features.filter((f) => f.properties?.['role'] === r);
  const claims = (party?: string): Claim[] =>
    by('claim')
      .filter((f) => party === undefined || f.properties?.['party'] === party)
      .map((f) => {
        const p = f.properties ?? {};
        const c: Claim = { id: p['id'], claimant: p['party'], statedAt: p['statedAt'], area: { geometry: f.geometry } as Claim['area'], status: p['status'], basis: 'claimed' };
        if (p['side'] !== undefined) c.side = p['side'];
        if (p['sides'] !== undefined) c.sides = p['sides'];
        return c;
      });
  const within = by('within')[0]?.geometry as Polygon | undefined;
  const options: SvgOptions = { ...fixture.options };
  if (by('basemap').length > 0) options.basemap = { type: 'FeatureCollection', features: by('basemap') as Feature<Polygon>[] };
  if (by('line').length > 0) options.lines = by('line') as Feature<GeoJSON.LineString>[];
  if (by('point').length > 0) options.points = { type: 'FeatureCollection', features: by('point') as Feature<GeoJSON.Point>[] };
  let input: SvgInput;
  switch (fixture.render) {
    case 'controlMap':
      input = controlMap(claims());
      return { input, options, regionCount: input.features.length };
    case 'diffClaims': {
      const diff = diffClaims(claims('a'), claims('b'), within === undefined ? {} : { within });
      return { input: diff, options, regionCount: diff.regions.features.length };
    }
    case 'controlChange': {
      const change = controlChange(claims('before'), claims('after'));
      return { input: change, options, regionCount: change.regions.features.length };
    }
    case 'compareClaimants': {
      const all = claims();
      const ids = [...new Set(all.map((c) => c.claimant))];
      const actors = ids.map((id): Actor => ({ id, name: id, kind: 'osint-tracker' } as Actor));
      const n = compareClaimants({ claims: all, places: [], actors }, ids, { asOf: '2025-12-31', ...(within === undefined ? {} : { within }) });
      return { input: n, options, regionCount: n.regions.features.length };
    }
    default: {
      const features = fixture.features.filter((f) => f.properties?.['role'] === undefined);
      input = { type: 'FeatureCollection', features };
      return { input, options, regionCount: features.filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon').length };
    }
  }
}

describe('toSvg fixtures (test/fixtures/toSvg, REGEN=1 to rewrite)', () => {
  const inDir = new URL('in/', root);
  const outDir = new URL('out/', root);
  for (const file of readdirSync(inDir).filter((f) => f.endsWith('.geojson')).sort()) {
    it(file.replace('.geojson', ''), () => {
      const fixture = JSON.parse(readFileSync(new URL(file, inDir), 'utf8')) as Fixture;
      const { input, options, regionCount } = build(fixture);
      const svg = toSvg(input, options);
      checkWellFormed(svg);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="(\d+)" viewBox="0 0 \1 \2"/);
      expect(count(svg, /<title>/g)).toBeGreaterThan(0);
      expect(svg).toContain('<desc>');
      expect(count(group(svg, 'regions'), /<path /g)).toBe(regionCount);
      if (regionCount === 0 && options.lines === undefined) expect(svg).toContain('>no data</text>');
      expect(svg).toBe(golden(new URL(file.replace('.geojson', '.svg'), outDir), svg, 'npx vitest run src/output/svg.test.ts'));
    });
  }
});

const rect = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]] as [number, number][]] });
const feature = (geometry: Polygon, properties: Record<string, unknown>): Feature<Polygon> => ({ type: 'Feature', properties, geometry });
let next = 0;
const claim = (over: Partial<Claim> & Pick<Claim, 'area' | 'status'>): Claim => ({ id: `s${++next}`, claimant: 'x', statedAt: '2025-12-01', basis: 'claimed', ...over });

describe('toSvg structure', () => {
  const a = [
    claim({ area: { geometry: rect(37, 48, 37.4, 49) }, status: 'controlled', side: 'UA' }),
    claim({ area: { geometry: rect(37.4, 48, 37.8, 49) }, status: 'controlled', side: 'RU' }),
    claim({ area: { geometry: rect(37.8, 48, 38.2, 49) }, status: 'contested', sides: ['UA', 'RU'] }),
    claim({ area: { geometry: rect(38.2, 48, 38.6, 49) }, status: 'controlled', side: 'RU' }),
    claim({ area: { geometry: rect(39.4, 48, 39.8, 49) }, status: 'not-controlled', side: 'RU' }),
  ];
  const b = [
    claim({ area: { geometry: rect(37, 48, 37.4, 49) }, status: 'controlled', side: 'UA' }),
    claim({ area: { geometry: rect(37.4, 48, 37.8, 49) }, status: 'controlled', side: 'UA' }),
    claim({ area: { geometry: rect(37.8, 48, 38.2, 49) }, status: 'controlled', side: 'RU' }),
    claim({ area: { geometry: rect(38.6, 48, 39, 49) }, status: 'controlled', side: 'RU' }),
    claim({ area: { geometry: rect(39.4, 48, 39.8, 49) }, status: 'controlled', side: 'UA' }),
  ];
  const diff = diffClaims(a, b, { within: rect(37, 48, 39.8, 49) });

  it('draws a diff with one path per region and a legend row per label, with km² and share', () => {
    const svg = toSvg(diff);
    checkWellFormed(svg);
    expect(count(group(svg, 'regions'), /<path /g)).toBe(diff.regions.features.length);
    expect(count(svg, /<g class="legend-entry">/g)).toBe(DIFF_LABELS.length);
    for (const label of DIFF_LABELS) expect(diff.summary[label].km2).toBeGreaterThan(0);
    expect(svg).toContain('>conflict (each says its side holds it)</text>');
    expect(svg).toContain(`${(diff.summary.conflict.share! * 100).toFixed(1)} %`);
    expect(svg).toContain(`fill="${DIFF_COLORS.conflict}"`);
    expect(svg).toContain('fill-rule="evenodd"');
    expect(svg).toContain('font-family="sans-serif"');
  });

  it('draws a comparison with a legend row per agreement, agree-side in its label colour naming the side', () => {
    const actors = ['a', 'b'].map((id) => ({ id, name: id, kind: 'other' as const }));
    const claims = [
      ...a.map((c, i) => ({ ...c, id: `a${i}`, claimant: 'a' })),
      ...b.map((c, i) => ({ ...c, id: `b${i}`, claimant: 'b' })),
      { ...claim({ area: { geometry: rect(39, 48, 39.4, 49) }, status: 'controlled', side: 'UA' }), id: 'a-ua', claimant: 'a' },
      { ...claim({ area: { geometry: rect(39, 48, 39.4, 49) }, status: 'advancing', side: 'UA' }), id: 'b-ua', claimant: 'b' },
    ];
    const n = compareClaimants({ claims, actors }, ['a', 'b'], { asOf: '2025-12-31' });
    const svg = toSvg(n);
    checkWellFormed(svg);
    expect(n.summary.agreeSideKm2).toBeGreaterThan(0);
    const legend = [...svg.matchAll(/<g class="legend-entry"><title>([^<:]*)/g)].map((m) => m[1]);
    expect(legend).toEqual(expect.arrayContaining(['UA put forward by all, status differs', 'disputed', 'consistent (all can be true)', 'partial (contested vs held or advanced into)']));
    expect(svg).toContain(`fill="${DIFF_COLORS['agree-side']}"`);
  });

  it('draws a round scale bar whose pixel length is its geodesic length within 1 %', () => {
    // Two points on the centre parallel (48.5° N) give metres per pixel independently of the writer.
    const west: [number, number] = [37.2, 48.5];
    const east: [number, number] = [39.2, 48.5];
    const svg = toSvg(diff, { points: [west, east], decimals: 3 });
    const circles = [...group(svg, 'points').matchAll(/cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    const metresPerPixel = distanceM(west, east) / Math.abs(circles[1]! - circles[0]!);
    const bar = group(svg, 'scale-bar');
    const label = [...bar.matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]!).at(-1)!;
    expect(label).toMatch(/^(1|2|5)0* k?m$/);
    const metres = Number(label.split(' ')[0]) * (label.endsWith(' km') ? 1000 : 1);
    const widths = [...bar.matchAll(/<rect [^>]*? width="([\d.]+)"/g)].map((m) => Number(m[1]));
    const pixels = widths.reduce((s, w) => s + w, 0);
    expect(Math.abs((pixels * metresPerPixel) / metres - 1)).toBeLessThan(0.01);
    expect(svg).toContain('class="north-arrow"');
  });

  it('is deterministic and does not mutate its input', () => {
    const before = JSON.stringify(diff);
    const options: SvgOptions = { title: 'twice', lines: { type: 'LineString', coordinates: [[37, 48.5], [39, 48.6]] }, points: [[38, 48.5]] };
    expect(toSvg(diff, options)).toBe(toSvg(diff, options));
    expect(JSON.stringify(diff)).toBe(before);
  });

  it('escapes every text: a <script> title comes out inert', () => {
    const evil = '<script>alert("x")</script> & \'quotes\' \u0001';
    const map: FeatureCollection = { type: 'FeatureCollection', features: [feature(rect(37, 48, 37.1, 48.1), { title: evil, fill: '"><script>' })] };
    const svg = toSvg(map, { title: evil, description: evil, points: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { title: evil }, geometry: { type: 'Point', coordinates: [37.05, 48.05] } }] } });
    checkWellFormed(svg);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quotes&apos;');
    expect(svg).not.toContain('\u0001');
    expect(svg).toContain('fill="#888888"');
  });

  it('cuts holes with evenodd: one path, one subpath per ring', () => {
    const holed: Polygon = { type: 'Polygon', coordinates: [rect(37, 48, 37.2, 48.2).coordinates[0]!, rect(37.05, 48.05, 37.15, 48.15).coordinates[0]!] };
    const svg = toSvg({ type: 'FeatureCollection', features: [feature(holed, { title: 'holed', fill: '#123456' })] });
    const path = group(svg, 'regions');
    expect(count(path, /<path /g)).toBe(1);
    expect(count(path, /M/g)).toBe(2);
    expect(path).toContain('fill-rule="evenodd"');
  });

  it('gives a valid SVG with a "no data" note for empty input', () => {
    for (const empty of [{ type: 'FeatureCollection', features: [] } as FeatureCollection, diffClaims([], [])]) {
      const svg = toSvg(empty);
      checkWellFormed(svg);
      expect(svg).toContain('>no data</text>');
      expect(svg).not.toContain('class="scale-bar"');
    }
    expect(toSvg(controlMap([]), { legend: false })).toContain('no data');
  });

  it('sizes the picture from width and height', () => {
    const svg = toSvg(diff, { width: 600, height: 400 });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="600" height="400" viewBox="0 0 600 400"/);
  });

  it('refuses invalid input with a path', () => {
    const attempt = (input: unknown, options?: SvgOptions): ContestedError => {
      try {
        toSvg(input as SvgInput, options);
      } catch (error) {
        expect(error).toBeInstanceOf(ContestedError);
        return error as ContestedError;
      }
      throw new Error('expected toSvg to throw');
    };
    expect(attempt(42).code).toBe('invalid-input');
    expect(attempt({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: 5 } }] }).issues[0]?.path).toEqual(['features', 0, 'geometry', 'coordinates']);
    const badLabel = { ...diff, regions: { ...diff.regions, features: diff.regions.features.map((f) => ({ ...f, properties: { ...f.properties, label: 'maybe' } })) } };
    expect(attempt(badLabel).issues[0]?.path).toEqual(['regions', 'features', 0, 'properties', 'label']);
    const options = attempt(diff, { width: -1, decimals: 1.5 });
    expect(options.code).toBe('invalid-input');
    expect(options.issues.map((x) => x.path)).toEqual([['options', 'width'], ['options', 'decimals']]);
    expect(attempt(diff, { points: [[37, Number.NaN]] }).code).toBe('invalid-geometry');
    expect(attempt(diff, { lines: { type: 'Nope' } as unknown as NonNullable<SvgOptions['lines']> }).issues[0]?.path).toEqual(['options', 'lines', 'type']);
  });

  it('runs the TSDoc example', () => {
    const svg = toSvg(diff, { title: 'Pokrovsk' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });
});

describe('the Pokrovsk picture', () => {
  const svg = renderPokrovskSvg();

  it('is well formed, shows both labels and writes artifacts/pokrovsk-diff.svg', () => {
    checkWellFormed(svg);
    expect(svg).toContain('only the Kremlin speaks');
    expect(svg).toContain('conflict (each says its side holds it)');
    expect(svg).toContain('class="basemap"');
    const artifacts = new URL('../../artifacts/', import.meta.url);
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(new URL('pokrovsk-diff.svg', artifacts), svg);
  });

  it('matches the committed docs/media/pokrovsk-diff.svg (rerun `npx tsx scripts/render-pokrovsk-svg.ts`)', () => {
    expect(readFileSync(POKROVSK_SVG, 'utf8')).toBe(svg);
  });
});
