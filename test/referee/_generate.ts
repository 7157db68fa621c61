/**
 * Seeded generators of the referee's cases: random simple polygons (star
 * shapes, so every ring is simple by construction, never axis-aligned),
 * holes, multipolygons, pairs of polygons that share an edge chain exactly or
 * nearly (1e-9° … 1e-6° apart, overlapping or leaving a gap), vertices placed
 * on another polygon's edge, and claims of 3–8 claimants with every status.
 * A seed reproduces a case: a failure message names it.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Claim } from '../../src/index.js';

/** Referee cases per run: 2,000 by default, `REFEREE_CASES` to change (`npm run test:deep` sets 50,000). */
export const REFEREE_CASES = Number(process.env['REFEREE_CASES'] ?? 2_000);

/** Time a referee test may take: generous, as the count scales with REFEREE_CASES and the machine may be shared. */
export const REFEREE_TIMEOUT_MS = 30 * 60_000;

/** Offsets between nearly shared edges, degrees (1e-9° is about 0.1 mm). */
export const NEAR_OFFSETS = [1e-9, 1e-8, 1e-7, 1e-6] as const;

/** mulberry32: a small seeded generator, so a case is reproduced from its seed. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  int(min: number, max: number): number {
    return Math.floor(this.between(min, max + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** The region the cases live in: near Pokrovsk, 0.1° wide, so that shapes overlap often. */
const WEST = 37.1;
const SOUTH = 48.2;
const SPAN = 0.1;

/** A ring around `center`: `n` vertices at increasing angles and radii in [rMin, rMax]. Counter-clockwise. */
export function starRing(random: Random, center: Position, rMin: number, rMax: number, n: number): Position[] {
  // Stratified angles: no gap reaches π once n ≥ 4, so the centre stays inside and the ring is simple.
  const start = random.between(0, 2 * Math.PI);
  const angles = Array.from({ length: n }, (_, i) => start + ((i + random.between(0, 0.8)) * 2 * Math.PI) / n);
  const ring = angles.map((a): Position => {
    const r = random.between(rMin, rMax);
    return [center[0]! + r * Math.cos(a), center[1]! + r * Math.sin(a) * 0.67];
  });
  ring.push(ring[0]!);
  return ring;
}

/** A random simple polygon, sometimes with a hole (strictly inside, clockwise). */
export function randomPolygon(random: Random, center?: Position, radius?: number): Polygon {
  const c = center ?? [WEST + random.between(0.2, 0.8) * SPAN, SOUTH + random.between(0.2, 0.8) * SPAN];
  const r = radius ?? random.between(0.01, 0.05);
  // A hole needs a shell of 6 or more vertices: its edges then stay more than 0.23 r from the centre.
  const holed = random.chance(0.3);
  const rings = [starRing(random, c, 0.4 * r, r, random.int(holed ? 6 : 3, 12))];
  if (holed) rings.push(starRing(random, c, 0.05 * r, 0.2 * r, random.int(3, 7)).reverse());
  return { type: 'Polygon', coordinates: rings };
}

/** Two or three disjoint polygons as one MultiPolygon. */
export function randomMultiPolygon(random: Random): MultiPolygon {
  const n = random.int(2, 3);
  const r = random.between(0.005, 0.015);
  const x0 = WEST + random.between(0.1, 0.3) * SPAN;
  const y = SOUTH + random.between(0.3, 0.7) * SPAN;
  return {
    type: 'MultiPolygon',
    coordinates: Array.from({ length: n }, (_, i) => randomPolygon(random, [x0 + i * 2.2 * r, y + random.between(-r, r)], r).coordinates),
  };
}

/**
 * Two polygons on either side of one random chain (not axis-aligned): north
 * of it and south of it. With `offset`, the south polygon's copy of the chain
 * is moved by that many degrees (up: the two overlap by a sliver; down: a gap).
 */
export function sharedEdgePair(random: Random, offset = 0): [Polygon, Polygon] {
  const x0 = WEST + random.between(0, 0.3) * SPAN;
  const x1 = x0 + random.between(0.2, 0.6) * SPAN;
  const n = random.int(2, 6);
  const chain: Position[] = [];
  for (let i = 0; i < n; i += 1) chain.push([x0 + ((x1 - x0) * i) / (n - 1), SOUTH + random.between(0.35, 0.65) * SPAN]);
  const top = SOUTH + random.between(0.75, 1) * SPAN;
  const bottom = SOUTH + random.between(0, 0.25) * SPAN;
  const north: Polygon = { type: 'Polygon', coordinates: [[...chain, [x1, top], [x0, top], chain[0]!]] };
  const moved = chain.map(([x, y]): Position => [x!, y! + offset]);
  const south: Polygon = { type: 'Polygon', coordinates: [[...moved.slice().reverse(), [x0, bottom], [x1, bottom], moved[moved.length - 1]!]] };
  return [north, south];
}

/**
 * A polygon with one vertex placed on an edge of `other` (as near as
 * floating point puts it): a star around a centre off that edge whose first
 * vertex is the point on the edge.
 */
export function vertexOnEdge(random: Random, other: Polygon): Polygon {
  const ring = other.coordinates[0]!;
  const i = random.int(0, ring.length - 2);
  const [ax, ay] = ring[i]!;
  const [bx, by] = ring[i + 1]!;
  const t = random.between(0.2, 0.8);
  const on: Position = [ax! + (bx! - ax!) * t, ay! + (by! - ay!) * t];
  const r = random.between(0.005, 0.03);
  const toward = random.between(0, 2 * Math.PI);
  const center: Position = [on[0]! + r * Math.cos(toward), on[1]! + r * Math.sin(toward)];
  const a0 = Math.atan2(on[1]! - center[1]!, on[0]! - center[0]!);
  const n = random.int(4, 9);
  const shell: Position[] = [on];
  for (let k = 1; k < n; k += 1) {
    const a = a0 + ((k + random.between(-0.3, 0.3)) * 2 * Math.PI) / n;
    const radius = random.between(0.5 * r, 1.5 * r);
    shell.push([center[0]! + radius * Math.cos(a), center[1]! + radius * Math.sin(a)]);
  }
  shell.push(on);
  return { type: 'Polygon', coordinates: [shell] };
}

/** An area of any of the kinds above. */
export function randomArea(random: Random, pool: Polygon[]): Polygon | MultiPolygon {
  const kind = random.int(0, 9);
  if (kind <= 4 || pool.length === 0) return randomPolygon(random);
  if (kind <= 6) return randomMultiPolygon(random);
  if (kind === 7) return vertexOnEdge(random, random.pick(pool));
  const [north, south] = sharedEdgePair(random, random.chance(0.4) ? 0 : random.pick(NEAR_OFFSETS) * (random.chance(0.5) ? 1 : -1));
  return random.chance(0.5) ? north : south;
}

/** The operands of one boolean case: 2–4 areas, related to each other by shared or nearly shared edges or vertices on edges. */
export function booleanOperands(random: Random): (Polygon | MultiPolygon)[] {
  const kind = random.int(0, 3);
  if (kind === 0) {
    const offset = random.chance(0.3) ? 0 : random.pick(NEAR_OFFSETS) * (random.chance(0.5) ? 1 : -1);
    const pair = sharedEdgePair(random, offset);
    return random.chance(0.5) ? [...pair, randomPolygon(random)] : pair;
  }
  if (kind === 1) {
    const first = randomPolygon(random);
    return [first, vertexOnEdge(random, first)];
  }
  const pool: Polygon[] = [];
  const n = random.int(2, 4);
  const out: (Polygon | MultiPolygon)[] = [];
  for (let i = 0; i < n; i += 1) {
    const area = randomArea(random, pool);
    if (area.type === 'Polygon') pool.push(area);
    out.push(area);
  }
  return out;
}

/** The key of a control state, as the referee writes it. */
export function stateKey(state: { status: string; side?: string | undefined } | null): string {
  if (state === null) return '-';
  return state.status === 'contested' ? 'contested' : `${state.status}:${state.side ?? '?'}`;
}

const STATUSES = ['controlled', 'controlled', 'contested', 'advancing'] as const;

/**
 * One claimant's claims: 1–5 areas (of every kind above), statuses
 * controlled, contested and advancing, each at a different day so that
 * priority is by time alone (controlMap: the later claim wins).
 */
export function randomClaims(random: Random, claimant: string, shared: Polygon[]): Claim[] {
  const n = random.int(1, claimant === "c0" || claimant === "c1" ? 5 : 3);
  const days = Array.from({ length: 28 }, (_, i) => i + 1).sort(() => random.next() - 0.5).slice(0, n);
  return days.map((day, i): Claim => {
    const status = random.pick(STATUSES);
    const area = shared.length > 0 && random.chance(0.4) ? random.pick(shared) : randomArea(random, shared);
    if (area.type === 'Polygon') shared.push(area);
    const claim: Record<string, unknown> = {
      id: `${claimant}-${i}`,
      claimant,
      statedAt: `2025-12-${String(day).padStart(2, '0')}`,
      area: { geometry: area },
      status,
      basis: 'claimed',
    };
    if (status === 'contested') claim['sides'] = ['RU', 'UA'];
    else claim['side'] = random.pick(['RU', 'UA']);
    return claim as unknown as Claim;
  });
}

/** Claims as the referee reads them: in priority order (latest first), each with its geometry and state key. */
export function partyOf(claims: readonly Claim[]): { geometry: Polygon | MultiPolygon; state: string }[] {
  return [...claims]
    .sort((a, b) => String(b.statedAt).localeCompare(String(a.statedAt)))
    .map((c) => ({ geometry: (c.area as { geometry: Polygon | MultiPolygon }).geometry, state: stateKey(c) }));
}

/** An x-monotone line crossing the box of `area` from outside to outside, west→east or east→west. */
export function crossingLine(random: Random, area: Polygon | MultiPolygon): Position[] {
  const all = (area.type === 'Polygon' ? [area.coordinates] : area.coordinates).flat(2);
  const xs = all.map((p) => p[0]!);
  const ys = all.map((p) => p[1]!);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const n = random.int(2, 5);
  const line: Position[] = [];
  for (let i = 0; i < n; i += 1) {
    const x = minX - 0.01 + ((maxX - minX + 0.02) * i) / (n - 1);
    line.push([x, minY + random.between(0.2, 0.8) * (maxY - minY)]);
  }
  return random.chance(0.5) ? line : line.reverse();
}

/** The kinds of invalid operand {@link invalidArea} makes. */
export const INVALID_KINDS = ['bow-tie', 'shuffled ring', 'figure eight', 'ring wound twice', 'overlapping parts', 'hole crossing shell', 'overlapping holes', 'hole in a hole', 'bow-tie hole'] as const;

/**
 * An operand that is invalid on purpose, of the named kind: rings that
 * cross or touch themselves, parts that overlap, holes that cross their
 * shell or each other. The library reads such an operand as
 * normalizeGeometry does (each ring even–odd, shell minus holes, parts
 * united), or refuses a hole reaching outside its shell.
 */
export function invalidArea(random: Random, kind: (typeof INVALID_KINDS)[number]): Polygon | MultiPolygon {
  const c: Position = [WEST + random.between(0.3, 0.7) * SPAN, SOUTH + random.between(0.3, 0.7) * SPAN];
  const r = random.between(0.01, 0.04);
  const at = (a: number, radius: number, center: Position = c): Position => [center[0]! + radius * Math.cos(a), center[1]! + radius * Math.sin(a) * 0.67];
  const close = (ring: Position[]): Position[] => [...ring, ring[0]!];
  switch (kind) {
    case 'bow-tie': {
      const a = random.between(0, Math.PI);
      const ring = [at(a, r), at(a + Math.PI + random.between(-0.5, 0.5), r * random.between(0.5, 1)), at(a + random.between(0.3, 1.2), r), at(a + Math.PI + random.between(0.6, 1.4), r)];
      return { type: 'Polygon', coordinates: [close(ring)] };
    }
    case 'shuffled ring': {
      const ring = starRing(random, c, 0.3 * r, r, random.int(5, 10)).slice(0, -1);
      for (let i = ring.length - 1; i > 0; i -= 1) {
        const j = random.int(0, i);
        [ring[i], ring[j]] = [ring[j]!, ring[i]!];
      }
      return { type: 'Polygon', coordinates: [close(ring)] };
    }
    case 'figure eight': {
      // Two loops through one shared vertex, wound opposite ways (a bow-tie crossing at a vertex).
      const left: Position = [c[0]! - r, c[1]!];
      const right: Position = [c[0]! + r, c[1]!];
      const h = r * random.between(0.3, 0.8);
      return { type: 'Polygon', coordinates: [close([c, [right[0]!, c[1]! - h], [right[0]!, c[1]! + h], c, [left[0]!, c[1]! + h], [left[0]!, c[1]! - h]])] };
    }
    case 'ring wound twice': {
      const n = random.int(4, 7);
      const start = random.between(0, 2 * Math.PI);
      const ring: Position[] = [];
      for (let k = 0; k < 2 * n; k += 1) ring.push(at(start + (k * 2 * Math.PI) / n + random.between(0, 0.3), r * (k < n ? 1 : random.between(0.5, 0.8))));
      return { type: 'Polygon', coordinates: [close(ring)] };
    }
    case 'overlapping parts': {
      const d = r * random.between(0.2, 1.2);
      return { type: 'MultiPolygon', coordinates: [randomPolygon(random, c, r).coordinates, randomPolygon(random, [c[0]! + d, c[1]! + d * random.between(-0.5, 0.5)], r * random.between(0.5, 1)).coordinates] };
    }
    case 'hole crossing shell': {
      // A hole around a point near the shell's edge: it crosses the shell, with or without a vertex outside it.
      const shell = starRing(random, c, 0.5 * r, r, random.int(5, 9));
      const hc = at(random.between(0, 2 * Math.PI), r * random.between(0.45, 0.7));
      return { type: 'Polygon', coordinates: [shell, starRing(random, hc, 0.15 * r, 0.35 * r, random.int(3, 6)).reverse()] };
    }
    case 'overlapping holes': {
      const shell = starRing(random, c, 0.8 * r, r, random.int(8, 12));
      const a = random.between(0, 2 * Math.PI);
      const h1 = starRing(random, at(a, 0.15 * r), 0.2 * r, 0.3 * r, random.int(3, 6)).reverse();
      const h2 = starRing(random, at(a + Math.PI, 0.1 * r), 0.2 * r, 0.3 * r, random.int(3, 6)).reverse();
      return { type: 'Polygon', coordinates: [shell, h1, h2] };
    }
    case 'hole in a hole': {
      const shell = starRing(random, c, 0.8 * r, r, random.int(8, 12));
      return { type: 'Polygon', coordinates: [shell, starRing(random, c, 0.4 * r, 0.5 * r, random.int(6, 9)).reverse(), starRing(random, c, 0.1 * r, 0.2 * r, random.int(3, 6)).reverse()] };
    }
    case 'bow-tie hole': {
      const shell = starRing(random, c, 0.8 * r, r, random.int(8, 12));
      const a = random.between(0, Math.PI);
      const hole = [at(a, 0.5 * r), at(a + Math.PI + random.between(-0.4, 0.4), 0.5 * r), at(a + random.between(0.3, 1.2), 0.5 * r), at(a + Math.PI + random.between(0.6, 1.4), 0.5 * r)];
      return { type: 'Polygon', coordinates: [shell, close(hole)] };
    }
  }
}
