/**
 * `fromIsw`: the Institute for the Study of War's control layers (with AEI's
 * Critical Threats Project) as claims. ISW publishes four layers that
 * compete: what it assesses Russia controls, what Russian sources claim,
 * where it assesses Russian forces advance without control, and where
 * sources report Ukrainian counteroffensives. Each layer *is* the class;
 * the features carry only ArcGIS bookkeeping (`OBJECTID`, `FID`,
 * `datetime`).
 *
 * @module
 */
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Claim, ClaimBasis, ControlStatus } from '../claims/schema.js';
import { ContestedError } from '../errors/index.js';
import type { TimeRef } from '../time/timeRef.js';
import { areaOfFeature, buildClaim, checkBase, dissolve, featuresOf, type ImportRepair } from './_features.js';
import { quote } from '../_lib/quote.js';

/**
 * ISW's layers for one date, each a FeatureCollection as exported from its
 * ArcGIS services (`RussianAssessedCoTinUkraine`, `RussianClaimedCoTinUkraine`,
 * `RussianAssessedAdvanceinUkraine`, `UkrainianClaimedCounterOffensives`).
 *
 * @category Claims & diffs
 */
export interface IswLayers {
  /** Assessed Russian control of terrain. */
  assessedControl?: FeatureCollection<Geometry | null>;
  /** Russian-claimed control of terrain. */
  claimedControl?: FeatureCollection<Geometry | null>;
  /** Assessed Russian advances. */
  assessedAdvances?: FeatureCollection<Geometry | null>;
  /** Claimed Ukrainian counteroffensives. */
  claimedCounteroffensives?: FeatureCollection<Geometry | null>;
}

/**
 * Options of {@link fromIsw}.
 *
 * @category Claims & diffs
 */
export interface IswOptions {
  /** The date of the layers; becomes `statedAt` and `validAt`. */
  asOf: TimeRef;
  /** The claimant id; `'isw'` by default. */
  claimant?: string;
  /** Prefix of every claim id; `<claimant>-<asOf>-` by default. */
  idPrefix?: string;
  /** How to read the counteroffensive layer: `advancing` (default; ISW's own words) or `controlled` (as regained ground). */
  counteroffensiveStatus?: 'advancing' | 'controlled';
}

type LayerName = keyof IswLayers;

const LAYERS: readonly { name: LayerName; key: string; side: string; status: ControlStatus; basis: ClaimBasis; meaning: string }[] = [
  { name: 'assessedControl', key: 'assessed-control', side: 'RU', status: 'controlled', basis: 'assessed', meaning: 'terrain ISW assesses Russian forces control' },
  { name: 'claimedControl', key: 'claimed-control', side: 'RU', status: 'controlled', basis: 'claimed', meaning: 'terrain Russian sources claim Russian forces control; ISW can neither corroborate nor refute it' },
  { name: 'assessedAdvances', key: 'assessed-advances', side: 'RU', status: 'advancing', basis: 'assessed', meaning: 'areas where ISW assesses Russian forces have operated or attacked without controlling them' },
  {
    name: 'claimedCounteroffensives',
    key: 'claimed-counteroffensives',
    side: 'UA',
    status: 'advancing',
    basis: 'claimed',
    meaning: 'areas where sources report Ukrainian counteroffensive operations or regained ground; ISW can neither corroborate nor refute them',
  },
];

/**
 * Reads ISW's layers for one date into claims, one per layer given (its
 * features dissolved into one MultiPolygon), claimant `isw`:
 *
 * | layer | claim id suffix | status, side, basis |
 * | --- | --- | --- |
 * | `assessedControl` | `assessed-control` | controlled, `RU`, assessed |
 * | `claimedControl` | `claimed-control` | controlled, `RU`, claimed |
 * | `assessedAdvances` | `assessed-advances` | advancing, `RU`, assessed |
 * | `claimedCounteroffensives` | `claimed-counteroffensives` | advancing, `UA`, claimed |
 *
 * The counteroffensive layer is "areas where sources report Ukrainian
 * counteroffensive operations or regained ground": operations are not
 * control, so the faithful reading is `advancing`; pass
 * `counteroffensiveStatus: 'controlled'` to read it as regained ground.
 *
 * Quirks handled: some features have self-intersecting rings (2022-04-15
 * assessed control id 168 and assessed advances id 386, 2022-11-15
 * counteroffensives id 7); they are repaired with `normalizeGeometry` and
 * each repair is listed, with the feature's `id`, in
 * `properties.repairs` of the claim. Features of one layer that overlap
 * (about 39 km² in the 2022-09-15 counteroffensives) are dissolved, so no
 * ground is counted twice. Z coordinates are dropped; null geometries are
 * skipped. ISW draws the four layers almost disjoint, and they are kept as
 * drawn: where they overlap, a control map decides.
 *
 * @param layers - any of the four layers, each a FeatureCollection
 * @param options - `asOf` (required), `claimant`, `idPrefix`, `counteroffensiveStatus`
 * @returns the claims, in the order of the table; `[]` when no layer is
 *   given or every layer is empty
 * @throws {@link ContestedError} `invalid-input` when a layer is not a
 *   FeatureCollection, a feature's geometry is not a Polygon or
 *   MultiPolygon (path `claimedControl.features[3].geometry.type`), an
 *   unknown layer name is given, or an option is malformed;
 *   `invalid-geometry` for coordinates that cannot be repaired
 * @category Claims & diffs
 *
 * @example
 * ```ts
 * const claims = fromIsw({ assessedControl, claimedControl }, { asOf: '2022-09-15' });
 * claims.map((c) => [c.id, c.status, c.side, c.basis]);
 * //=> [['isw-2022-09-15-assessed-control', 'controlled', 'RU', 'assessed'],
 * //    ['isw-2022-09-15-claimed-control', 'controlled', 'RU', 'claimed']]
 * ```
 */
export function fromIsw(layers: IswLayers, options: IswOptions): Claim[] {
  if (layers === null || typeof layers !== 'object' || Array.isArray(layers)) {
    throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: [], message: 'expected { assessedControl?, claimedControl?, assessedAdvances?, claimedCounteroffensives? }, each a FeatureCollection' }]);
  }
  const unknown = Object.keys(layers).filter((name) => !LAYERS.some((layer) => layer.name === name));
  if (unknown.length > 0) {
    throw new ContestedError(
      'invalid-input',
      unknown.map((name) => ({ code: 'unknown-field', path: [name], message: `unknown ISW layer ${quote(name)}: expected assessedControl, claimedControl, assessedAdvances or claimedCounteroffensives` })),
    );
  }
  const base = checkBase(options, 'isw');
  const counteroffensive = options.counteroffensiveStatus ?? 'advancing';
  if (counteroffensive !== 'advancing' && counteroffensive !== 'controlled') {
    throw new ContestedError('invalid-input', [{ code: 'invalid-value', path: ['options', 'counteroffensiveStatus'], message: 'counteroffensiveStatus is advancing or controlled' }]);
  }
  const claims: Claim[] = [];
  for (const layer of LAYERS) {
    const collection = layers[layer.name];
    if (collection === undefined) continue;
    const features = featuresOf(collection, [layer.name]);
    const areas: (Polygon | MultiPolygon)[] = [];
    const repairs: (ImportRepair & { feature: string | number })[] = [];
    const ids: (string | number)[] = [];
    let droppedZ = false;
    features.forEach((feature, index) => {
      const area = areaOfFeature(feature, [layer.name, 'features', index]);
      if (area === null) return;
      const id = (feature as { id?: unknown }).id;
      const featureId = typeof id === 'string' || typeof id === 'number' ? id : index;
      areas.push(area.geometry);
      ids.push(featureId);
      repairs.push(...area.repairs.map((repair) => ({ ...repair, feature: featureId })));
      droppedZ ||= area.droppedZ;
    });
    if (areas.length === 0) continue;
    const status = layer.name === 'claimedCounteroffensives' ? counteroffensive : layer.status;
    claims.push(
      buildClaim(base, {
        key: layer.key,
        area: dissolve(areas),
        status,
        side: layer.side,
        basis: layer.basis,
        description: `ISW/CTP: ${layer.meaning}.`,
        properties: {
          source: 'ISW/CTP',
          layer: layer.name,
          features: ids,
          ...(droppedZ ? { droppedZ: true } : {}),
          ...(repairs.length > 0 ? { repairs } : {}),
        },
      }),
    );
  }
  return claims;
}
