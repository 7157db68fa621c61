/**
 * Finding where segments meet, fast enough for 40,000-vertex rings: a
 * sweep over x (sort by left end, keep the segments whose x-range is still
 * open, compare only those whose y-ranges overlap), instead of comparing
 * every pair. Used by validation (self-intersections, rings that cross) and
 * by the split (a cutting line that crosses itself).
 *
 * @module
 */

/** A segment from (ax, ay) to (bx, by), tagged with the ring and edge it came from. */
export interface Segment {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  /** Which ring (or line) of the shape. */
  ring: number;
  /** Which edge of that ring: edge i runs from vertex i to vertex i + 1. */
  edge: number;
}

/** How two segments meet. */
export type Contact = 'cross' | 'touch' | 'overlap';

/** Two segments that meet, and where. */
export interface Meeting {
  first: Segment;
  second: Segment;
  contact: Contact;
  at: [number, number];
}

/**
 * Every meeting of two segments that `relevant` does not dismiss, up to
 * `limit` of them, ordered by the sweep.
 */
export function findMeetings(
  segments: readonly Segment[],
  relevant: (meeting: Meeting) => boolean,
  limit = 100,
): Meeting[] {
  const order = segments.slice().sort((p, q) => Math.min(p.ax, p.bx) - Math.min(q.ax, q.bx));
  const meetings: Meeting[] = [];
  let active: Segment[] = [];
  for (const segment of order) {
    const minX = Math.min(segment.ax, segment.bx);
    const minY = Math.min(segment.ay, segment.by);
    const maxY = Math.max(segment.ay, segment.by);
    // Segments that ended left of this one can meet nothing later in the sweep.
    active = active.filter((other) => Math.max(other.ax, other.bx) >= minX);
    for (const other of active) {
      if (Math.max(other.ay, other.by) < minY || Math.min(other.ay, other.by) > maxY) continue;
      const meeting = meet(other, segment);
      if (meeting !== null && relevant(meeting)) {
        meetings.push(meeting);
        if (meetings.length >= limit) return meetings;
      }
    }
    active.push(segment);
  }
  return meetings;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Whether (px, py), collinear with segment s, lies within its bounding box. */
function within(s: Segment, px: number, py: number): boolean {
  return px >= Math.min(s.ax, s.bx) && px <= Math.max(s.ax, s.bx) && py >= Math.min(s.ay, s.by) && py <= Math.max(s.ay, s.by);
}

/** How two segments meet, or null when they do not. */
export function meet(s: Segment, t: Segment): Meeting | null {
  const d1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const d2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const d3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const d4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const u = d3 / (d3 - d4);
    return { first: s, second: t, contact: 'cross', at: [s.ax + u * (s.bx - s.ax), s.ay + u * (s.by - s.ay)] };
  }
  if (d1 === 0 && d2 === 0) {
    // Collinear: they overlap when they share more than a point.
    const points: [number, number][] = [];
    if (within(s, t.ax, t.ay)) points.push([t.ax, t.ay]);
    if (within(s, t.bx, t.by)) points.push([t.bx, t.by]);
    if (within(t, s.ax, s.ay)) points.push([s.ax, s.ay]);
    if (within(t, s.bx, s.by)) points.push([s.bx, s.by]);
    const first = points[0];
    if (first === undefined) return null;
    const distinct = points.some((p) => p[0] !== first[0] || p[1] !== first[1]);
    return { first: s, second: t, contact: distinct ? 'overlap' : 'touch', at: first };
  }
  if (d1 === 0 && within(s, t.ax, t.ay)) return { first: s, second: t, contact: 'touch', at: [t.ax, t.ay] };
  if (d2 === 0 && within(s, t.bx, t.by)) return { first: s, second: t, contact: 'touch', at: [t.bx, t.by] };
  if (d3 === 0 && within(t, s.ax, s.ay)) return { first: s, second: t, contact: 'touch', at: [s.ax, s.ay] };
  if (d4 === 0 && within(t, s.bx, s.by)) return { first: s, second: t, contact: 'touch', at: [s.bx, s.by] };
  return null;
}

/**
 * Whether a meeting is only the shared end point of two consecutive edges
 * of one ring (or line) — the normal way edges meet, not a problem.
 * `edges` is the number of edges of that ring; `closed` says whether the
 * last edge joins the first.
 */
export function isJoint(meeting: Meeting, edges: number, closed: boolean): boolean {
  const { first, second, contact } = meeting;
  if (first.ring !== second.ring || contact !== 'touch') return false;
  const gap = Math.abs(first.edge - second.edge);
  if (gap === 1) return sharedEnd(first, second, meeting.at);
  if (closed && gap === edges - 1) return sharedEnd(first, second, meeting.at);
  return false;
}

function sharedEnd(s: Segment, t: Segment, at: readonly number[]): boolean {
  const isEnd = (x: Segment): boolean => (x.ax === at[0] && x.ay === at[1]) || (x.bx === at[0] && x.by === at[1]);
  return isEnd(s) && isEnd(t);
}
