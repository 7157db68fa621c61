/**
 * Bad inputs too large or too deep to keep as files: built in code, each
 * counted in the corpus beside the files in `cases/` and `text/`. They share
 * one array or string across positions where they can, so that the test's
 * own memory stays small while the library sees the full size.
 */
import type { Case } from './cases.js';

const deep = (depth: number, wrap: (inner: unknown) => unknown, core: unknown = 'pokrovsk'): unknown => {
  let value = core;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
};
const claimWithArea = (area: unknown): Record<string, unknown> => ({ id: 'c1', claimant: 'k', statedAt: '2025-12-01', area, status: 'controlled', side: 'RU', basis: 'claimed' });
const POSITION = [37.1, 48.2];
/** A ring of `n` vertices, all one shared position array: n pointers, not n arrays. */
const hugeRing = (n: number): number[][] => new Array<number[]>(n).fill(POSITION);
const polygon = (ring: unknown): Record<string, unknown> => ({ type: 'Polygon', coordinates: [ring] });

export function generatedCases(): Case[] {
  const split = (inner: unknown): unknown => ({ split: { area: inner, line: 'railway', keep: 'north' } });
  const union = (inner: unknown): unknown => ({ union: [inner, 'pokrovsk'] });
  return [
    { name: 'area-ref-depth-10000-split', entry: 'parseDataset', input: { claims: [claimWithArea(deep(10_000, split))] }, expect: { code: 'limit-exceeded', path: ['claims', 0, 'area'], issueCode: 'too-deep' }, why: 'an area expression 10,000 deep is refused where it is, before any recursion' },
    { name: 'area-ref-depth-10000-union', entry: 'parseDataset', input: { claims: [claimWithArea(deep(10_000, union))] }, expect: { code: 'limit-exceeded', path: ['claims', 0, 'area'], issueCode: 'too-deep' }, why: 'the same through union' },
    { name: 'area-ref-depth-10000-entity', entry: 'parseEntity:areaRef', input: deep(10_000, split), expect: { code: 'limit-exceeded', path: [], issueCode: 'too-deep' }, why: 'parseEntity applies the same limit' },
    { name: 'area-ref-depth-10000-resolve', entry: 'resolveArea', input: { dataset: { places: [] }, area: deep(10_000, union) }, expect: { code: 'limit-exceeded', path: [], issueCode: 'too-deep' }, why: 'resolveArea refuses it before evaluating' },
    { name: 'area-ref-depth-10000-diff', entry: 'diffClaims', input: { a: [claimWithArea(deep(10_000, split))], b: [] }, expect: { code: 'limit-exceeded', path: ['a', 0, 'area'], issueCode: 'too-deep' }, why: 'an unparsed claim with a 10,000-deep area, straight into the diff' },
    { name: 'json-depth-100000-properties', entry: 'parseDataset', input: { sides: [{ id: 'UA', name: 'U', properties: { x: deep(100_000, (inner) => [inner], 1) } }] }, expect: { code: 'limit-exceeded', path: ['sides', 0, 'properties', 'x', 0, 0], issueCode: 'too-deep', pathPrefix: true }, why: 'JSON nested 100,000 deep inside properties: refused at the 513th level, no stack overflow' },
    { name: 'json-depth-100000-objects', entry: 'parseDataset', input: { properties: deep(100_000, (inner) => ({ a: inner }), 1) as Record<string, unknown> }, expect: { code: 'limit-exceeded', path: ['properties', 'a', 'a'], issueCode: 'too-deep', pathPrefix: true }, why: 'objects nested 100,000 deep' },
    { name: 'geometry-collection-depth-10000', entry: 'areaKm2', input: deep(10_000, (inner) => ({ type: 'GeometryCollection', geometries: [inner] }), polygon([[37, 48], [37.1, 48], [37.1, 48.1], [37, 48]])), expect: { code: 'limit-exceeded', path: ['geometries', 0, 'geometries', 0], issueCode: 'too-large', pathPrefix: true }, why: 'GeometryCollections nested 10,000 deep: the geometry reader recursed without a bound (stack overflow) until it counted depth' },
    { name: 'polygon-10-million-vertices-area', entry: 'areaKm2', input: polygon(hugeRing(10_000_000)), expect: { code: 'limit-exceeded', path: ['coordinates'], issueCode: 'too-large' }, why: '10,000,000 vertices: counted from array lengths, refused before any work' },
    { name: 'polygon-10-million-vertices-parse', entry: 'parseDataset', input: { places: [{ id: 'p', name: 'P', kind: 'settlement', geometry: polygon(hugeRing(10_000_000)) }] }, expect: { code: 'limit-exceeded', path: ['places', 0, 'geometry', 'coordinates', 0], issueCode: 'too-large' }, why: 'the parser refuses it before zod sees a position' },
    { name: 'polygon-10-million-vertices-union', entry: 'union', input: [polygon(hugeRing(10_000_000))], expect: { code: 'limit-exceeded', path: [0, 'coordinates'], issueCode: 'too-large' }, why: 'boolean operations apply the default limit' },
    { name: 'features-2-million', entry: 'areaKm2', input: { type: 'FeatureCollection', features: new Array<unknown>(2_000_000).fill({ type: 'Feature', properties: {}, geometry: null }) }, expect: { code: 'limit-exceeded', path: ['features'], issueCode: 'too-large' }, why: '2,000,000 features is over maxFeatures' },
    { name: 'claims-2-million', entry: 'controlMap', input: { claims: new Array<unknown>(2_000_000).fill(claimWithArea('x')) }, expect: { code: 'limit-exceeded', path: [], issueCode: 'too-large' }, why: 'a control map of 2,000,000 claims is refused before any is resolved' },
    { name: 'string-2-million-in-properties', entry: 'parseDataset', input: { sides: [{ id: 'UA', name: 'U', properties: { note: 'x'.repeat(2_000_000) } }] }, expect: { code: 'limit-exceeded', path: ['sides', 0, 'properties', 'note'], issueCode: 'too-large' }, why: 'properties hold any JSON, but not a 2,000,000-character string' },
    { name: 'string-2-million-key', entry: 'parseDataset', input: { sides: [{ id: 'UA', name: 'U', properties: { ['k'.repeat(2_000_000)]: 1 } }] }, expect: { code: 'limit-exceeded', path: ['sides', 0, 'properties'], issueCode: 'too-large' }, why: 'nor a 2,000,000-character key' },
    { name: 'dataset-text-json-depth', entry: 'parseDatasetJson', input: `{"properties": {"a": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`, expect: { code: 'limit-exceeded', path: ['properties', 'a', 0, 0], issueCode: 'too-deep', pathPrefix: true }, why: 'JSON text nested 100,000 deep: JSON.parse copes, the parser refuses it' },
  ];
}
