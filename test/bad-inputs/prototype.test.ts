/**
 * Prototype pollution: `{"__proto__": {"polluted": true}}`, as JSON.parse
 * makes it (an own key, not a prototype), in every position an input can
 * hold it. Object.prototype must be untouched afterwards, and the key
 * handled by the documented rule:
 *
 * - parsers (parseDataset, parseDatasetJson, parseEntity): rejected with
 *   `forbidden-key` (or `unknown-field` where no field of that name exists)
 *   at the key's path — top level, in an entity, in `properties`, in a
 *   geometry's foreign members, in meta;
 * - importers (fromDeepState, fromGeoJSON): a feature's `properties` are
 *   read by name only; `__proto__` is never read as a field, and where the
 *   importer keeps the properties as data it keeps the key as an own key;
 * - toSvg and the diffs: region properties are read by name only;
 * - ids used as keys (`bySide`, `says`, colours): any string, `__proto__`
 *   included, is stored as an own key (src/_lib/records.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  compareClaimants, controlChange, diffClaims, fromDeepState, fromGeoJSON, isContestedError, parseDataset, parseDatasetJson, parseEntity, sideColor, toSvg,
} from '../../src/index.js';

const POLLUTER = '{"__proto__": {"polluted": true}}';
const SQUARE = '{"type": "Polygon", "coordinates": [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48.1], [37, 48]]]}';
const clean = (): void => {
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
};
const issueAt = (run: () => unknown): { code: string; path: (string | number)[] }[] => {
  try {
    run();
  } catch (error) {
    if (isContestedError(error)) return error.issues;
    throw error;
  }
  throw new Error('accepted');
};
const path = (p: (string | number)[]): string => JSON.stringify(p);

afterEach(clean);

describe('__proto__ in parser input is rejected where it is', () => {
  const cases: [string, string, (string | number)[]][] = [
    ['top level', `{"__proto__": {"polluted": true}, "sides": []}`, ['__proto__']],
    ['inside an entity', `{"sides": [{"id": "UA", "name": "Ukraine", "__proto__": {"polluted": true}}]}`, ['sides', 0, '__proto__']],
    ['inside properties', `{"sides": [{"id": "UA", "name": "Ukraine", "properties": ${POLLUTER}}]}`, ['sides', 0, 'properties', '__proto__']],
    ['deep inside properties', `{"sides": [{"id": "UA", "name": "Ukraine", "properties": {"a": [{"b": ${POLLUTER}}]}}]}`, ['sides', 0, 'properties', 'a', 0, 'b', '__proto__']],
    ['in a geometry (a foreign member)', `{"places": [{"id": "p", "name": "P", "kind": "settlement", "geometry": {"type": "Point", "coordinates": [37, 48], "__proto__": {"polluted": true}}}]}`, ['places', 0, 'geometry', '__proto__']],
    ['in meta', `{"meta": {"title": "t", "__proto__": {"polluted": true}}}`, ['meta', '__proto__']],
    ['in an inline area geometry', `{"claims": [{"id": "c", "claimant": "k", "statedAt": "2025", "status": "contested", "basis": "claimed", "area": {"geometry": {"type": "Polygon", "coordinates": [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48]]], "__proto__": {"polluted": true}}}}]}`, ['claims', 0, 'area', 'geometry', '__proto__']],
  ];
  for (const [where, text, at] of cases) {
    it(where, () => {
      expect(issueAt(() => parseDataset(JSON.parse(text))).map((i) => path(i.path))).toContain(path(at));
      expect(issueAt(() => parseDatasetJson(text)).map((i) => path(i.path))).toContain(path(at));
    });
  }

  it('parseEntity', () => {
    expect(issueAt(() => parseEntity('side', JSON.parse(`{"id": "UA", "name": "U", "__proto__": {"polluted": true}}`))).map((i) => path(i.path))).toContain(path(['__proto__']));
  });
});

describe('__proto__ in importer and output input is data, never a prototype', () => {
  const layer = JSON.parse(`{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Occupied", "__proto__": {"polluted": true, "name": "Liberated"}}, "geometry": ${SQUARE}}]}`);

  it('fromDeepState reads the label by name, not through __proto__', () => {
    const claims = fromDeepState(layer, { asOf: '2025-12-01' });
    expect(claims.map((c) => c.id)).toEqual(['deepstate-2025-12-01-occupied']);
  });

  it('fromGeoJSON keeps a __proto__ property as an own key of the claim’s properties, or refuses it', () => {
    let claims;
    try {
      claims = fromGeoJSON(layer, { claimant: 'a', status: 'controlled', side: 'RU', asOf: '2025-12-01' });
    } catch (error) {
      expect(isContestedError(error)).toBe(true);
      return;
    }
    for (const claim of claims) {
      const properties = claim.properties ?? {};
      expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    }
  });

  it('toSvg reads region properties by name', () => {
    const map = JSON.parse(`{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"status": "controlled", "side": "RU", "__proto__": {"polluted": true, "side": "UA"}}, "geometry": ${SQUARE}}]}`);
    expect(toSvg(map)).toContain('<svg');
  });

  it('diffs and changes store a side called "__proto__" as an own key', () => {
    const claim = (id: string, side: string): unknown => ({ id, claimant: 'a', statedAt: '2025-12-01', area: { geometry: JSON.parse(SQUARE) }, status: 'controlled', side, basis: 'claimed' });
    const change = controlChange([claim('c1', 'UA')] as never, [claim('c2', '__proto__')] as never);
    expect(Object.keys(change.bySide).sort()).toEqual(['UA', '__proto__']);
    expect(Object.getPrototypeOf(change.bySide)).toBe(Object.prototype);
    const diff = diffClaims([claim('c1', '__proto__')] as never, [claim('c2', 'constructor')] as never);
    expect(Object.keys(diff.parties.a.bySide)).toEqual(['__proto__']);
    expect(Object.keys(diff.parties.b.bySide)).toEqual(['constructor']);
  });

  it('compareClaimants stores a claimant called "__proto__" as an own key', () => {
    const dataset = { actors: [{ id: '__proto__', name: 'x', kind: 'person' }], claims: [{ id: 'c', claimant: '__proto__', statedAt: '2025-12-01', area: { geometry: JSON.parse(SQUARE) }, status: 'controlled', side: 'UA', basis: 'claimed' }] };
    const comparison = compareClaimants(dataset as never, ['__proto__'], { asOf: '2025-12-31' });
    expect(Object.keys(comparison.regions.features[0]!.properties.says)).toEqual(['__proto__']);
  });

  it('sideColor looks colours up by own key only', () => {
    expect(sideColor('constructor')).toMatch(/^#[0-9a-f]{6}$/);
    expect(sideColor('__proto__', JSON.parse('{"__proto__": "#123456"}'))).toBe('#123456');
    expect(sideColor('__proto__', {})).toMatch(/^#[0-9a-f]{6}$/);
  });
});
