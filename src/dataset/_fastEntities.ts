/**
 * The fast pass's reading of the entities a large dataset is made of —
 * claims, evidence (with positions and observations) and places — field by
 * field in their schemas' order, with the checks of their refinements
 * (`src/claims/schema.ts`, `src/evidence/schema.ts`,
 * `src/positions/schema.ts`, `src/places/schema.ts`). A field in a rarer
 * form (an area expression, an MGRS position, a time as `{ at, precision }`,
 * stated figures, a URL, `properties`) is handed to its own zod schema;
 * anything that fails gives up, and the full schemas report it.
 */
import { Properties, Url } from '../_lib/fields.js';
import { InformationCredibility } from '../actors/schema.js';
import { StatedFigures } from '../claims/statedFigures.js';
import { Observation } from '../evidence/schema.js';
import { AreaRef, areaRefDepth } from '../places/areaRef.js';
import { ApproximateGeometry, Place } from '../places/schema.js';
import { Position } from '../positions/schema.js';
import { TimeRef } from '../time/timeRef.js';
import { finite, geometry, isBareGeometry, id, name, oneOf, position as geoPosition, refs, text, time } from './_fastFields.js';
import { bail, Keys, onlyKeys, type Reader, type Rec } from './_fastReader.js';

const keys = (...names: string[]): Keys => new Keys(names);

/** A time: an ISO string read here, the object form by `TimeRef`. */
function timeRef(r: Reader, value: unknown, depth: number): unknown {
  return typeof value === 'string' ? time(r, value) : r.zod(TimeRef, value, depth);
}

/** Admiralty credibility: a whole number 1–6. */
function credibility(r: Reader, value: unknown, depth: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 6 ? value : r.zod(InformationCredibility, value, depth);
}

const AREA_TYPES: ReadonlySet<string> = new Set(['Polygon', 'MultiPolygon']);
const GEOMETRY_ONLY = keys('geometry');

/**
 * An `AreaRef`: a place id or `{ geometry }` read here; any other
 * expression by the schema, once it is known not to nest past
 * `maxAreaDepth` (where the full pass reports `too-deep`).
 */
function area(r: Reader, value: unknown, depth: number): unknown {
  if (typeof value === 'string') return id(value);
  const o = r.rec(value);
  if ('geometry' in o && isBareGeometry(o['geometry'])) {
    onlyKeys(o, GEOMETRY_ONLY, 1);
    return { geometry: geometry(r, o['geometry'], AREA_TYPES) };
  }
  if (areaRefDepth(value, r.limits.maxAreaDepth + 1) > r.limits.maxAreaDepth) bail();
  return r.zod(AreaRef, value, depth);
}

const STATUS: ReadonlySet<string> = new Set(['controlled', 'contested', 'advancing', 'not-controlled']);
const BASIS: ReadonlySet<string> = new Set(['claimed', 'assessed', 'inferred']);
const CLAIM_KEYS = keys('id', 'claimant', 'statedAt', 'validAt', 'area', 'status', 'side', 'sides', 'basis', 'quote', 'statedFigures', 'evidence', 'credibility', 'refutes', 'url', 'description', 'properties');

/**
 * A claim, at `depth` (its fields one deeper), with the claim's own checks:
 * a side where the status needs one, `sides` only on contested ground, no
 * side twice. Each field is read once, in the schema's order; the common
 * form (a side, no other optional field) is built as one object literal.
 */
export function claim(r: Reader, value: unknown, depth: number): Rec {
  const o = r.rec(value);
  const d = depth + 1;
  const cid = id(o['id']);
  const claimant = id(o['claimant']);
  const statedAt = timeRef(r, o['statedAt'], d);
  const validAt = o['validAt'];
  const validAtOut = validAt === undefined ? undefined : timeRef(r, validAt, d);
  const areaOut = area(r, o['area'], d);
  const status = oneOf<string>(o['status'], STATUS);
  const side = o['side'];
  const sideOut = side === undefined ? undefined : id(side);
  if (side === undefined && status !== 'contested') bail();
  const sides = o['sides'];
  let sidesOut: string[] | undefined;
  if (sides !== undefined) {
    if (status !== 'contested') bail();
    sidesOut = refs(r, sides, 2);
    if (new Set(sidesOut).size !== sidesOut.length) bail();
  }
  const basis = oneOf<string>(o['basis'], BASIS);
  const quote = o['quote'];
  const quoteOut = quote === undefined ? undefined : text(quote);
  const figures = o['statedFigures'];
  const figuresOut = figures === undefined ? undefined : r.zod(StatedFigures, figures, d);
  const evidence = o['evidence'];
  const evidenceOut = evidence === undefined ? undefined : refs(r, evidence);
  const cred = o['credibility'];
  const credOut = cred === undefined ? undefined : credibility(r, cred, d);
  const refutes = o['refutes'];
  const refutesOut = refutes === undefined ? undefined : refs(r, refutes);
  const url = o['url'];
  const description = o['description'];
  const properties = o['properties'];
  if (validAt === undefined && side !== undefined && sides === undefined && quote === undefined && figures === undefined && evidence === undefined && cred === undefined && refutes === undefined && url === undefined && description === undefined && properties === undefined) {
    onlyKeys(o, CLAIM_KEYS, 7);
    return { id: cid, claimant, statedAt, area: areaOut, status, side: sideOut, basis };
  }
  const out: Rec = { id: cid, claimant, statedAt };
  let n = 6;
  if (validAt !== undefined) (n++, (out['validAt'] = validAtOut));
  out['area'] = areaOut;
  out['status'] = status;
  if (side !== undefined) (n++, (out['side'] = sideOut));
  if (sides !== undefined) (n++, (out['sides'] = sidesOut));
  out['basis'] = basis;
  if (quote !== undefined) (n++, (out['quote'] = quoteOut));
  if (figures !== undefined) (n++, (out['statedFigures'] = figuresOut));
  if (evidence !== undefined) (n++, (out['evidence'] = evidenceOut));
  if (cred !== undefined) (n++, (out['credibility'] = credOut));
  if (refutes !== undefined) (n++, (out['refutes'] = refutesOut));
  n += trailing(r, url, description, properties, out, d);
  onlyKeys(o, CLAIM_KEYS, n);
  return out;
}

/** The trailing fields most entities share — `url`, `description`, `properties` — copied in that order; returns how many were present. */
function common(r: Reader, o: Rec, out: Rec, d: number): number {
  const url = o['url'];
  const description = o['description'];
  return trailing(r, url, description, o['properties'], out, d);
}

/** {@link common}, on the three values once read. */
function trailing(r: Reader, url: unknown, description: unknown, properties: unknown, out: Rec, d: number): number {
  let n = 0;
  if (url !== undefined) (n++, (out['url'] = r.zod(Url, url, d)));
  if (description !== undefined) (n++, (out['description'] = text(description)));
  if (properties !== undefined) (n++, (out['properties'] = r.zod(Properties, properties, d)));
  return n;
}

const EVIDENCE_KINDS: ReadonlySet<string> = new Set(['drone-video', 'geolocated-photo', 'geolocated-video', 'eyewitness', 'satellite-image', 'casualty-record', 'official-statement', 'osint-map', 'intercept', 'other']);
const EVIDENCE_KEYS = keys('id', 'kind', 'title', 'capturedAt', 'publishedAt', 'position', 'area', 'shows', 'source', 'credibility', 'url', 'description', 'properties');

/**
 * A piece of evidence, at `depth`, with its own check: a position or an area.
 * Each field is read once, in the schema's order; the common form (a
 * position and a source, no other optional field) is built as one object
 * literal, the others key by key.
 */
export function evidence(r: Reader, value: unknown, depth: number): Rec {
  const o = r.rec(value);
  const d = depth + 1;
  const eid = id(o['id']);
  const kind = oneOf<string>(o['kind'], EVIDENCE_KINDS);
  const title = o['title'];
  const titleOut = title === undefined ? undefined : name(title);
  const capturedAt = timeRef(r, o['capturedAt'], d);
  const published = o['publishedAt'];
  const publishedOut = published === undefined ? undefined : timeRef(r, published, d);
  const at = o['position'];
  const atOut = at === undefined ? undefined : position(r, at, d);
  const where = o['area'];
  const whereOut = where === undefined ? undefined : area(r, where, d);
  if (where === undefined && at === undefined) bail();
  const showsOut = shows(r, o['shows'], d);
  const source = o['source'];
  const sourceOut = source === undefined ? undefined : id(source);
  const cred = o['credibility'];
  const credOut = cred === undefined ? undefined : credibility(r, cred, d);
  const url = o['url'];
  const description = o['description'];
  const properties = o['properties'];
  if (title === undefined && published === undefined && at !== undefined && where === undefined && source !== undefined && cred === undefined && url === undefined && description === undefined && properties === undefined) {
    onlyKeys(o, EVIDENCE_KEYS, 6);
    return { id: eid, kind, capturedAt, position: atOut, shows: showsOut, source: sourceOut };
  }
  const out: Rec = { id: eid, kind };
  let n = 3;
  if (title !== undefined) (n++, (out['title'] = titleOut));
  out['capturedAt'] = capturedAt;
  if (published !== undefined) (n++, (out['publishedAt'] = publishedOut));
  if (at !== undefined) (n++, (out['position'] = atOut));
  if (where !== undefined) (n++, (out['area'] = whereOut));
  out['shows'] = showsOut;
  n++;
  if (source !== undefined) (n++, (out['source'] = sourceOut));
  if (cred !== undefined) (n++, (out['credibility'] = credOut));
  n += trailing(r, url, description, properties, out, d);
  onlyKeys(o, EVIDENCE_KEYS, n);
  return out;
}

const SIDE_KEYS = keys('kind', 'side');
const KIND_ONLY = keys('kind');

/** What evidence shows: at least one observation; `presence`, `control` and `strike` read here, `casualties` by `Observation`. */
function shows(r: Reader, value: unknown, depth: number): Rec[] {
  const list = r.list(value);
  if (list.length < 1) bail();
  const out: Rec[] = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const o = r.rec(item);
    const kind = o['kind'];
    const side = o['side'];
    if (kind === 'presence' || kind === 'control' || (kind === 'strike' && side !== undefined)) {
      onlyKeys(o, SIDE_KEYS, 2);
      out.push({ kind, side: id(side) });
    } else if (kind === 'strike') {
      onlyKeys(o, KIND_ONLY, 1);
      out.push({ kind });
    } else {
          out.push(r.zod(Observation, item, depth + 1) as Rec);
    }
  }
  return out;
}

const HOW: ReadonlySet<string> = new Set(['gps', 'geolocated', 'reported', 'estimated']);
const POSITION_KEYS = keys('id', 'label', 'coordinates', 'altitudeM', 'accuracyM', 'how', 'observedAt', 'description', 'properties');

/**
 * A position given by coordinates; one with an MGRS reference goes to
 * `Position`, which reads and checks it. Each field is read once; the
 * common forms (coordinates, with `accuracyM` and `how` or without) are
 * built as object literals.
 */
function position(r: Reader, value: unknown, depth: number): Rec {
  const o = r.rec(value);
  if (o['mgrs'] !== undefined) {
    return r.zod(Position, value, depth) as Rec;
  }
  const pid = o['id'];
  const pidOut = pid === undefined ? undefined : id(pid);
  const label = o['label'];
  const labelOut = label === undefined ? undefined : name(label);
  const coordinates = geoPosition(r, o['coordinates']);
  const altitude = o['altitudeM'];
  const altitudeOut = altitude === undefined ? undefined : finite(altitude);
  const accuracy = o['accuracyM'];
  const accuracyOut = accuracy === undefined ? undefined : finite(accuracy);
  if (accuracyOut !== undefined && !(accuracyOut >= 0)) bail();
  const how = o['how'];
  const howOut = how === undefined ? undefined : oneOf<string>(how, HOW);
  const observed = o['observedAt'];
  const observedOut = observed === undefined ? undefined : timeRef(r, observed, depth + 1);
  const description = o['description'];
  const descriptionOut = description === undefined ? undefined : text(description);
  const properties = o['properties'];
  const propertiesOut = properties === undefined ? undefined : r.zod(Properties, properties, depth + 1);
  if (pid === undefined && label === undefined && altitude === undefined && observed === undefined && description === undefined && properties === undefined) {
    if (accuracy === undefined) {
      onlyKeys(o, POSITION_KEYS, how === undefined ? 1 : 2);
      return how === undefined ? { coordinates } : { coordinates, how: howOut };
    }
    onlyKeys(o, POSITION_KEYS, how === undefined ? 2 : 3);
    return how === undefined ? { coordinates, accuracyM: accuracyOut } : { coordinates, accuracyM: accuracyOut, how: howOut };
  }
  const out: Rec = {};
  let n = 1;
  if (pid !== undefined) (n++, (out['id'] = pidOut));
  if (label !== undefined) (n++, (out['label'] = labelOut));
  out['coordinates'] = coordinates;
  if (altitude !== undefined) (n++, (out['altitudeM'] = altitudeOut));
  if (accuracy !== undefined) (n++, (out['accuracyM'] = accuracyOut));
  if (how !== undefined) (n++, (out['how'] = howOut));
  if (observed !== undefined) (n++, (out['observedAt'] = observedOut));
  if (description !== undefined) (n++, (out['description'] = descriptionOut));
  if (properties !== undefined) (n++, (out['properties'] = propertiesOut));
  onlyKeys(o, POSITION_KEYS, n);
  return out;
}

const PLACE_KINDS: ReadonlySet<string> = new Set(['settlement', 'district', 'site', 'region', 'admin-area', 'railway', 'river', 'road', 'line']);
const LINE_KINDS: ReadonlySet<string> = new Set(['railway', 'river', 'road', 'line']);
const PLACE_GEOMETRIES: ReadonlySet<string> = new Set(['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString', 'Point']);
const PLACE_KEYS = keys('id', 'name', 'kind', 'geometry', 'approximate', 'aliases', 'code', 'source', 'url', 'description', 'properties');

/** A place, at `depth`, with its own check: a line kind has a line, an area kind an area. */
export function place(r: Reader, value: unknown, depth: number): Rec {
  const o = r.rec(value);
  // A bbox or foreign members: the schema keeps them, in its own order.
  if (!isBareGeometry(o['geometry'])) return r.zod(Place, value, depth);
  const d = depth + 1;
  const kind = oneOf<string>(o['kind'], PLACE_KINDS);
  const out: Rec = { id: id(o['id']), name: name(o['name']), kind, geometry: geometry(r, o['geometry'], PLACE_GEOMETRIES) };
  const type = (out['geometry'] as { type: string }).type;
  const isLine = type === 'LineString' || type === 'MultiLineString';
  const wantsLine = LINE_KINDS.has(kind);
  if (wantsLine ? !isLine : kind !== 'site' && (isLine || type === 'Point')) bail();
  let n = 4;
  const approximate = o['approximate'];
  if (approximate !== undefined) (n++, (out['approximate'] = r.zod(ApproximateGeometry, approximate, d)));
  const aliases = o['aliases'];
  if (aliases !== undefined) {
    const list = r.list(aliases);
    const names: string[] = [];
    for (let i = 0; i < list.length; i++) names.push(name(list[i]));
    n++;
    out['aliases'] = names;
  }
  const code = o['code'];
  if (code !== undefined) (n++, (out['code'] = name(code)));
  const source = o['source'];
  if (source !== undefined) (n++, (out['source'] = text(source)));
  n += common(r, o, out, d);
  onlyKeys(o, PLACE_KEYS, n);
  return out;
}
