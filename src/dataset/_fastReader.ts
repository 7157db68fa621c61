/**
 * The reader under the fast schema pass (`_fastParse.ts`): it counts what it
 * reads against the limits as the input walk (`src/_lib/walk.ts`) would,
 * and gives up — throws {@link BAIL} — on anything it is not sure of, so
 * that the full schemas can answer instead. Giving up is never an answer:
 * the fast pass only ever says "valid, and here is the data" or "ask the
 * full schemas".
 *
 * Counting is conservative: every object and array is one node wherever it
 * is reached (the walk does not count positions), vertices and list items by
 * the walk's own rule, so the fast pass never accepts what the walk would
 * refuse. Parts the fast pass does not read itself go to their zod schema
 * after a light walk that checks what the walk checks (depth, sizes, string
 * lengths, `__proto__` keys, Dates and other non-plain objects, sharing).
 */
import { DEFAULT_LIMITS, type Limits } from '../_lib/limits.js';

/** Thrown by the fast pass when the full schemas must answer. */
export const BAIL: unique symbol = Symbol('contested: ask the full schemas');

/** Gives up on the fast pass. */
export function bail(): never {
  throw BAIL;
}

/** A plain object read from the input. */
export type Rec = Record<string, unknown>;

/** What one fast pass has read so far, against the limits. */
export class Reader {
  /** Objects and arrays read (each counted wherever it is reached). */
  nodes = 0;
  /** Positions, by the walk's rule: the length of an array whose first item is an array starting with a number. */
  vertices = 0;
  /** List items, by the walk's rule: the length of an array whose first item is an object. */
  items = 0;
  /** ISO 8601 strings already found valid in this pass (datasets repeat their dates). */
  readonly times = new Set<string>();

  constructor(readonly limits: Limits) {}

  /** `value` as a plain object (prototype `Object.prototype`), counted; anything else gives up. */
  rec(value: unknown): Rec {
    if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) bail();
    if (++this.nodes > this.limits.maxNodes) bail();
    return value as Rec;
  }

  /** `value` as an array, counted by the walk's rules before any item is read; anything else gives up. */
  list(value: unknown): readonly unknown[] {
    if (!Array.isArray(value)) bail();
    if (++this.nodes > this.limits.maxNodes) bail();
    const first: unknown = value[0];
    if (Array.isArray(first)) {
      if (typeof first[0] === 'number' && (this.vertices += value.length) > this.limits.maxVertices) bail();
    } else if (first !== null && typeof first === 'object' && (this.items += value.length) > this.limits.maxFeatures) {
      bail();
    }
    return value;
  }

  /**
   * Walks a part the fast pass hands to a zod schema, at `depth` (the
   * root is 1): every object is plain and reached once, nothing nests past
   * `maxDepth`, no string or key is over `maxStringLength`, no `__proto__`
   * key; counted as the walk counts.
   */
  plain(value: unknown, depth: number): void {
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'string' && value.length > this.limits.maxStringLength) bail();
      return;
    }
    const seen = new Set<object>();
    const stack: [unknown, number][] = [[value, depth]];
    while (stack.length > 0) {
      const [v, d] = stack.pop() as [unknown, number];
      if (v === null || typeof v !== 'object') {
        if (typeof v === 'string' && v.length > this.limits.maxStringLength) bail();
        continue;
      }
      if (d > this.limits.maxDepth || seen.has(v)) bail();
      seen.add(v);
      if (Array.isArray(v)) {
        this.list(v);
        for (let i = 0; i < v.length; i++) stack.push([v[i], d + 1]);
        continue;
      }
      const record = this.rec(v);
      for (const key in record) {
        if (key === '__proto__' || key.length > this.limits.maxStringLength || !Object.prototype.hasOwnProperty.call(record, key)) bail();
        stack.push([record[key], d + 1]);
      }
    }
  }

  /** Parses a part with its zod schema after {@link Reader.plain}; any issue gives up. */
  zod<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false } }, value: unknown, depth: number): T {
    this.plain(value, depth);
    const parsed = schema.safeParse(value);
    if (!parsed.success) bail();
    return parsed.data;
  }
}

/**
 * A reader that lives as long as the module, and is never read. V8 keeps
 * the layout (the hidden class) of a class's instances only while one of
 * them is alive, and discards the compiled code that depends on it when it
 * goes: every reader of a parse is garbage once the parse returns, so a
 * full garbage collection between two parses threw the fast pass's
 * compiled code away, and the next parse ran about twice as long while it
 * was compiled again. This one keeps the layout alive.
 */
export const RESIDENT_READER = new Reader(DEFAULT_LIMITS);

/**
 * The keys an entity may have, and a sequence of keys that
 * {@link onlyKeys} found all allowed: the objects of one list are mostly
 * written with the same keys in the same order, so most are checked by
 * comparing each key with the one at its place in that sequence (the same
 * string, for property keys) instead of a look-up in the set. The sequence
 * only ever holds keys already found in the set.
 */
export class Keys {
  readonly allowed: ReadonlySet<string>;
  /** The keys of an object found to have allowed keys only, in its order. */
  last: readonly string[] = [];
  /** Objects whose keys differed from {@link Keys.last}: every 16th is taken as the new sequence. */
  misses = 0;

  constructor(names: readonly string[]) {
    this.allowed = new Set(names);
  }
}

/**
 * Checks that the own enumerable keys of `o` are all in `keys.allowed` and
 * that there are exactly `present` of them (the fields read with a value):
 * a key the schema does not know, a field present as `undefined`, an
 * inherited or hidden field all give up.
 */
export function onlyKeys(o: Rec, keys: Keys, present: number): void {
  const last = keys.last;
  let count = 0;
  let same = true;
  for (const key in o) {
    if (same && last[count] === key) {
      count++;
      continue;
    }
    same = false;
    if (!keys.allowed.has(key)) bail();
    count++;
  }
  if (count !== present) bail();
  // Keys in another order, or fewer: every 16th such object becomes the sequence (objects of two shapes, mixed,
  // would otherwise record a sequence each).
  if ((!same || last.length !== count) && keys.misses++ % 16 === 0) {
    // Read again (a Proxy may answer otherwise the second time), so each key is checked as it is recorded.
    const seen: string[] = [];
    for (const key in o) {
      if (!keys.allowed.has(key)) return;
      seen.push(key);
    }
    keys.last = seen;
  }
}
