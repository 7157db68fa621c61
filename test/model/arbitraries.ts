/**
 * fast-check generators of valid `contested` entities and of whole valid
 * datasets whose references all resolve: every unit's parent is an earlier
 * unit of the same side (so no cycles), a person's unit is on the person's
 * side, a claim refutes only claims stated no later than itself, areas name
 * area places, and every area expression resolves (no random splits).
 *
 * Generated values are *normalized*: keys in schema order, no `undefined`
 * values, no `-0`, so `serializeDataset(parseDataset(x))` is
 * `JSON.stringify(x, null, 2)`. The one exception is opt-in: with
 * `{ mgrsOnly: true }` some positions carry only an MGRS reference and gain
 * coordinates when parsed. Property tests of later issues (diffs, control
 * maps) can build on {@link datasetArb} and the entity arbitraries.
 */
import fc from 'fast-check';
import { UTCDate } from '@date-fns/utc';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { toMgrs } from '../../src/positions/mgrs.js';
import { resolveTime, type TimeRef, type TimePrecision } from '../../src/time/timeRef.js';
import type { DatasetInput } from '../../src/dataset/schema.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = Record<string, unknown>;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Ids: short, kebab-case, never white space at either end. */
export const idArb: fc.Arbitrary<string> = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);

/** A name in Latin or Cyrillic letters. */
export const nameArb: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[A-Z][a-z]{1,10}( [A-Z][a-z]{1,10})?$/),
  fc.stringMatching(/^[А-Я][а-я]{1,10}$/),
);

/** JSON for `properties`: keys are plain words (never `__proto__`), numbers finite and never `-0`. */
export const jsonArb: fc.Arbitrary<Json> = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)),
    fc.string({ maxLength: 12 }),
    fc.array(tie('json'), { maxLength: 3 }),
    fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/), tie('json'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).json;

export const propertiesArb: fc.Arbitrary<Record<string, Json>> = fc.dictionary(
  fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/),
  jsonArb,
  { maxKeys: 3, noNullPrototype: true },
);

const dateArb = fc.date({ min: new Date('2022-01-01T00:00:00Z'), max: new Date('2026-12-31T23:59:59Z'), noInvalidDate: true });

/** An ISO 8601 string of the given precision for a date (UTC, or +02:00 for seconds). */
export function isoString(date: Date, precision: TimePrecision): string {
  const d = new UTCDate(date.getTime());
  const y = pad(d.getFullYear(), 4);
  const day = `${y}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  switch (precision) {
    case 'year':
      return y;
    case 'month':
      return `${y}-${pad(d.getMonth() + 1)}`;
    case 'week':
      return `${pad(getISOWeekYear(d), 4)}-W${pad(getISOWeek(d))}`;
    case 'day':
      return day;
    case 'hour':
      return `${day}T${pad(d.getHours())}Z`;
    case 'minute':
      return `${day}T${pad(d.getHours())}:${pad(d.getMinutes())}Z`;
    case 'second': {
      // The same instant written in Kyiv's winter offset.
      const k = new UTCDate(date.getTime() + 2 * 3_600_000);
      return `${pad(k.getFullYear(), 4)}-${pad(k.getMonth() + 1)}-${pad(k.getDate())}T${pad(k.getHours())}:${pad(k.getMinutes())}:${pad(k.getSeconds())}+02:00`;
    }
  }
}

const PRECISIONS: TimePrecision[] = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'];

/** A valid {@link TimeRef}: an ISO string of any precision, or `{ at: day, precision }` coarser than a day. */
export const timeRefArb: fc.Arbitrary<TimeRef> = fc.oneof(
  fc.tuple(dateArb, fc.constantFrom(...PRECISIONS)).map(([d, p]) => isoString(d, p)),
  fc.tuple(dateArb, fc.constantFrom<TimePrecision>('day', 'week', 'month', 'year')).map(([d, precision]) => ({ at: isoString(d, 'day'), precision })),
);

/** `[lon, lat]` in and around Ukraine. */
export const lonLatArb: fc.Arbitrary<[number, number]> = fc.tuple(
  fc.double({ min: 22, max: 40, noNaN: true }),
  fc.double({ min: 44, max: 52, noNaN: true }),
);

/** A closed, counter-clockwise box ring. */
const boxRing = ([lon, lat]: [number, number], w: number, h: number): [number, number][] => [
  [lon, lat],
  [lon + w, lat],
  [lon + w, lat + h],
  [lon, lat + h],
  [lon, lat],
];

const sizeArb = fc.double({ min: 0.001, max: 0.5, noNaN: true });

export const polygonArb = fc
  .tuple(lonLatArb, sizeArb, sizeArb)
  .map(([c, w, h]) => ({ type: 'Polygon' as const, coordinates: [boxRing(c, w, h)] }));

export const multiPolygonArb = fc
  .tuple(lonLatArb, sizeArb, sizeArb)
  .map(([c, w, h]) => ({ type: 'MultiPolygon' as const, coordinates: [[boxRing(c, w, h)], [boxRing([c[0] + w * 2, c[1]], w, h)]] }));

export const areaGeometryArb = fc.oneof(polygonArb, multiPolygonArb);

export const lineGeometryArb = fc.oneof(
  fc.array(lonLatArb, { minLength: 2, maxLength: 6 }).map((coordinates) => ({ type: 'LineString' as const, coordinates })),
  fc
    .array(fc.array(lonLatArb, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 3 })
    .map((coordinates) => ({ type: 'MultiLineString' as const, coordinates })),
);

/** Optional keys of a record, generated present or absent, in the order given. */
function rec<T extends Obj>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }, required: (keyof T)[]): fc.Arbitrary<T> {
  return fc.record(model, { requiredKeys: required, noNullPrototype: true }) as fc.Arbitrary<T>;
}

/** A valid position. With `mgrsOnly`, some have an MGRS reference and no coordinates. */
export function positionArb(options: { mgrsOnly?: boolean } = {}): fc.Arbitrary<Obj> {
  const located = fc.oneof(
    lonLatArb.map((c) => ({ coordinates: c })),
    fc.tuple(lonLatArb, fc.constantFrom(1, 2, 3, 4, 5) as fc.Arbitrary<1 | 2 | 3 | 4 | 5>).map(([c, p]) => ({ coordinates: c, mgrs: toMgrs(c, p) })),
    ...(options.mgrsOnly === true ? [fc.tuple(lonLatArb, fc.constantFrom(2, 3, 5) as fc.Arbitrary<2 | 3 | 5>).map(([c, p]) => ({ mgrs: toMgrs(c, p) }))] : []),
  );
  return fc
    .tuple(
      rec({ id: idArb, label: nameArb }, []),
      located,
      rec(
        {
          altitudeM: fc.integer({ min: -100, max: 3000 }),
          accuracyM: fc.integer({ min: 0, max: 5000 }),
          how: fc.constantFrom('gps', 'geolocated', 'reported', 'estimated'),
          observedAt: timeRefArb,
          description: fc.string({ maxLength: 20 }),
          properties: propertiesArb,
        },
        [],
      ),
    )
    .map(([head, where, rest]) => ({ ...head, ...where, ...rest }));
}

export const ECHELONS = ['team', 'squad', 'section', 'platoon', 'company', 'battalion', 'regiment', 'brigade', 'division', 'corps', 'army'] as const;
export const ROLES = ['infantry', 'assault', 'uav', 'artillery', 'command-post', 'sabotage-reconnaissance', 'reconnaissance', 'armor'] as const;

export const sideArb = (id: string): fc.Arbitrary<Obj> =>
  rec(
    {
      id: fc.constant(id),
      name: nameArb,
      iso3166: fc.constant(id),
      color: fc.stringMatching(/^#[0-9a-f]{6}$/),
      properties: propertiesArb,
    },
    ['id', 'name'],
  );

const pick = <T>(items: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...items);
const subset = (ids: readonly string[], max = 3): fc.Arbitrary<string[]> =>
  ids.length === 0 ? fc.constant([]) : fc.uniqueArray(pick(ids), { maxLength: Math.min(max, ids.length) });

/** Unique ids for `n` entities of one kind. */
const idsArb = (min: number, max: number): fc.Arbitrary<string[]> => fc.uniqueArray(idArb, { minLength: min, maxLength: max });

function areaRefArb(areaIds: readonly string[], _lineIds: readonly string[]): fc.Arbitrary<unknown> {
  // Splits are left out: parseDataset checks that every area expression
  // resolves, and a random line rarely divides a random area. Splits are
  // covered by the hand-written sample dataset and the geometry tests.
  const leaf = areaIds.length > 0 ? fc.oneof(pick(areaIds), areaGeometryArb.map((geometry) => ({ geometry }))) : areaGeometryArb.map((geometry) => ({ geometry }));
  return fc.oneof(
    leaf,
    fc.array(leaf, { minLength: 2, maxLength: 3 }).map((union) => ({ union })),
    fc.array(leaf, { minLength: 2, maxLength: 3 }).map((intersection) => ({ intersection })),
    fc.record({ area: leaf, minus: leaf }, { noNullPrototype: true }).map((difference) => ({ difference })),
  );
}

/** Options of {@link datasetArb}. */
export interface DatasetArbOptions {
  /** Let some positions carry only MGRS (the dataset is then not normalized). */
  mgrsOnly?: boolean;
}

/**
 * A whole valid dataset with consistent references.
 */
export function datasetArb(options: DatasetArbOptions = {}): fc.Arbitrary<DatasetInput> {
  const position = positionArb(options);
  return fc
    .uniqueArray(fc.constantFrom('UA', 'RU', 'BY', 'PL'), { minLength: 1, maxLength: 3 })
    .chain((sideIds) =>
      fc.record({
        sides: fc.tuple(...sideIds.map(sideArb)),
        unitDrafts: fc.tuple(idsArb(0, 6), fc.array(fc.tuple(pick(sideIds), fc.nat(), fc.boolean()), { minLength: 6, maxLength: 6 })),
        areaIds: idsArb(0, 3),
        lineIds: idsArb(0, 2),
        actorIds: idsArb(1, 4),
      }).chain(({ sides, unitDrafts, areaIds, lineIds: lineCandidates, actorIds }) => {
        const lineIds = lineCandidates.filter((id) => !areaIds.includes(id));
        const [unitIds, drafts] = unitDrafts;
        const unitSide = new Map<string, string>();
        const unitParent = new Map<string, string>();
        unitIds.forEach((id, i) => {
          const [side, parentPick, hasParent] = drafts[i] as [string, number, boolean];
          unitSide.set(id, side);
          const candidates = unitIds.slice(0, i).filter((u) => unitSide.get(u) === side);
          if (hasParent && candidates.length > 0) unitParent.set(id, candidates[parentPick % candidates.length] as string);
        });
        const units = fc.tuple(
          ...unitIds.map((id) =>
            fc
              .tuple(
                rec({ id: fc.constant(id), name: nameArb, side: fc.constant(unitSide.get(id) as string), echelon: pick(ECHELONS), role: pick(ROLES) }, ['id', 'name', 'side', 'echelon', 'role']),
                rec({ aliases: fc.array(nameArb, { maxLength: 2 }), position, count: fc.integer({ min: 1, max: 20 }), description: fc.string({ maxLength: 20 }), properties: propertiesArb }, []),
              )
              .map(([head, tail]) => {
                const parent = unitParent.get(id);
                return parent === undefined ? { ...head, ...tail } : { ...head, parent, ...tail };
              }),
          ),
        );
        const places = fc.tuple(
          ...areaIds.map((id) =>
            rec(
              {
                id: fc.constant(id),
                name: nameArb,
                kind: pick(['settlement', 'district', 'region', 'admin-area']),
                geometry: areaGeometryArb,
                approximate: rec({ toleranceM: fc.integer({ min: 1, max: 1000 }), note: fc.string({ maxLength: 20 }) }, ['note']),
                aliases: fc.array(nameArb, { maxLength: 2 }),
                code: fc.stringMatching(/^UA[0-9]{4,10}$/),
              },
              ['id', 'name', 'kind', 'geometry'],
            ),
          ),
          ...lineIds.map((id) =>
            rec(
              { id: fc.constant(id), name: nameArb, kind: pick(['railway', 'river', 'road', 'line']), geometry: lineGeometryArb, url: fc.constant('https://example.org/map') },
              ['id', 'name', 'kind', 'geometry'],
            ),
          ),
        );
        const personsArb = idsArb(0, 5).chain((personIds) =>
          fc.tuple(
            ...personIds.map((id) =>
              pick(sideIds).chain((side) => {
                const sameSideUnits = unitIds.filter((u) => unitSide.get(u) === side);
                return rec(
                  {
                    id: fc.constant(id),
                    callSign: pick(['Rabbit', 'Ghost', 'Godfather', 'Кум', 'Skelia']),
                    givenName: pick(['Yuri', 'Sasha', 'Олександр']),
                    familyName: nameArb,
                    side: fc.constant(side),
                    unit: sameSideUnits.length > 0 ? pick(sameSideUnits) : fc.constant(undefined as unknown as string),
                    role: pick(['battalion commander', 'regiment commander', 'drone operator']),
                    age: fc.record({ years: fc.integer({ min: 18, max: 65 }), asOf: timeRefArb }, { noNullPrototype: true }),
                  },
                  ['id', 'callSign', 'side'],
                ).map((p) => (p['unit'] === undefined ? omit(p, 'unit') : p));
              }),
            ),
          ),
        );
        return fc.record({
          sides: fc.constant(sides),
          actors: fc.tuple(
            ...actorIds.map((id) =>
              rec(
                {
                  id: fc.constant(id),
                  name: nameArb,
                  kind: pick(['head-of-state', 'ministry', 'unit-command', 'osint-tracker', 'media']),
                  side: pick(sideIds),
                  reliability: pick(['A', 'B', 'C', 'D', 'E', 'F']),
                  aliases: fc.array(nameArb, { maxLength: 2 }),
                },
                ['id', 'name', 'kind'],
              ),
            ),
          ),
          units,
          persons: personsArb,
          places,
          sideIds: fc.constant(sideIds),
          actorIds: fc.constant(actorIds),
          areaIds: fc.constant(areaIds),
          lineIds: fc.constant(lineIds),
          unitIds: fc.constant(unitIds),
        });
      }),
    )
    .chain((d) => {
      const personIds = d.persons.map((p) => p['id'] as string);
      const observation = fc.oneof(
        pick(d.sideIds).map((side) => ({ kind: 'presence', side })),
        rec({ kind: fc.constant('strike'), side: pick(d.sideIds) }, ['kind']),
        rec({ kind: fc.constant('casualties'), side: pick(d.sideIds), count: fc.nat(100) }, ['kind']),
        pick(d.sideIds).map((side) => ({ kind: 'control', side })),
      );
      const evidence = idsArb(0, 4).chain((ids) =>
        fc.tuple(
          ...ids.map((id) =>
            fc
              .tuple(
                rec({ id: fc.constant(id), kind: pick(['drone-video', 'geolocated-photo', 'satellite-image', 'osint-map']), title: nameArb, capturedAt: timeRefArb, publishedAt: timeRefArb }, ['id', 'kind', 'capturedAt']),
                fc.oneof(
                  position.map((p) => ({ position: p })),
                  areaRefArb(d.areaIds, d.lineIds).map((area) => ({ area })),
                  fc.record({ position, area: areaRefArb(d.areaIds, d.lineIds) }, { noNullPrototype: true }),
                ),
                rec({ shows: fc.array(observation, { minLength: 1, maxLength: 3 }), source: pick(d.actorIds), credibility: fc.integer({ min: 1, max: 6 }), description: fc.string({ maxLength: 20 }) }, ['shows']),
              )
              .map(([head, where, tail]) => ({ ...head, ...where, ...tail })),
          ),
        ),
      );
      return fc.record({ d: fc.constant(d), evidenceList: evidence, personIds: fc.constant(personIds) }, { noNullPrototype: true });
    })
    .chain(({ evidenceList, personIds, d }) => {
      const evidenceIds = evidenceList.map((e) => e['id'] as string);
      const claims = fc
        .array(fc.tuple(idArb, dateArb, fc.constantFrom<TimePrecision>('minute', 'day', 'week', 'month')), { maxLength: 5 })
        .map((drafts) => uniqueBy(drafts, ([id]) => id))
        .chain((drafts) => {
          // Sorted by the start of their statedAt span, so that refuting only earlier claims never reaches forward in time.
          const sorted = drafts
            .map(([id, date, p]) => ({ id, statedAt: isoString(date, p) }))
            .sort((a, b) => resolveTime(a.statedAt).start.getTime() - resolveTime(b.statedAt).start.getTime());
          return fc.tuple(
            ...sorted.map(({ id, statedAt }, i) =>
              fc
                .tuple(
                  fc.record({ id: fc.constant(id), claimant: pick(d.actorIds), statedAt: fc.constant(statedAt) }, { noNullPrototype: true }),
                  rec({ validAt: timeRefArb }, []),
                  fc.record({ area: areaRefArb(d.areaIds, d.lineIds) }, { noNullPrototype: true }),
                  fc.oneof(
                    fc.record({ status: fc.constant('controlled'), side: pick(d.sideIds) }, { noNullPrototype: true }),
                    fc.record({ status: fc.constant('advancing'), side: pick(d.sideIds) }, { noNullPrototype: true }),
                    fc.record({ status: fc.constant('not-controlled'), side: pick(d.sideIds) }, { noNullPrototype: true }),
                    fc.constant({ status: 'contested' }),
                    ...(d.sideIds.length >= 2 ? [fc.record({ status: fc.constant('contested'), sides: fc.uniqueArray(pick(d.sideIds), { minLength: 2, maxLength: 2 }) }, { noNullPrototype: true })] : []),
                  ),
                  rec(
                    {
                      basis: pick(['claimed', 'assessed']),
                      quote: fc.string({ maxLength: 30 }),
                      statedFigures: rec({ areaKm2: fc.double({ min: 0.5, max: 5000, noNaN: true }), settlements: fc.integer({ min: 0, max: 40 }), quote: fc.string({ maxLength: 30 }) }, ['areaKm2']),
                      evidence: subset(evidenceIds),
                      credibility: fc.integer({ min: 1, max: 6 }),
                      refutes: subset(sorted.slice(0, i).map((c) => c.id)),
                      url: fc.constant('https://example.org/claim'),
                      properties: propertiesArb,
                    },
                    ['basis'],
                  ),
                )
                .map((parts) => Object.assign({}, ...parts) as Obj),
            ),
          );
        });
      const events = idsArb(0, 4).chain((ids) =>
        fc.tuple(
          ...ids.map((id, i) =>
            fc
              .tuple(dateArb, fc.integer({ min: 1, max: 120 }), fc.boolean())
              .chain(([start, minutes, lasts]) =>
                rec(
                  {
                    id: fc.constant(id),
                    kind: pick(['detection', 'strike', 'destruction', 'infiltration', 'flag-display']),
                    title: nameArb,
                    at: fc.constant(isoString(start, 'minute')),
                    until: lasts ? fc.constant(isoString(new Date(start.getTime() + minutes * 60_000), 'minute')) : fc.constant(undefined as unknown as string),
                    position,
                    side: pick(d.sideIds),
                    units: subset(d.unitIds),
                    persons: subset(personIds),
                    follows: subset(ids.slice(0, i)),
                    evidence: subset(evidenceIds),
                  },
                  ['id', 'kind', 'at'],
                ).map((e) => (e['until'] === undefined ? omit(e, 'until') : e)),
              ),
          ),
        ),
      );
      return fc.record({ base: fc.constant(d), claims, events, evidence: fc.constant(evidenceList), personIds: fc.constant(personIds) }, { noNullPrototype: true });
    })
    .chain(({ base, claims, events, evidence, personIds }) => {
      const claimIds = claims.map((c) => c['id'] as string);
      const eventIds = events.map((e) => e['id'] as string);
      const speakers: fc.Arbitrary<Obj>[] = [fc.record({ actor: pick(base.actorIds) }, { noNullPrototype: true })];
      if (personIds.length > 0) speakers.push(fc.record({ speaker: pick(personIds) }, { noNullPrototype: true }), fc.record({ speaker: pick(personIds), actor: pick(base.actorIds) }, { noNullPrototype: true }));
      const statements = idsArb(0, 3).chain((ids) =>
        fc.tuple(
          ...ids.map((id) =>
            fc
              .tuple(
                fc.constant({ id }),
                fc.oneof(...speakers),
                fc.record({ text: fc.string({ minLength: 1, maxLength: 40 }) }, { noNullPrototype: true }),
                rec({ language: pick(['en', 'uk', 'ru']), original: fc.string({ maxLength: 40 }) }, []),
                fc.record({ at: timeRefArb }, { noNullPrototype: true }),
                rec({ claims: subset(claimIds), events: subset(eventIds) }, []),
              )
              .map((parts) => Object.assign({}, ...parts) as Obj),
          ),
        ),
      );
      return fc
        .record({
          meta: rec({ title: nameArb, description: fc.string({ maxLength: 30 }), asOf: timeRefArb }, ['title']),
          statements,
          keep: fc.record({ sides: fc.boolean(), rest: fc.boolean() }, { noNullPrototype: true }),
        })
        .map(({ meta, statements: st, keep }) => {
          const out: Obj = { meta };
          const put = (key: string, list: unknown[]): void => {
            if (list.length > 0 || keep.rest) out[key] = list;
          };
          put('sides', base.sides);
          put('actors', base.actors);
          put('units', base.units);
          put('persons', base.persons);
          put('places', base.places);
          put('claims', claims);
          put('evidence', evidence);
          put('events', events);
          put('statements', st);
          return out as DatasetInput;
        });
    });
}

function omit(o: Obj, key: string): Obj {
  const { [key]: _dropped, ...rest } = o;
  return rest;
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * A small hand-written valid dataset modelled on the Pokrovsk report, for
 * tests that break one thing at a time. Returns a fresh copy on each call.
 */
export function sampleDataset() {
  return {
    meta: { title: 'Pokrovsk, December 2025', asOf: '2025-12' },
    sides: [
      { id: 'UA', name: 'Ukraine', iso3166: 'UA' },
      { id: 'RU', name: 'Russia', iso3166: 'RU' },
    ],
    actors: [
      { id: 'kremlin', name: 'The Kremlin', kind: 'head-of-state', side: 'RU' },
      { id: 'skala-command', name: 'Skala command', kind: 'unit-command', side: 'UA', unit: 'skala' },
      { id: 'trackers', name: 'Independent trackers', kind: 'osint-tracker', reliability: 'B' },
    ],
    units: [
      { id: 'skala', name: 'Skala Assault Regiment', side: 'UA', echelon: 'regiment', role: 'assault', aliases: ['Скеля'] },
      { id: 'skala-bn', name: 'Battalion of Skala', side: 'UA', echelon: 'battalion', role: 'assault', parent: 'skala' },
      { id: 'ru-teams', name: 'Infiltration teams', side: 'RU', echelon: 'team', role: 'sabotage-reconnaissance', count: 5 },
    ],
    persons: [
      { id: 'yuri', givenName: 'Yuri', side: 'UA', unit: 'skala', role: 'regiment commander' },
      { id: 'sasha', givenName: 'Sasha', side: 'UA', unit: 'skala-bn', role: 'battalion commander', age: { years: 25, asOf: '2025-12' } },
      { id: 'rabbit', callSign: 'Rabbit', side: 'UA', unit: 'skala-bn' },
    ],
    places: [
      {
        id: 'pokrovsk',
        name: 'Pokrovsk',
        kind: 'settlement',
        geometry: { type: 'Polygon', coordinates: [[[37.12, 48.25], [37.24, 48.25], [37.24, 48.32], [37.12, 48.32], [37.12, 48.25]]] },
        approximate: { toleranceM: 500, note: 'a box around the city' },
      },
      {
        id: 'railway',
        name: 'Railway',
        kind: 'railway',
        geometry: { type: 'LineString', coordinates: [[37.1, 48.28], [37.26, 48.29]] },
      },
    ],
    claims: [
      { id: 'kremlin-city', claimant: 'kremlin', statedAt: '2025-12-01', area: 'pokrovsk', status: 'controlled', side: 'RU', basis: 'claimed', credibility: 5 },
      {
        id: 'ua-north',
        claimant: 'skala-command',
        statedAt: '2025-12-02',
        area: { split: { area: 'pokrovsk', line: 'railway', keep: 'north' } },
        status: 'controlled',
        side: 'UA',
        basis: 'claimed',
        evidence: ['flag-feed'],
        refutes: ['kremlin-city'],
      },
    ],
    evidence: [
      {
        id: 'flag-feed',
        kind: 'drone-video',
        capturedAt: '2025-12-01T10:30Z',
        position: { coordinates: [37.176, 48.292], accuracyM: 150, how: 'geolocated' },
        shows: [{ kind: 'presence', side: 'UA' }],
        source: 'skala-command',
        credibility: 2,
      },
    ],
    events: [
      { id: 'detection', kind: 'detection', at: '2025-11-28T06:10Z', units: ['skala-bn'] },
      { id: 'destruction', kind: 'destruction', at: '2025-11-28T06:28Z', units: ['skala-bn'], follows: ['detection'] },
    ],
    statements: [{ id: 'q1', speaker: 'sasha', text: 'Surrender is not an option.', language: 'en', at: '2025-12' }],
  };
}
