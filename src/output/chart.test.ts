import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isContestedError } from '../errors/index.js';
import type { ControlHistory, HistoryPeriod } from '../history/controlHistory.js';
import { toSvgChart } from './chart.js';

const month = (i: number): string => `${2024 + Math.floor((6 + i) / 12)}-${String(((6 + i) % 12) + 1).padStart(2, '0')}`;
function history(values: [number, number][], key: (i: number) => string = month): ControlHistory {
  const periods: HistoryPeriod[] = values.map(([g, l], i) => ({ period: key(i), from: 'a', to: 'b', steps: 1, bySide: { RU: { gainedKm2: g, lostKm2: l, netKm2: g - l } } }));
  return { periods };
}
const attrs = (svg: string, tag: string): Record<string, string>[] =>
  [...svg.matchAll(new RegExp(`<${tag} ([^>]*?)/?>`, 'g'))].map((m) => Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));

describe('toSvgChart', () => {
  it('draws gains above the zero line, losses below it, and the net through a marker per period', () => {
    const svg = toSvgChart(history([[500, 20], [300, 120]]), { title: 'Gains', source: 'Source: test' });
    const zero = attrs(svg, 'line').find((l) => l['stroke'] === '#333')!;
    const bars = attrs(svg, 'rect').filter((r) => r['fill'] === '#c0392b' && r['width'] !== '12');
    const y0 = Number(zero['y1']);
    const gains = bars.filter((b) => b['fill-opacity'] === undefined);
    const losses = bars.filter((b) => b['fill-opacity'] === '0.4');
    expect(gains).toHaveLength(2);
    expect(losses).toHaveLength(2);
    for (const g of gains) expect(Number(g['y']) + Number(g['height'])).toBeCloseTo(y0, 1);
    for (const l of losses) expect(Number(l['y'])).toBeCloseTo(y0, 1);
    // Heights are proportional to the km²: 500 against 300, 20 against 120.
    expect(Number(gains[0]!['height']) / Number(gains[1]!['height'])).toBeCloseTo(5 / 3, 1);
    expect(Number(losses[1]!['height']) / Number(losses[0]!['height'])).toBeCloseTo(6, 1);
    expect(attrs(svg, 'circle').filter((c) => c['r'] !== '3')).toHaveLength(2);
    expect(svg).toContain('>km²</text>');
    expect(svg).toContain('>Source: test</text>');
  });

  it('never lets two period labels overlap, for any number of periods and width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 320, max: 2000 }), fc.constantFrom<(i: number) => string>(month, (i) => `2025-W${String((i % 52) + 1).padStart(2, '0')}`, (i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10)), (n, width, key) => {
        const svg = toSvgChart(history(Array.from({ length: n }, (_, i) => [i % 7, i % 3]), key), { width });
        const labels = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="11" fill="#(?:333|777)" text-anchor="middle">([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: m[2], text: m[3]! }));
        for (const row of new Set(labels.map((l) => l.y))) {
          const inRow = labels.filter((l) => l.y === row);
          for (let i = 1; i < inRow.length; i++) {
            const halfWidths = (inRow[i]!.text.length + inRow[i - 1]!.text.length) * 11 * 0.6 / 2;
            expect(inRow[i]!.x - inRow[i - 1]!.x).toBeGreaterThanOrEqual(halfWidths);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic and escapes text', () => {
    const h = history([[1, 2]]);
    const options = { title: 'A <b> & "c"', subtitle: "it's", source: '<script>' };
    expect(toSvgChart(h, options)).toBe(toSvgChart(structuredClone(h), { ...options }));
    expect(toSvgChart(h, options)).not.toMatch(/<b>|<script>/);
  });

  it('draws the frame with a note for an empty history, and refuses bad input with a path', () => {
    expect(toSvgChart({ periods: [] })).toContain('No change to show');
    for (const [input, options, path] of [
      [{}, {}, ['history', 'periods']],
      [{ periods: [] }, { width: 10 }, ['options', 'width']],
      [{ periods: [] }, { height: Number.NaN }, ['options', 'height']],
    ] as const) {
      try {
        toSvgChart(input as never, options as never);
        expect.unreachable();
      } catch (error) {
        expect(isContestedError(error) && error.issues[0]!.path).toEqual(path);
      }
    }
  });
});
