/**
 * Measuring raw input before anything reads it: one walk, without
 * recursion, that counts nesting, sizes and string lengths against the
 * limits and finds own `__proto__` keys. The parsers, the importers and
 * `serializeDataset` all start here, so that an input too large, too deep,
 * circular, or drawn much larger than it is (one object referred to from
 * many places) is refused before a schema or `JSON.stringify` pays for it.
 */
import { ContestedError } from '../errors/index.js';
import { limitExceeded, type Limits } from './limits.js';

export interface Walked {
  /** Where the input first nests deeper than the limit, if it does. */
  deepAt: (string | number)[] | undefined;
  /** The first size limit the input passes, if any. */
  tooLarge?: ContestedError;
  /** Every own `__proto__` key: zod skips them silently, so we report them. */
  protoKeys: (string | number)[][];
  /** Every JavaScript `Date` in the input, with its path, in document order (the parsers name them). */
  dates: { path: (string | number)[]; date: Date }[];
}

interface WalkNode {
  value: unknown;
  depth: number;
  key: string | number | undefined;
  parent: WalkNode | undefined;
}

function pathOf(node: WalkNode): (string | number)[] {
  const path: (string | number)[] = [];
  for (let n: WalkNode | undefined = node; n?.key !== undefined; n = n.parent) path.unshift(n.key);
  return path;
}

/**
 * Walks the input without recursion: measures nesting (giving up past
 * `limit`), finds own `__proto__` keys, which `JSON.parse` creates and
 * zod would drop without a word, and JavaScript `Date`s, which a person put
 * where a time string belongs (found here rather than in a walk of their own).
 *
 * Each object is walked once, however often it is reached: an input that
 * reuses one object at many places (a bag of 61 objects each holding the
 * next twice stands for 2^60 paths) costs what it holds, not what it draws.
 * When some object is reached twice, a second pass counts what the input
 * stands for — every object, vertex and item as often as it is reached,
 * and the longest path — because that is what the schemas and the caller's
 * own code will walk; past the limits it is refused, and a circular input
 * (which JSON cannot hold) is refused outright.
 */
export function walk(value: unknown, limits: Limits): Walked {
  const protoKeys: (string | number)[][] = [];
  const dates: Walked['dates'] = [];
  const stack: WalkNode[] = [{ value, depth: 1, key: undefined, parent: undefined }];
  // Sizes are summed from array lengths before their items are visited, so
  // an oversize input is refused before the walk pays for it.
  let vertices = 0;
  let items = 0;
  let nodes = 0;
  const seen = new Set<object>();
  let shared = false;
  const tooLarge = (error: ContestedError): Walked => ({ deepAt: undefined, protoKeys, dates, tooLarge: error });
  const longString = (s: unknown): boolean => typeof s === 'string' && s.length > limits.maxStringLength;
  if (longString(value)) return tooLarge(limitExceeded('maxStringLength', limits.maxStringLength, (value as string).length, []));
  while (stack.length > 0) {
    const node = stack.pop() as WalkNode;
    if (node.depth > limits.maxDepth) return { deepAt: pathOf(node), protoKeys, dates };
    const v = node.value;
    if (v === null || typeof v !== 'object') continue;
    if (seen.has(v)) {
      shared = true;
      if (v instanceof Date) dates.push({ path: pathOf(node), date: v });
      continue;
    }
    seen.add(v);
    if (++nodes > limits.maxNodes) return tooLarge(limitExceeded('maxNodes', limits.maxNodes, nodes, pathOf(node), true));
    if (Array.isArray(v)) {
      const first: unknown = v[0];
      if (Array.isArray(first) && typeof first[0] === 'number') {
        vertices += v.length;
        if (vertices > limits.maxVertices) return tooLarge(limitExceeded('maxVertices', limits.maxVertices, vertices, pathOf(node), true));
      } else if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
        items += v.length;
        if (items > limits.maxFeatures) return tooLarge(limitExceeded('maxFeatures', limits.maxFeatures, items, pathOf(node), true));
      }
      for (let i = 0; i < v.length; i++) {
        const child: unknown = v[i];
        // A position ([lon, lat] of numbers) holds nothing to walk into: a
        // node for each of a dataset's 100,000 positions is most of the cost.
        if (Array.isArray(child) && isNumbers(child)) {
          if (node.depth + 1 > limits.maxDepth) return { deepAt: [...pathOf(node), i], protoKeys, dates };
        } else if (child !== null && typeof child === 'object') stack.push({ value: child, depth: node.depth + 1, key: i, parent: node });
        else if (longString(child)) return tooLarge(limitExceeded('maxStringLength', limits.maxStringLength, (child as string).length, [...pathOf(node), i]));
      }
      continue;
    }
    if (v instanceof Date) {
      // A leaf here: the parsers report it, and it holds nothing to walk.
      dates.push({ path: pathOf(node), date: v });
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(v, '__proto__')) protoKeys.push([...pathOf(node), '__proto__']);
    const record = v as Record<string, unknown>;
    for (const key in record) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
      const child = record[key];
      if (longString(key)) return tooLarge(limitExceeded('maxStringLength', limits.maxStringLength, key.length, pathOf(node)));
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: node.depth + 1, key, parent: node });
      else if (longString(child)) return tooLarge(limitExceeded('maxStringLength', limits.maxStringLength, (child as string).length, [...pathOf(node), key]));
    }
  }
  // The stack visits siblings last to first; Dates are leaves, so reversing gives document order.
  dates.reverse();
  if (!shared) return { deepAt: undefined, protoKeys, dates };
  const drawn = drawnSize(value as object);
  if ('cycleAt' in drawn) {
    return tooLarge(new ContestedError('invalid-input', [{ code: 'circular', path: drawn.cycleAt, message: 'the input contains itself here (a circular structure), which JSON cannot hold: copy the part instead of referring back to it' }]));
  }
  const { sizes } = drawn;
  const root = sizes.get(value as object) as Size;
  const over = (metric: 'nodes' | 'vertices' | 'items', limit: keyof Limits): Walked | undefined =>
    root[metric] > limits[limit] ? tooLarge(limitExceeded(limit, limits[limit], root[metric], largestPath(value as object, sizes, metric, limits[limit]))) : undefined;
  const refused = over('nodes', 'maxNodes') ?? over('vertices', 'maxVertices') ?? over('items', 'maxFeatures');
  if (refused !== undefined) return refused;
  return { deepAt: root.height > limits.maxDepth ? deepestPath(value as object, sizes, limits.maxDepth) : undefined, protoKeys, dates };
}

/** What an object stands for once every reference is followed: objects and arrays, vertices, items of lists, and levels of nesting. */
interface Size {
  nodes: number;
  vertices: number;
  items: number;
  height: number;
}

/** The objects and arrays an object holds, with their keys; positions apart (they are counted as vertices). */
function childrenOf(v: object): { entries: [string | number, object][]; positionAt: number | undefined } {
  const entries: [string | number, object][] = [];
  let positionAt: number | undefined;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const child: unknown = v[i];
      if (Array.isArray(child) && isNumbers(child)) positionAt ??= i;
      else if (child !== null && typeof child === 'object') entries.push([i, child]);
    }
  } else {
    const record = v as Record<string, unknown>;
    for (const key in record) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
      const child = record[key];
      if (child !== null && typeof child === 'object') entries.push([key, child]);
    }
  }
  return { entries, positionAt };
}

function ownSize(v: object, positionAt: number | undefined): Size {
  let vertices = 0;
  let items = 0;
  if (Array.isArray(v)) {
    const first: unknown = v[0];
    if (Array.isArray(first) && typeof first[0] === 'number') vertices = v.length;
    else if (first !== null && typeof first === 'object' && !Array.isArray(first)) items = v.length;
  }
  return { nodes: 1, vertices, items, height: positionAt === undefined ? 1 : 2 };
}

/**
 * The size of every object of the input, each computed once from its
 * children's (post-order, without recursion), or where the input contains
 * itself.
 */
function drawnSize(root: object): { sizes: Map<object, Size> } | { cycleAt: (string | number)[] } {
  const sizes = new Map<object, Size>();
  const onPath = new Set<object>();
  interface Frame {
    value: object;
    key: string | number | undefined;
    entries: [string | number, object][];
    next: number;
    size: Size;
  }
  const open = (value: object, key: string | number | undefined): Frame => {
    const { entries, positionAt } = childrenOf(value);
    onPath.add(value);
    return { value, key, entries, next: 0, size: ownSize(value, positionAt) };
  };
  const frames: Frame[] = [open(root, undefined)];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as Frame;
    const entry = frame.entries[frame.next];
    if (entry === undefined) {
      frames.pop();
      onPath.delete(frame.value);
      sizes.set(frame.value, frame.size);
      const parent = frames[frames.length - 1];
      if (parent !== undefined) add(parent.size, frame.size);
      continue;
    }
    frame.next += 1;
    const [key, child] = entry;
    if (onPath.has(child)) return { cycleAt: [...frames.slice(1).map((f) => f.key as string | number), key] };
    const known = sizes.get(child);
    if (known !== undefined) add(frame.size, known);
    else frames.push(open(child, key));
  }
  return { sizes };
}

function add(to: Size, child: Size): void {
  to.nodes += child.nodes;
  to.vertices += child.vertices;
  to.items += child.items;
  to.height = Math.max(to.height, child.height + 1);
}

/** A path down to the smallest part that is over the limit by itself: the place to look. */
function largestPath(root: object, sizes: ReadonlyMap<object, Size>, metric: 'nodes' | 'vertices' | 'items', limit: number): (string | number)[] {
  const path: (string | number)[] = [];
  let at = root;
  for (;;) {
    const next = childrenOf(at).entries.find(([, child]) => (sizes.get(child)?.[metric] ?? 0) > limit);
    if (next === undefined) return path;
    path.push(next[0]);
    at = next[1];
  }
}

/** The path to the first level past `maxDepth`, along a longest path. */
function deepestPath(root: object, sizes: ReadonlyMap<object, Size>, maxDepth: number): (string | number)[] {
  const path: (string | number)[] = [];
  let at = root;
  while (path.length < maxDepth) {
    const height = sizes.get(at)?.height ?? 1;
    const { entries, positionAt } = childrenOf(at);
    const next = entries.find(([, child]) => (sizes.get(child)?.height ?? 0) === height - 1);
    if (next === undefined) {
      if (positionAt !== undefined) path.push(positionAt);
      return path;
    }
    path.push(next[0]);
    at = next[1];
  }
  return path;
}

function isNumbers(values: readonly unknown[]): boolean {
  for (const x of values) if (typeof x !== 'number') return false;
  return true;
}

