/**
 * The checks that make a set of valid entities a valid dataset: ids unique
 * per kind, every reference resolving to an entity of the right kind, unit
 * parents without cycles, a person's unit on the person's side, area
 * expressions naming areas and lines of the right kind, refutations not
 * reaching forward in time.
 *
 * It reads the input defensively, as unknown JSON, so that it can run even
 * when some entities failed their schema: every problem is reported in one
 * pass, not the first only.
 */
import { isContestedError, type ContestedIssue, type IssuePath } from '../errors/index.js';
import { areaRefPlaces, type AreaRef } from '../places/areaRef.js';
import { resolveTime, type TimeRef } from '../time/timeRef.js';
import { quote, word } from '../_lib/quote.js';

type Rec = Record<string, unknown>;
const KINDS = ['sides', 'actors', 'units', 'persons', 'places', 'claims', 'evidence', 'events', 'statements'] as const;
type Kind = (typeof KINDS)[number];
const SINGULAR: Record<Kind, string> = {
  sides: 'side',
  actors: 'actor',
  units: 'unit',
  persons: 'person',
  places: 'place',
  claims: 'claim',
  evidence: 'evidence',
  events: 'event',
  statements: 'statement',
};
const LINE_KINDS = new Set(['railway', 'river', 'road', 'line']);

const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The entities of each kind, each read once: a shallow copy taken on first
 * use, so that a getter that answers differently on each read (a caller's
 * Proxy, say) cannot pass one check and fail the next with a TypeError.
 * Data the parser built itself (`copy` false) is read as it is.
 */
function lists(input: Rec, copy: boolean): (kind: Kind) => Rec[] {
  const cache = new Map<Kind, Rec[]>();
  return (kind) => {
    let found = cache.get(kind);
    if (found === undefined) {
      const v = input[kind];
      found = !Array.isArray(v) ? [] : copy ? Array.from(v, (e: unknown) => (isRec(e) ? { ...e } : {})) : (v as Rec[]);
      cache.set(kind, found);
    }
    return found;
  };
}

/**
 * Checks cross-entity consistency of a dataset-shaped value: the raw input
 * (read defensively, each entity copied once), or with `copy` false a
 * dataset the schemas returned.
 */
export function checkIntegrity(input: unknown, copy = true): ContestedIssue[] {
  if (!isRec(input)) return [];
  const list = lists(input, copy);
  const issues: ContestedIssue[] = [];
  // Each kind's ids, to the index of the entity that first has it: one map operation per entity, the
  // cost of this check on a large dataset. Duplicates are rare, and resolved after the pass over their kind.
  const index = new Map<Kind, Map<string, number>>();
  for (const kind of KINDS) {
    const entities = list(kind);
    const firstAt = new Map<string, number>();
    const repeats: number[] = [];
    for (let i = 0; i < entities.length; i++) {
      const id = str((entities[i] as Rec)['id']);
      if (id === undefined) continue;
      const size = firstAt.size;
      if (firstAt.set(id, i).size === size) repeats.push(i);
    }
    if (repeats.length > 0) {
      // The map now holds the last index of a repeated id: put the first back, then report each repeat in order.
      const repeated = new Set(repeats.map((i) => (entities[i] as Rec)['id'] as string));
      for (let i = entities.length - 1; i >= 0; i--) {
        const id = (entities[i] as Rec)['id'];
        if (typeof id === 'string' && repeated.has(id)) firstAt.set(id, i);
      }
      for (const i of repeats) {
        const id = (entities[i] as Rec)['id'] as string;
        issues.push({
          code: 'duplicate-id',
          path: [kind, i, 'id'],
          message: `${SINGULAR[kind]} id ${quote(id)} is already used by ${kind}[${firstAt.get(id) ?? 0}]`,
        });
      }
    }
    index.set(kind, firstAt);
  }

  // A reference's path is built only when it is reported: these checks run once per reference of a large
  // dataset, and the arrays (one or two per evidence) were most of their cost.
  const report = (target: Kind, id: string, path: IssuePath, what: string): void => {
    issues.push({ code: 'unknown-reference', path, message: `${what} ${quote(id)} is not the id of any ${SINGULAR[target]} in ${target}` });
  };
  const ids = (target: Kind): Map<string, number> => index.get(target) as Map<string, number>;
  /** The entity `value` names; reported at [kind, i, field] (and `j` when given) when there is none. */
  const ref = (target: Kind, value: unknown, what: string, kind: Kind, i: number, field: string, j = -1): Rec | undefined => {
    if (typeof value !== 'string') return undefined;
    const at = ids(target).get(value);
    if (at === undefined) {
      report(target, value, j < 0 ? [kind, i, field] : [kind, i, field, j], what);
      return undefined;
    }
    return list(target)[at];
  };
  const refs = (target: Kind, value: unknown, what: string, kind: Kind, i: number, field: string): void => {
    if (Array.isArray(value)) for (let j = 0; j < value.length; j++) ref(target, value[j], what, kind, i, field, j);
  };
  const areaRef = (value: unknown, path: IssuePath): void => {
    if (value === undefined || (typeof value !== 'string' && !isRec(value))) return;
    // An inline geometry names no place (the common case, and the cost of areaRefPlaces on a large dataset).
    if (typeof value !== 'string' && 'geometry' in value && !('split' in value || 'union' in value || 'intersection' in value || 'difference' in value)) return;
    let places;
    try {
      places = areaRefPlaces(value as AreaRef);
    } catch (error) {
      // A malformed (or too deep) expression is reported by the schema and the guards; anything else is not ours to hide.
      if (isContestedError(error)) return;
      throw error;
    }
    for (const p of places) {
      const at = ids('places').get(p.id);
      if (at === undefined) {
        report('places', p.id, [...path, ...p.path], p.role === 'line' ? 'split line' : 'area');
        continue;
      }
      const place = list('places')[at] as Rec;
      const isLine = LINE_KINDS.has(str(place['kind']) ?? '');
      if (p.role === 'line' && !isLine) {
        issues.push({ code: 'wrong-place-kind', path: [...path, ...p.path], message: `place ${quote(p.id)} is a ${word(place['kind'])}, not a line to split by` });
      } else if (p.role === 'area' && isLine) {
        issues.push({ code: 'wrong-place-kind', path: [...path, ...p.path], message: `place ${quote(p.id)} is a ${word(place['kind'])} (a line), not an area` });
      }
    }
  };

  list('actors').forEach((a, i) => {
    ref('sides', a['side'], 'side', 'actors', i, 'side');
    ref('units', a['unit'], 'unit', 'actors', i, 'unit');
    ref('persons', a['person'], 'person', 'actors', i, 'person');
  });
  list('units').forEach((u, i) => {
    ref('sides', u['side'], 'side', 'units', i, 'side');
    ref('units', u['parent'], 'parent unit', 'units', i, 'parent');
  });
  checkUnitCycles(list('units'), issues);
  list('persons').forEach((p, i) => {
    ref('sides', p['side'], 'side', 'persons', i, 'side');
    const unit = ref('units', p['unit'], 'unit', 'persons', i, 'unit');
    if (unit !== undefined && str(unit['side']) !== undefined && str(p['side']) !== undefined && unit['side'] !== p['side']) {
      issues.push({
        code: 'side-mismatch',
        path: ['persons', i, 'unit'],
        message: `person is on side ${quote(p['side'])} but unit ${quote(p['unit'])} is on side ${quote(unit['side'])}`,
      });
    }
  });
  const claims = list('claims');
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i] as Rec;
    ref('actors', c['claimant'], 'claimant', 'claims', i, 'claimant');
    ref('sides', c['side'], 'side', 'claims', i, 'side');
    refs('sides', c['sides'], 'side', 'claims', i, 'sides');
    refs('evidence', c['evidence'], 'evidence', 'claims', i, 'evidence');
    if (c['area'] !== undefined) areaRef(c['area'], ['claims', i, 'area']);
    if (Array.isArray(c['refutes'])) {
      c['refutes'].forEach((r, j) => {
        if (r === c['id']) {
          issues.push({ code: 'self-reference', path: ['claims', i, 'refutes', j], message: `claim ${quote(r)} cannot refute itself` });
          return;
        }
        const refuted = ref('claims', r, 'refuted claim', 'claims', i, 'refutes', j);
        if (refuted !== undefined) checkRefutationOrder(c, refuted, ['claims', i, 'refutes', j], issues);
      });
    }
  }
  const evidence = list('evidence');
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i] as Rec;
    ref('actors', e['source'], 'source', 'evidence', i, 'source');
    if (e['area'] !== undefined) areaRef(e['area'], ['evidence', i, 'area']);
    const shows = e['shows'];
    if (Array.isArray(shows)) {
      for (let j = 0; j < shows.length; j++) {
        const o: unknown = shows[j];
        if (isRec(o) && typeof o['side'] === 'string' && !ids('sides').has(o['side'])) report('sides', o['side'], ['evidence', i, 'shows', j, 'side'], 'side');
      }
    }
  }
  list('events').forEach((e, i) => {
    ref('sides', e['side'], 'side', 'events', i, 'side');
    refs('units', e['units'], 'unit', 'events', i, 'units');
    refs('persons', e['persons'], 'person', 'events', i, 'persons');
    refs('events', e['follows'], 'earlier event', 'events', i, 'follows');
    refs('evidence', e['evidence'], 'evidence', 'events', i, 'evidence');
    if (e['area'] !== undefined) areaRef(e['area'], ['events', i, 'area']);
  });
  list('statements').forEach((s, i) => {
    ref('persons', s['speaker'], 'speaker', 'statements', i, 'speaker');
    ref('actors', s['actor'], 'actor', 'statements', i, 'actor');
    refs('claims', s['claims'], 'claim', 'statements', i, 'claims');
    refs('events', s['events'], 'event', 'statements', i, 'events');
  });
  return issues;
}

/** Reports each cycle of unit parents once, at the unit where it was found. */
function checkUnitCycles(units: Rec[], issues: ContestedIssue[]): void {
  const parentOf = new Map<string, string>();
  const indexOf = new Map<string, number>();
  units.forEach((u, i) => {
    const id = str(u['id']);
    const parent = str(u['parent']);
    if (id === undefined || indexOf.has(id)) return;
    indexOf.set(id, i);
    if (parent !== undefined) parentOf.set(id, parent);
  });
  const done = new Set<string>();
  for (const start of indexOf.keys()) {
    if (done.has(start)) continue;
    const trail: string[] = [];
    const onTrail = new Set<string>();
    let cur: string | undefined = start;
    while (cur !== undefined && !done.has(cur) && !onTrail.has(cur)) {
      trail.push(cur);
      onTrail.add(cur);
      cur = parentOf.get(cur);
    }
    if (cur !== undefined && onTrail.has(cur)) {
      const cycle = trail.slice(trail.indexOf(cur));
      issues.push({
        code: 'cycle',
        path: ['units', indexOf.get(cur) ?? 0, 'parent'],
        message: `unit parents form a cycle: ${[...cycle, cur].slice(0, 10).map((id) => word(id)).join(' → ')}${cycle.length + 1 > 10 ? ` → … (${cycle.length.toLocaleString('en-US')} units in all)` : ''}`,
      });
    }
    for (const id of trail) done.add(id);
  }
}

/** A claim cannot refute one that was stated after it. */
function checkRefutationOrder(claim: Rec, refuted: Rec, path: IssuePath, issues: ContestedIssue[]): void {
  try {
    const said = resolveTime(claim['statedAt'] as TimeRef);
    const earlier = resolveTime(refuted['statedAt'] as TimeRef);
    if (said.end.getTime() <= earlier.start.getTime()) {
      issues.push({
        code: 'refutes-later-claim',
        path,
        message: `claim ${quote(claim['id'])} (stated ${quote(claim['statedAt'])}) cannot refute ${quote(refuted['id'])}, stated later (${quote(refuted['statedAt'])})`,
      });
    }
  } catch (error) {
    // An invalid time is reported by the schema; anything else is not ours to hide.
    if (!isContestedError(error)) throw error;
  }
}
