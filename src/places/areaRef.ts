/**
 * AreaRef: how a claim names ground. Claims rarely come with a polygon: "the
 * north of the city, up to the railway line" is an expression over places —
 * the city split by the railway, keeping the north. An `AreaRef` is a place
 * id, an inline geometry, or such an expression, nested as deep as needed
 * (up to {@link MAX_AREA_DEPTH}).
 *
 * @module
 */
import * as z from 'zod';
import { ContestedError, type IssuePath } from '../errors/index.js';
import { DEFAULT_LIMITS, limitExceeded } from '../_lib/limits.js';
import { Ref } from '../_lib/fields.js';
import { AreaGeometry, LineGeometry } from '../geometry/schema.js';

/**
 * Which part of a split area to keep. Compass words are resolved from the
 * line's overall direction: for a line drawn west to east, `north` is its
 * left side.
 *
 * @example
 * ```ts
 * SplitKeep.safeParse('north').success;
 * //=> true
 * SplitKeep.safeParse('up').success;
 * //=> false
 * ```
 *
 * @category Model
 */
export const SplitKeep = z.enum(['north', 'south', 'east', 'west', 'left', 'right'], {
  error: 'keep is one of north, south, east, west, left, right',
});
/** Which part of a split area to keep. @category Model */
export type SplitKeep = z.infer<typeof SplitKeep>;

/**
 * The deepest nesting of area expressions accepted. Deeper input is refused
 * with an error rather than risking the call stack.
 *
 * @example
 * ```ts
 * MAX_AREA_DEPTH;
 * //=> 64
 * ```
 *
 * @category Model
 */
export const MAX_AREA_DEPTH = 64;

/**
 * A line that splits an area: a place id (a railway, a river) or an inline
 * LineString / MultiLineString.
 *
 * @category Model
 */
export type LineRef = string | LineGeometry;

/**
 * How a claim names ground.
 *
 * - a place id: `"pokrovsk"`;
 * - `{ geometry }`: an inline Polygon or MultiPolygon;
 * - `{ split: { area, line, keep } }`: the part of `area` on one side of `line`;
 * - `{ union: [...] }`, `{ intersection: [...] }`: of two or more areas;
 * - `{ difference: { area, minus } }`: `area` less `minus`.
 *
 * @category Model
 */
export type AreaRef =
  | string
  | {
      /** An inline Polygon or MultiPolygon. */
      geometry: AreaGeometry;
    }
  | {
      /** The part of `area` on the `keep` side of `line`. */
      split: {
        /** The area to cut. */
        area: AreaRef;
        /** The cutting line: a line place's id or an inline line. */
        line: LineRef;
        /** Which side to keep. */
        keep: SplitKeep;
      };
    }
  | {
      /** Ground in any of these areas. */
      union: AreaRef[];
    }
  | {
      /** Ground in every one of these areas. */
      intersection: AreaRef[];
    }
  | {
      /** `area` less `minus`. */
      difference: {
        /** The area to take from. */
        area: AreaRef;
        /** The area taken away. */
        minus: AreaRef;
      };
    };

/**
 * A place an area expression names, and where.
 *
 * @category Model
 */
export interface AreaRefPlace {
  /** The place id. */
  id: string;
  /** Where in the expression it appears. */
  path: (string | number)[];
  /** Whether it is used as an area or as a split line. */
  role: 'area' | 'line';
}

const LineRef: z.ZodType<LineRef> = z.union([Ref, LineGeometry], { error: 'expected a line: a place id or a LineString / MultiLineString' });

/**
 * Schema of {@link AreaRef}. Place ids are checked to exist when a whole
 * dataset is parsed, not here.
 *
 * @example
 * ```ts
 * AreaRef.parse({ split: { area: 'pokrovsk', line: 'railway', keep: 'north' } });
 * ```
 * @category Model
 */
export const AreaRef: z.ZodType<AreaRef> = z.lazy(() =>
  z.union([
    Ref,
    z.strictObject({ geometry: AreaGeometry }),
    z.strictObject({ split: z.strictObject({ area: AreaRef, line: LineRef, keep: SplitKeep }) }),
    z.strictObject({ union: z.array(AreaRef).min(2, { error: 'a union needs at least 2 areas' }) }),
    z.strictObject({ intersection: z.array(AreaRef).min(2, { error: 'an intersection needs at least 2 areas' }) }),
    z.strictObject({ difference: z.strictObject({ area: AreaRef, minus: AreaRef }) }),
  ], { error: 'expected an area: a place id, { geometry }, { split }, { union }, { intersection } or { difference }' }),
);

/**
 * Every place id an {@link AreaRef} mentions, with the path to where it does,
 * relative to the expression (areas and lines alike).
 *
 * @param ref - an area expression
 * @returns the references in order of appearance; empty for an inline geometry
 * @throws {@link ContestedError} `invalid-input` for a node that is not an
 *   area expression; `limit-exceeded` for an expression deeper than
 *   {@link MAX_AREA_DEPTH} (or circular), or one that names sub-expressions
 *   so often that the list would pass `DEFAULT_LIMITS.maxNodes` entries
 * @category Model
 *
 * @example
 * ```ts
 * areaRefPlaces({ split: { area: 'pokrovsk', line: 'railway', keep: 'north' } }).map((r) => r.id);
 * //=> ['railway', 'pokrovsk']
 * ```
 */
export function areaRefPlaces(ref: AreaRef): AreaRefPlace[] {
  if (areaRefDepth(ref) > MAX_AREA_DEPTH) {
    throw new ContestedError('limit-exceeded', [{ code: 'too-deep', path: [], message: `area expression nests deeper than ${MAX_AREA_DEPTH} levels` }]);
  }
  // The list has one entry per place named, at every place it is named: an
  // expression that reuses a sub-expression at many levels would make it
  // exponentially long, so its length is counted before it is built.
  const size = areaRefSize(ref, DEFAULT_LIMITS.maxNodes);
  if (size > DEFAULT_LIMITS.maxNodes) throw limitExceeded('maxNodes', DEFAULT_LIMITS.maxNodes, size, [], true);
  const out: AreaRefPlace[] = [];
  // An explicit stack rather than recursion: the depth of user input is not ours to trust.
  const stack: { ref: AreaRef; path: (string | number)[] }[] = [{ ref, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    const { ref: r, path } = item;
    checkAreaNode(r, path);
    if (typeof r === 'string') {
      out.push({ id: r, path, role: 'area' });
    } else if ('split' in r) {
      if (typeof r.split.line === 'string') out.push({ id: r.split.line, path: [...path, 'split', 'line'], role: 'line' });
      stack.push({ ref: r.split.area, path: [...path, 'split', 'area'] });
    } else if ('union' in r) {
      for (let i = r.union.length - 1; i >= 0; i--) stack.push({ ref: r.union[i] as AreaRef, path: [...path, 'union', i] });
    } else if ('intersection' in r) {
      for (let i = r.intersection.length - 1; i >= 0; i--) stack.push({ ref: r.intersection[i] as AreaRef, path: [...path, 'intersection', i] });
    } else if ('difference' in r) {
      stack.push({ ref: r.difference.minus, path: [...path, 'difference', 'minus'] });
      stack.push({ ref: r.difference.area, path: [...path, 'difference', 'area'] });
    }
  }
  return out;
}

/**
 * Checks one level of an area expression that did not come through the
 * schema (a caller in plain JavaScript): a string, or an object with the
 * members its form needs, so that evaluating it cannot reach into `null`.
 * Deeper levels are checked as they are reached.
 *
 * @internal
 */
export function checkAreaNode(value: unknown, path: IssuePath): asserts value is AreaRef {
  if (typeof value === 'string') return;
  const o = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const isObject = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);
  const ok = o !== undefined && (
    ('geometry' in o && isObject(o['geometry'])) ||
    ('split' in o && isObject(o['split'])) ||
    ('union' in o && Array.isArray(o['union'])) ||
    ('intersection' in o && Array.isArray(o['intersection'])) ||
    ('difference' in o && isObject(o['difference']))
  );
  if (!ok) {
    throw new ContestedError('invalid-input', [{ code: 'invalid-type', path, message: 'expected an area: a place id, { geometry }, { split }, { union }, { intersection } or { difference }' }]);
  }
}

/**
 * How deeply an unparsed value nests area expressions, counted without
 * recursion so that a hostile 10,000-deep input cannot overflow the stack.
 * Used before schema parsing; stops counting past `limit`.
 *
 * @internal
 */
export function areaRefDepth(value: unknown, limit: number = MAX_AREA_DEPTH + 1): number {
  // Level by level, each distinct sub-expression once per level: an
  // expression that names one sub-expression twice at each of 40 levels
  // stands for 2^40 paths but costs 40 levels of one node each here, and a
  // circular one is simply deeper than any limit.
  let level = new Set<unknown>([value]);
  let depth = 0;
  while (level.size > 0) {
    depth += 1;
    if (depth > limit) return depth;
    const next = new Set<unknown>();
    for (const v of level) for (const child of subExpressions(v)) next.add(child);
    level = next;
  }
  return depth;
}

/** The sub-expressions one node of an unparsed area expression names. */
function subExpressions(v: unknown): unknown[] {
  if (v === null || typeof v !== 'object') return [];
  const o = v as Record<string, unknown>;
  const out: unknown[] = [];
  const split = o['split'];
  if (split !== null && typeof split === 'object') out.push((split as Record<string, unknown>)['area']);
  const diff = o['difference'];
  if (diff !== null && typeof diff === 'object') out.push((diff as Record<string, unknown>)['area'], (diff as Record<string, unknown>)['minus']);
  for (const key of ['union', 'intersection']) {
    const list = o[key];
    if (Array.isArray(list)) for (let i = 0; i < list.length; i++) out.push(list[i]);
  }
  return out;
}

/**
 * How many nodes an area expression stands for once every sub-expression
 * is counted at each place it is named (memoized by identity, so shared
 * sub-expressions are counted, not walked, again). Call it on an
 * expression no deeper than the area-depth limit; counting stops past `cap`.
 *
 * @internal
 */
export function areaRefSize(value: unknown, cap: number): number {
  const memo = new Map<object, number>();
  const size = (v: unknown): number => {
    if (v === null || typeof v !== 'object') return 1;
    const known = memo.get(v);
    if (known !== undefined) return known;
    let total = 1;
    for (const child of subExpressions(v)) {
      total += size(child);
      if (total > cap) break;
    }
    memo.set(v, total);
    return total;
  };
  return size(value);
}
