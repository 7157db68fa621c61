/**
 * `fromDeepState`: DeepStateMap's territorial layer as claims. DeepState is
 * an OSINT tracker, so its claims are `assessed`. Two shapes of file are
 * read: the per-class polygon layer (DeepState's own export, or an archive
 * of it such as rsparks3/deepstate-map-data), and the merged occupied union
 * that cyterat/deepstate-map-data archives (one MultiPolygon feature with
 * empty properties). See {@link fromDeepState} for the rules.
 *
 * @module
 */
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Claim } from '../claims/schema.js';
import { ContestedError, isContestedError } from '../errors/index.js';
import { areaKm2, difference, type AreaInput } from '../geometry/index.js';
import { areaCoordinates, multiPolygon } from '../geometry/boolean.js';
import { withoutNarrowPartsNear } from '../geometry/_thin.js';
import type { TimeRef } from '../time/timeRef.js';
import { areaOfFeature, buildClaim, checkBase, dissolve, featuresOf, propertiesOf, type ClaimBase, type ImportRepair } from './_features.js';
import { deepStateClass, deepStateEnglishName, type DeepStateClass } from './deepStateClass.js';

/**
 * Options of {@link fromDeepState}.
 *
 * @category Claims & diffs
 */
export interface DeepStateOptions {
  /** The time the snapshot shows (its download date is a fair stand-in); becomes `statedAt` and `validAt`. */
  asOf: TimeRef;
  /** The ground the map covers (e.g. Ukraine's boundary). When given, a claim that Ukraine holds the rest of it is added, with basis `inferred`: the importer's inference, not DeepState's drawing. */
  extent?: AreaInput;
  /**
   * Width in metres below which inferred ground along the extent's boundary
   * is absorbed (left unclaimed) rather than claimed as a thin strip; 1,000
   * by default, 0 to keep every strip. See {@link fromDeepState}.
   */
  sliverM?: number;
  /** The claimant id; `'deepstate'` by default. */
  claimant?: string;
  /** Prefix of every claim id; `<claimant>-<asOf>-` by default. */
  idPrefix?: string;
  /** Called once for each feature left out, with why. An exception it throws is yours: it passes through unchanged. */
  onIgnored?: (feature: DeepStateIgnored) => void;
}

/**
 * A feature {@link fromDeepState} left out.
 *
 * @category Claims & diffs
 */
export interface DeepStateIgnored {
  /** Its index in `features`. */
  index: number;
  /** Its label's English part; `''` when it has none. */
  name: string;
  /** `not-a-control-class`: a political or satirical polygon (Transnistria, Karelia …); `null-geometry`: no geometry to claim. */
  reason: 'not-a-control-class' | 'null-geometry';
}

/** The merged cyterat layer: the union of the three occupied classes. */
type ImportClass = DeepStateClass | 'occupied-all';

interface Group {
  areas: (Polygon | MultiPolygon)[];
  labels: Set<string>;
  features: number[];
  repairs: ImportRepair[];
  droppedZ: boolean;
}

const OCCUPIED: readonly ImportClass[] = ['occupied', 'occupied-2014', 'occupied-crimea', 'occupied-all'];

const MEANING: Record<ImportClass, string> = {
  occupied: 'occupied since 24 February 2022',
  'occupied-2014': 'parts of Donetsk and Luhansk oblasts occupied since 2014 ("CADR and CALR")',
  'occupied-crimea': 'Crimea, occupied since 2014',
  'occupied-all': 'all occupied ground (the Occupied, CADR and CALR and Occupied Crimea classes merged, as archived by cyterat)',
  'unknown-status': 'the gray zone: contested or unverified ("Unknown status")',
  liberated: 'ground Ukraine has retaken ("Liberated …"), less any of it now occupied or gray',
};

/**
 * Reads a DeepStateMap layer into claims, one per class present (the
 * polygons of a class dissolved into one MultiPolygon), with claimant
 * `deepstate` and basis `assessed`:
 *
 * | DeepState label | claim id suffix | status, side |
 * | --- | --- | --- |
 * | `Occupied` | `occupied` | controlled, `RU` |
 * | `CADR and CALR` | `occupied-2014` | controlled, `RU` |
 * | `Occupied Crimea` | `occupied-crimea` | controlled, `RU` |
 * | a feature with no `name` (cyterat's merged file) | `occupied-all` | controlled, `RU` |
 * | `Unknown status` | `unknown-status` | contested, sides `UA`, `RU` |
 * | `Liberated`, `Liberated dd.mm…` | `liberated` | controlled, `UA` |
 * | (`extent` minus all of the above) | `ukrainian-held` | controlled, `UA`, basis `inferred` |
 *
 * Quirks handled: labels are matched on their English part, so both
 * DeepState's raw `Ukrainian /// English /// key` labels and the archives'
 * English-only labels work, and stray line breaks and spaces are ignored
 * (see {@link deepStateClass}); every other label — DeepState's political
 * and satirical polygons, also `Occupied Tuzla Island` and `Snake Island`,
 * which the occupied archives leave out too — is ignored and passed to
 * `onIgnored`; Z coordinates are dropped; features with a null geometry are
 * ignored; rings are repaired with `normalizeGeometry` and each repair is
 * listed in `properties.repairs` of the claim.
 *
 * `Liberated` polygons are history (where Ukraine retook ground, some of it
 * since lost again), so any part of them that is now occupied or gray is
 * cut away: the current classes win. The km² cut is in
 * `properties.overlapRemovedKm2` (DeepState already trims them: on the
 * 2024–2026 snapshots the cut is below 0.01 km²). Liberated polygons of
 * different dates overlap each other (by about 3,200 km² in total), which
 * dissolving counts once. The other classes are kept as drawn; they touch
 * with slivers of overlap of hundredths of a km², which a control map
 * resolves. With `extent`, the `ukrainian-held` claim is disjoint from all
 * the others.
 *
 * The `ukrainian-held` claim is the importer's inference, not DeepState's
 * drawing, so its basis is `inferred` (weighed below a bare claim by
 * `assessControl`, and reported apart by `controlChange`) and its
 * `properties.inferred` is `true`. Where the extent's boundary is coarser
 * than DeepState's polygons (OCHA's simplified national boundary against
 * DeepState's edge along the Russian border and the coast), the inference
 * would leave strips tens of metres wide that appear and vanish each time
 * DeepState redraws an edge. Parts of the inferred ground narrower than
 * `sliverM` (default 1,000 m: a 1 km disc does not fit in them) that lie
 * within `sliverM` of the extent's boundary are therefore absorbed: left
 * unclaimed, their km² in `properties.absorbedKm2` and the width used in
 * `properties.sliverM`. On DeepState 2025-12-01 within Ukraine's boundary
 * that is 307 km² of 468,000; narrow Ukrainian ground away from the extent's
 * boundary is kept.
 *
 * @param layer - a GeoJSON FeatureCollection of DeepState polygons
 * @param options - `asOf` (required), `extent`, `sliverM`, `claimant`, `idPrefix`, `onIgnored`
 * @returns the claims, in the order of the table; `[]` for a collection
 *   with no feature of a control class
 * @throws {@link ContestedError} `invalid-input` when `layer` is not a
 *   FeatureCollection, a control-class feature's geometry is not a Polygon
 *   or MultiPolygon (path `features[3].geometry.type`), a `name` is not a
 *   string, or an option is malformed (`options.asOf`, an `onIgnored` that
 *   is not a function, a `sliverM` that is not a number ≥ 0); `invalid-geometry`
 *   for coordinates that cannot be repaired (NaN, out of range);
 *   `geometry-engine` (path under `options.extent`) when the clipping
 *   engine fails, including its offset that measures the strips, whose
 *   failures are found by a check of the result's box (docs/geometry.md)
 * @category Claims & diffs
 *
 * @example
 * ```ts
 * const claims = fromDeepState(polygons20251201, { asOf: '2025-12-01', extent: ukraine });
 * claims.map((c) => `${c.id}: ${c.status} ${c.side ?? c.sides?.join('/')}`);
 * //=> ['deepstate-2025-12-01-occupied: controlled RU', …, 'deepstate-2025-12-01-unknown-status: contested UA/RU',
 * //    'deepstate-2025-12-01-liberated: controlled UA', 'deepstate-2025-12-01-ukrainian-held: controlled UA']
 * ```
 */
export function fromDeepState(layer: FeatureCollection<Geometry | null>, options: DeepStateOptions): Claim[] {
  const features = featuresOf(layer);
  const base = checkBase(options, 'deepstate');
  const onIgnored: unknown = options.onIgnored;
  if (onIgnored !== undefined && typeof onIgnored !== 'function') {
    throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: ['options', 'onIgnored'], message: 'onIgnored is a function called with each feature left out' }]);
  }
  const report = onIgnored as DeepStateOptions['onIgnored'];
  const sliverM: unknown = options.sliverM ?? DEFAULT_SLIVER_M;
  if (typeof sliverM !== 'number' || !Number.isFinite(sliverM) || sliverM < 0) {
    throw new ContestedError('invalid-input', [{ code: 'invalid-value', path: ['options', 'sliverM'], message: `sliverM is a width in metres, 0 or more; got ${String(sliverM)}` }]);
  }
  const groups = new Map<ImportClass, Group>();
  features.forEach((feature, index) => {
    const name = propertiesOf(feature)['name'];
    if (name !== undefined && name !== null && typeof name !== 'string') {
      throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: ['features', index, 'properties', 'name'], message: 'a DeepState label (`name`) is a string' }]);
    }
    const english = typeof name === 'string' ? deepStateEnglishName(name) : '';
    const kind: ImportClass | undefined = typeof name === 'string' ? deepStateClass(name) : 'occupied-all';
    if (kind === undefined) {
      report?.({ index, name: english, reason: 'not-a-control-class' });
      return;
    }
    const area = areaOfFeature(feature, ['features', index]);
    if (area === null) {
      report?.({ index, name: english, reason: 'null-geometry' });
      return;
    }
    const group = groups.get(kind) ?? { areas: [], labels: new Set(), features: [], repairs: [], droppedZ: false };
    group.areas.push(area.geometry);
    if (english !== '') group.labels.add(english);
    group.features.push(index);
    group.repairs.push(...area.repairs);
    group.droppedZ ||= area.droppedZ;
    groups.set(kind, group);
  });
  return claimsOf(groups, base, options.extent, sliverM);
}

/** The default of {@link DeepStateOptions.sliverM}, metres. */
const DEFAULT_SLIVER_M = 1000;

function claimsOf(groups: Map<ImportClass, Group>, base: ClaimBase, extent: AreaInput | undefined, sliverM: number): Claim[] {
  const claims: Claim[] = [];
  const dissolved = new Map<ImportClass, MultiPolygon>();
  for (const [kind, group] of groups) dissolved.set(kind, dissolve(group.areas));
  const held = [...OCCUPIED, 'unknown-status' as const].flatMap((kind) => dissolved.get(kind) ?? []);
  const emit = (kind: ImportClass, area: MultiPolygon, extra: Record<string, number> = {}): void => {
    if (area.coordinates.length === 0) return;
    const group = groups.get(kind)!;
    const properties = {
      source: 'DeepStateMap',
      class: kind,
      labels: [...group.labels].sort(),
      features: group.features,
      ...extra,
      ...(group.droppedZ ? { droppedZ: true } : {}),
      ...(group.repairs.length > 0 ? { repairs: group.repairs } : {}),
    };
    const stance = kind === 'unknown-status' ? { status: 'contested' as const, sides: ['UA', 'RU'] } : { status: 'controlled' as const, side: kind === 'liberated' ? 'UA' : 'RU' };
    claims.push(buildClaim(base, { key: kind, area, ...stance, basis: 'assessed', description: `DeepStateMap: ${MEANING[kind]}.`, properties }));
  };
  for (const kind of [...OCCUPIED, 'unknown-status' as const]) {
    const area = dissolved.get(kind);
    if (area !== undefined) emit(kind, area);
  }
  const liberated = dissolved.get('liberated');
  if (liberated !== undefined) {
    const current = held.length === 0 ? liberated : difference(liberated, held);
    emit('liberated', current, { overlapRemovedKm2: Math.max(0, areaKm2(liberated) - areaKm2(current)) });
  }
  if (extent !== undefined) {
    const { rest, absorbedKm2 } = inferred(extent, [...held, ...(liberated === undefined ? [] : [liberated])], sliverM);
    if (rest.coordinates.length > 0) {
      claims.push(
        buildClaim(base, {
          key: 'ukrainian-held',
          area: rest,
          status: 'controlled',
          side: 'UA',
          basis: 'inferred',
          description: `Inferred by the importer, not drawn by DeepStateMap: the extent less every occupied, gray and liberated polygon, less strips narrower than ${sliverM} m along the extent's boundary.`,
          properties: { source: 'DeepStateMap', class: 'ukrainian-held', inferred: true, sliverM, absorbedKm2 },
        }),
      );
    }
  }
  return claims;
}

/**
 * The extent less the given areas, less its parts narrower than `sliverM`
 * along the extent's boundary; errors in the extent point into `options.extent`.
 */
function inferred(extent: AreaInput, others: MultiPolygon[], sliverM: number): { rest: MultiPolygon; absorbedKm2: number } {
  try {
    const rest = difference(extent, others);
    if (sliverM === 0 || rest.coordinates.length === 0) return { rest, absorbedKm2: 0 };
    const coords = areaCoordinates(rest);
    const kept = multiPolygon(withoutNarrowPartsNear(coords, areaCoordinates(extent), sliverM));
    return { rest: kept, absorbedKm2: Math.max(0, areaKm2(rest) - areaKm2(kept)) };
  } catch (error) {
    if (!isContestedError(error)) throw error;
    const summary = error.code === 'geometry-engine' ? 'the clipping engine failed on the ground inferred from options.extent' : 'options.extent cannot be used as an area';
    throw new ContestedError(error.code, error.issues.map((issue) => ({ ...issue, path: ['options', 'extent', ...issue.path] })), summary);
  }
}
