/**
 * The chain of command: from a unit up through its parents to the top
 * ({@link chainOfCommand}), and down to every unit under it
 * ({@link subordinates}). Both read only `id` and `parent`, take the dataset
 * as it is (parsed or not), and fail with a clear error on an unknown id, a
 * parent that is not in the dataset, or parents that form a cycle, rather
 * than looping.
 *
 * @module
 */
import { ContestedError } from '../errors/index.js';
import type { Unit } from './schema.js';
import { datasetArg, optionsArg, stringArg } from '../_lib/args.js';
import { quote } from '../_lib/quote.js';

/**
 * The part of a dataset the chain of command reads. A {@link Unit} array is
 * enough; a whole `Dataset` fits too.
 *
 * @category Units
 */
export interface UnitsOf<U extends Pick<Unit, 'id' | 'parent'> = Unit> {
  /** The dataset's units. */
  readonly units?: readonly U[] | undefined;
}

/** Options for {@link subordinates}. @category Units */
export interface SubordinatesOptions {
  /**
   * How many levels down to go: `1` for the units directly under it, `2` for
   * those and the units under them, and so on. Default: every level.
   */
  readonly depth?: number | undefined;
}

/**
 * Returns a unit's chain of command: the unit itself first, then its parent,
 * its parent's parent, and so on up to a unit with no parent.
 *
 * @param dataset - an object with the `units` array
 * @param unitId - the unit to start from
 * @returns the chain, never empty (a unit without a parent gives `[unit]`)
 * @throws {@link ContestedError} `not-found` when no unit has `unitId`;
 *   `invalid-dataset` when a parent on the way is not in the dataset or the
 *   parents form a cycle (the message lists the cycle)
 * @category Units
 *
 * @example
 * ```ts
 * const units = [
 *   { id: 'skala', name: 'Skala Assault Regiment', side: 'UA', echelon: 'regiment', role: 'assault' },
 *   { id: 'skala-1', name: '1st Battalion', side: 'UA', echelon: 'battalion', role: 'assault', parent: 'skala' },
 * ] as const;
 * chainOfCommand({ units }, 'skala-1').map((unit) => unit.id);
 * //=> ['skala-1', 'skala']
 * ```
 */
export function chainOfCommand<U extends Pick<Unit, 'id' | 'parent'>>(dataset: UnitsOf<U>, unitId: string): U[] {
  datasetArg(dataset, ['units']);
  stringArg(unitId, ['unitId'], 'a unit id (a string)');
  const units = dataset.units ?? [];
  const index = indexById(units);
  const start = index.get(unitId);
  if (start === undefined) throw unknownUnit(unitId, units.length);
  const chain: U[] = [start.unit];
  const seen = new Set<string>([start.unit.id]);
  let current = start;
  while (current.unit.parent !== undefined) {
    const parentId = current.unit.parent;
    const parent = index.get(parentId);
    if (parent === undefined) {
      throw new ContestedError('invalid-dataset', [
        {
          code: 'unknown-reference',
          path: ['units', current.at, 'parent'],
          message: `unit ${quote(current.unit.id)} names parent ${quote(parentId)}, which is not a unit in the dataset`,
        },
      ]);
    }
    if (seen.has(parentId)) {
      const ids = chain.map((unit) => unit.id);
      const cycle = [...ids.slice(ids.indexOf(parentId)), parentId];
      throw new ContestedError('invalid-dataset', [
        {
          code: 'parent-cycle',
          path: ['units', current.at, 'parent'],
          message: `unit parents form a cycle: ${cycle.slice(0, 20).map((id) => quote(id)).join(' → ')}${cycle.length > 20 ? ' → …' : ''}; a unit cannot be its own superior`,
        },
      ]);
    }
    seen.add(parentId);
    chain.push(parent.unit);
    current = parent;
  }
  return chain;
}

/**
 * Returns every unit under a unit, breadth-first: first the units directly
 * under it, then the units under those, each level in the order the dataset
 * lists them. The unit itself is not included.
 *
 * @param dataset - an object with the `units` array
 * @param unitId - the unit at the top
 * @param options - `depth`: how many levels down to go
 * @returns the subordinate units; `[]` when nothing is under the unit (or `depth` is 0)
 * @throws {@link ContestedError} `not-found` when no unit has `unitId`;
 *   `invalid-input` when `depth` is not a whole number ≥ 0
 * @category Units
 *
 * @example
 * ```ts
 * const units = [
 *   { id: 'skala', name: 'Skala Assault Regiment', side: 'UA', echelon: 'regiment', role: 'assault' },
 *   { id: 'skala-1', name: '1st Battalion', side: 'UA', echelon: 'battalion', role: 'assault', parent: 'skala' },
 *   { id: 'skala-1-1', name: '1st Company', side: 'UA', echelon: 'company', role: 'assault', parent: 'skala-1' },
 * ] as const;
 * subordinates({ units }, 'skala').map((unit) => unit.id);
 * //=> ['skala-1', 'skala-1-1']
 * subordinates({ units }, 'skala', { depth: 1 }).map((unit) => unit.id);
 * //=> ['skala-1']
 * ```
 */
export function subordinates<U extends Pick<Unit, 'id' | 'parent'>>(
  dataset: UnitsOf<U>,
  unitId: string,
  options: SubordinatesOptions = {},
): U[] {
  datasetArg(dataset, ['units']);
  stringArg(unitId, ['unitId'], 'a unit id (a string)');
  const depth = optionsArg(options).depth ?? Infinity;
  if (!(depth === Infinity || (Number.isInteger(depth) && depth >= 0))) {
    throw new ContestedError('invalid-input', [
      { code: 'invalid-depth', path: ['depth'], message: `depth must be a whole number ≥ 0 (got ${quote(depth)})` },
    ]);
  }
  const units = dataset.units ?? [];
  const root = indexById(units).get(unitId);
  if (root === undefined) throw unknownUnit(unitId, units.length);

  const children = new Map<string, U[]>();
  for (const unit of units) {
    if (unit.parent === undefined) continue;
    const list = children.get(unit.parent) ?? [];
    list.push(unit);
    children.set(unit.parent, list);
  }

  const out: U[] = [];
  const seen = new Set<U>([root.unit]);
  let level: U[] = [root.unit];
  for (let down = 0; down < depth && level.length > 0; down++) {
    const next: U[] = [];
    for (const unit of level) {
      for (const child of children.get(unit.id) ?? []) {
        if (seen.has(child)) continue; // a cycle of parents: stop rather than loop
        seen.add(child);
        next.push(child);
      }
    }
    // One at a time: spreading 200,000 direct subordinates into push() would overflow the stack.
    for (const unit of next) out.push(unit);
    level = next;
  }
  return out;
}

/** Units by id, with their index in the array; the first of duplicate ids wins. */
function indexById<U extends Pick<Unit, 'id'>>(units: readonly U[]): Map<string, { unit: U; at: number }> {
  const index = new Map<string, { unit: U; at: number }>();
  units.forEach((unit, at) => {
    if (!index.has(unit.id)) index.set(unit.id, { unit, at });
  });
  return index;
}

function unknownUnit(unitId: string, count: number): ContestedError {
  return new ContestedError('not-found', [
    {
      code: 'unknown-unit',
      path: [],
      message: `no unit has id ${quote(unitId)} (the dataset has ${count} unit${count === 1 ? '' : 's'})`,
    },
  ]);
}
