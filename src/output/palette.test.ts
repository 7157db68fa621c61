/**
 * The palette as colour-blind readers see it. Every set of swatches that can
 * share a legend — a diff's six labels beside the two sides' colours (a diff
 * label must never pass for a side's control), a control map's statuses, a
 * comparison's, a change map's groups — is simulated for deuteranopia and
 * protanopia (Machado et al. 2009, full severity, as culori implements it)
 * and every pair must stay at least `MIN_DE` apart in CIEDE2000.
 *
 * A swatch is measured as the reader sees it on white: a flat fill mixed
 * with white by its opacity, a hatch as the mean of its stripes and the
 * white between them (coverage). The colours are read from the drawn SVG
 * legend, not restated here, so a change of palette is measured as drawn.
 */
import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, formatHex, interpolate, parse, type Color } from 'culori';
import { describe, expect, it } from 'vitest';
import { toSvg } from './svg.js';
import { CONTESTED_HATCH, CONTROLLED_OPACITY, DIFF_COLORS, DIFF_OPACITY, advancingHatch, sideColor, type Hatch } from '../style/palette.js';
import { hatchId } from './_svgPatterns.js';
import { DIFF_LABELS } from '../diff/diffClaims.js';

const MIN_DE = 10;
const deltaE = differenceCiede2000();
const VISION: Record<string, (c: Color) => Color> = {
  normal: (c) => c,
  deuteranopia: filterDeficiencyDeuter(1),
  protanopia: filterDeficiencyProt(1),
};

/** A colour as seen on white at `opacity` (or hatch coverage). */
function onWhite(color: string, opacity: number): string {
  return formatHex(interpolate(['#ffffff', color], 'rgb')(opacity));
}

const flat = (color: string, opacity: number): string => onWhite(color, opacity);
const hatched = (hatch: Hatch): string => onWhite(hatch.color, hatch.coverage);

/** The swatches of an SVG legend as seen on white: a rect's fill and opacity, or its pattern's stripes. */
function legendSwatches(svg: string): Record<string, string> {
  const hatches = new Map([CONTESTED_HATCH, advancingHatch(sideColor('RU')), advancingHatch(sideColor('UA'))].map((h) => [hatchId(h), h]));
  const out: Record<string, string> = {};
  for (const m of svg.matchAll(/<g class="legend-entry"><title>([^<:]*)[^<]*<\/title><rect [^>]*fill="([^"]+)"(?: fill-opacity="([\d.]+)")?/g)) {
    const [, label, fill, opacity] = m;
    const pattern = /^url\(#(.+)\)$/.exec(fill!)?.[1];
    if (pattern !== undefined) {
      const hatch = hatches.get(pattern);
      if (hatch === undefined) throw new Error(`unknown pattern ${pattern}`);
      out[label!] = hatched(hatch);
    } else out[label!] = flat(fill!, Number(opacity ?? 1));
  }
  return out;
}

/** The smallest CIEDE2000 difference over all pairs and visions, with the pair. */
function worstPair(swatches: Record<string, string>): { de: number; vision: string; a: string; b: string } {
  let worst = { de: Infinity, vision: '', a: '', b: '' };
  const names = Object.keys(swatches);
  for (const [vision, see] of Object.entries(VISION)) {
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const de = deltaE(see(parse(swatches[names[i]!]!)!), see(parse(swatches[names[j]!]!)!));
        if (de < worst.de) worst = { de, vision, a: names[i]!, b: names[j]! };
      }
    }
  }
  return worst;
}

const box = (west: number, east: number): { type: 'Polygon'; coordinates: number[][][] } => ({
  type: 'Polygon',
  coordinates: [[[west, 48], [east, 48], [east, 48.1], [west, 48.1], [west, 48]]],
});
const feature = (west: number, properties: Record<string, unknown>) => ({ type: 'Feature' as const, properties, geometry: box(west, west + 0.1) });

describe('the palette for colour-blind readers (CIEDE2000 under simulated deuteranopia and protanopia)', () => {
  const ua = flat(sideColor('UA'), CONTROLLED_OPACITY);
  const ru = flat(sideColor('RU'), CONTROLLED_OPACITY);

  it(`a diff's labels differ from each other and from either side's colour by ΔE00 ≥ ${MIN_DE}`, () => {
    const regions = {
      type: 'FeatureCollection' as const,
      features: DIFF_LABELS.map((label, i) => feature(37 + i * 0.1, { label })),
    };
    const svg = toSvg({ regions, summary: {}, parties: {} } as never);
    const swatches: Record<string, string> = { ...legendSwatches(svg), 'controlled by UA': ua, 'controlled by RU': ru };
    expect(Object.keys(swatches)).toHaveLength(DIFF_LABELS.length + 2);
    // The legend draws what DIFF_OPACITY says (unclaimed: not filled, white shows).
    expect(swatches['agree']).toBe(flat(DIFF_COLORS.agree, DIFF_OPACITY.agree));
    const worst = worstPair(swatches);
    console.log(`diff + sides: smallest ΔE00 ${worst.de.toFixed(1)} (${worst.vision}: ${worst.a} / ${worst.b})`);
    expect(worst.de).toBeGreaterThanOrEqual(MIN_DE);
  });

  it(`a control map's and a comparison's statuses stay ≥ ${MIN_DE} apart`, () => {
    const map = {
      type: 'FeatureCollection' as const,
      overruled: [],
      features: [
        feature(37.0, { title: 'controlled by UA', status: 'controlled', side: 'UA', fill: sideColor('UA'), 'fill-opacity': CONTROLLED_OPACITY }),
        feature(37.1, { title: 'controlled by RU', status: 'controlled', side: 'RU', fill: sideColor('RU'), 'fill-opacity': CONTROLLED_OPACITY }),
        feature(37.2, { title: 'contested', status: 'contested', fill: '#444444' }),
        feature(37.3, { title: 'advancing by RU', status: 'advancing', side: 'RU', fill: sideColor('RU') }),
        feature(37.4, { title: 'advancing by UA', status: 'advancing', side: 'UA', fill: sideColor('UA') }),
        feature(37.5, { title: 'disputed', speakers: 2, consensus: null, agreement: 'disputed', fill: DIFF_COLORS.conflict, 'fill-opacity': DIFF_OPACITY.conflict }),
        feature(37.6, { title: 'nobody speaks', speakers: 0, consensus: null, agreement: 'silent', fill: DIFF_COLORS.unclaimed, 'fill-opacity': DIFF_OPACITY.unclaimed }),
        feature(37.7, { title: 'agree-side: UA', speakers: 2, consensus: null, side: 'UA', agreement: 'agree-side', fill: DIFF_COLORS['agree-side'], 'fill-opacity': DIFF_OPACITY['agree-side'] }),
        feature(37.8, { title: 'partial', speakers: 2, consensus: null, agreement: 'partial', fill: DIFF_COLORS.partial, 'fill-opacity': DIFF_OPACITY.partial }),
        feature(37.9, { title: 'consistent', speakers: 2, consensus: null, agreement: 'consistent', fill: DIFF_COLORS.consistent, 'fill-opacity': DIFF_OPACITY.consistent }),
      ],
    };
    const swatches = legendSwatches(toSvg(map));
    expect(Object.keys(swatches)).toHaveLength(10);
    const worst = worstPair(swatches);
    console.log(`control map + comparison: smallest ΔE00 ${worst.de.toFixed(1)} (${worst.vision}: ${worst.a} / ${worst.b})`);
    expect(worst.de).toBeGreaterThanOrEqual(MIN_DE);
  });

  it(`a change map's groups stay ≥ ${MIN_DE} apart`, () => {
    const change = {
      bySide: {},
      regions: {
        type: 'FeatureCollection' as const,
        features: [
          feature(37.0, { from: null, to: { status: 'controlled', side: 'RU' }, fill: sideColor('RU'), 'fill-opacity': CONTROLLED_OPACITY }),
          feature(37.1, { from: null, to: { status: 'controlled', side: 'UA' }, fill: sideColor('UA'), 'fill-opacity': CONTROLLED_OPACITY }),
          feature(37.2, { from: { status: 'controlled', side: 'UA' }, to: { status: 'contested' } }),
          feature(37.3, { from: { status: 'controlled', side: 'UA' }, to: null }),
        ],
      },
    };
    const svg = toSvg(change as never);
    const swatches = legendSwatches(svg);
    expect(Object.keys(swatches)).toEqual(['gained by RU', 'gained by UA', 'turned contested or advanced into', 'no longer claimed']);
    const worst = worstPair(swatches);
    console.log(`change map: smallest ΔE00 ${worst.de.toFixed(1)} (${worst.vision}: ${worst.a} / ${worst.b})`);
    expect(worst.de).toBeGreaterThanOrEqual(MIN_DE);
  });

  it('the measure can fail: the old diff palette put "only A speaks" within reach of UA\'s blue', () => {
    // #42a5f5 at 0.55 was the old 'only-a'; the check must see it as too close to UA under protanopia.
    const worst = worstPair({ 'only A (old)': flat('#42a5f5', 0.55), 'controlled by UA': ua, 'controlled by RU': ru, 'disputed (old)': flat('#d32f2f', 0.55) });
    expect(worst.de).toBeLessThan(MIN_DE);
  });
});
