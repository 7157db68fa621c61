/**
 * Turning stretches of front into the Feature `frontLine` returns: pieces
 * of the same tag (whose ground they bound) are joined end to end into long
 * LineStrings, and the lengths are written into its properties.
 */
import type { Position } from 'geojson';
import { at, type Edge } from './_frontEdges.js';
import type { FrontLine } from './frontLine.js';

/** A piece of front: a straight stretch of one edge, tagged with whose ground it bounds. */
export interface Piece {
  from: [number, number];
  to: [number, number];
  tag: string;
}

export function piece(edge: Edge, t0: number, t1: number, tag: string): Piece {
  return { from: at(edge, t0), to: at(edge, t1), tag };
}

/** A LineString of front, tagged. */
export interface Chain {
  coordinates: Position[];
  tag: string;
}

/**
 * Joins pieces of the same tag into LineStrings through every point where
 * exactly two piece ends meet; stops at junctions and loose ends. Closed
 * loops (an island of one side inside the other) come out as closed rings.
 */
export function chain(pieces: readonly Piece[]): Chain[] {
  const key = (p: readonly number[], tag: string): string => `${tag}\u0001${p[0]},${p[1]}`;
  const ends = new Map<string, number[]>();
  pieces.forEach((p, i) => {
    for (const [end, point] of [[0, p.from], [1, p.to]] as const) {
      const k = key(point, p.tag);
      const list = ends.get(k);
      if (list === undefined) ends.set(k, [2 * i + end]);
      else list.push(2 * i + end);
    }
  });
  const used = new Uint8Array(pieces.length);
  const chains: Chain[] = [];
  const walk = (start: number, startEnd: 0 | 1): void => {
    const first = pieces[start]!;
    used[start] = 1;
    const coordinates: Position[] = startEnd === 0 ? [first.from, first.to] : [first.to, first.from];
    let current = 2 * start + (1 - startEnd);
    for (;;) {
      const list = ends.get(key(coordinates[coordinates.length - 1]!, first.tag))!;
      if (list.length !== 2) break;
      const next = list[0] === current ? list[1]! : list[0]!;
      const index = next >> 1;
      if (used[index] === 1) break;
      used[index] = 1;
      const p = pieces[index]!;
      coordinates.push((next & 1) === 0 ? p.to : p.from);
      current = next ^ 1;
    }
    chains.push({ coordinates, tag: first.tag });
  };
  pieces.forEach((p, i) => {
    if (used[i] === 1) return;
    if (ends.get(key(p.from, p.tag))!.length !== 2) walk(i, 0);
    else if (ends.get(key(p.to, p.tag))!.length !== 2) walk(i, 1);
  });
  // What is left runs in loops.
  pieces.forEach((_, i) => {
    if (used[i] === 0) walk(i, 0);
  });
  return chains;
}

/** What {@link toFeature} writes besides the line. */
export interface FrontFigures {
  sides: [string, string];
  along: string;
  lengthBySideM: Record<string, number>;
  directM: number;
  acrossContestedM: number;
  stroke: string;
}

export function toFeature(chains: Chain[], figures: FrontFigures): FrontLine {
  const { sides, along, lengthBySideM, directM, acrossContestedM, stroke } = figures;
  const lengthM = directM + acrossContestedM;
  const [sideA, sideB] = sides;
  return {
    type: 'Feature',
    properties: {
      sides,
      along,
      lengthM,
      lengthKm: lengthM / 1000,
      directM,
      acrossContestedM,
      lengthBySideM,
      edgeOf: chains.map((c) => c.tag.split('\u0000')),
      title: `Front line ${sideA}–${sideB}`,
      description: describe(sides, along, lengthM, directM, acrossContestedM),
      stroke,
      'stroke-width': 3,
    },
    geometry: { type: 'MultiLineString', coordinates: chains.map((c) => c.coordinates) },
  };
}

function describe([sideA, sideB]: [string, string], along: string, lengthM: number, directM: number, acrossContestedM: number): string {
  const km = (m: number): string => `${(m / 1000).toFixed(1)} km`;
  const across = `along ${along}'s edge of contested ground between them`;
  if (lengthM === 0) return `${sideA} and ${sideB} do not meet on this map.`;
  if (acrossContestedM === 0) return `${km(lengthM)} of front line, all where the sides meet directly.`;
  if (directM === 0) return `${km(lengthM)} of front line, all ${across}.`;
  return `${km(lengthM)} of front line: ${km(directM)} where the sides meet directly, ${km(acrossContestedM)} ${across}.`;
}
