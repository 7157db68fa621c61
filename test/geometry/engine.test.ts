import { describe, expect, it } from 'vitest';
import { clip, engine, type ClipEngine, type MultiPolygon2 } from '../../src/geometry/_engine.js';
import { ContestedError } from '../../src/errors/index.js';

const square = (x: number, y: number, size: number): MultiPolygon2 => [[[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]];

/**
 * A backend that fails, as polyclip-ts does on some real overlays, whenever
 * it is handed more than `limit` operands at once, and otherwise defers to
 * the real engine.
 */
function fragile(limit: number): ClipEngine & { calls: number } {
  const backend = {
    name: 'fragile',
    calls: 0,
    union(operands: readonly MultiPolygon2[]) {
      backend.calls++;
      if (operands.length > limit) throw new Error('Unable to complete output ring');
      return engine.union(operands);
    },
    intersection(operands: readonly MultiPolygon2[]) {
      backend.calls++;
      if (operands.length > limit) throw new Error('Unable to complete output ring');
      return engine.intersection(operands);
    },
    difference(subject: MultiPolygon2, clips: readonly MultiPolygon2[]) {
      backend.calls++;
      if (clips.length + 1 > limit) throw new Error('Unable to complete output ring');
      return engine.difference(subject, clips);
    },
  };
  return backend;
}

describe('the clipping engine wrapper', () => {
  const big = square(0, 0, 4);
  const holes = [square(0.5, 0.5, 1), square(2.5, 2.5, 1), square(0.5, 2.5, 1)];

  it('retries a failed operation one operand at a time, with the same answer', () => {
    for (const operation of ['difference', 'union', 'intersection'] as const) {
      const operands = operation === 'intersection' ? [big, square(1, 1, 2), square(1.5, 1.5, 2)] : [big, ...holes];
      const expected = clip(operation, operands);
      const backend = fragile(2);
      expect(clip(operation, operands, backend)).toEqual(expected);
      expect(backend.calls).toBeGreaterThan(1);
    }
  });

  it('hands the operation to the fallback engine when the step-by-step retry fails too', () => {
    const expected = clip('difference', [big, holes[0]!]);
    // One clip only: no step-by-step retry is possible, so the fallback answers.
    const broken = fragile(0);
    expect(clip('difference', [big, holes[0]!], broken, engine)).toEqual(expected);
    expect(clip('difference', [big, ...holes], broken, engine)).toEqual(clip('difference', [big, ...holes]));
  });

  it('retries on coordinates snapped to a fine grid when both engines fail as given', () => {
    // A backend that fails on any coordinate not already on a 1e-10° grid.
    const onGridOnly = (inner: ClipEngine): ClipEngine => {
      const check = (ms: readonly MultiPolygon2[]): void => {
        for (const m of ms) for (const p of m) for (const r of p) for (const [x, y] of r) if (Math.abs(x * 1e10 - Math.round(x * 1e10)) > 1e-3 || Math.abs(y * 1e10 - Math.round(y * 1e10)) > 1e-3) throw new Error('Unable to complete output ring');
      };
      return {
        name: 'grid-only',
        union: (o) => (check(o), inner.union(o)),
        intersection: (o) => (check(o), inner.intersection(o)),
        difference: (s, c) => (check([s, ...c]), inner.difference(s, c)),
      };
    };
    const offGrid = square(0.123456789012345, 0.1, 1);
    const result = clip('difference', [offGrid, square(0.5, 0.5, 0.25)], onGridOnly(engine), null);
    expect(result).toHaveLength(1);
    expect(result[0]![0]![0]![0]).toBeCloseTo(0.123456789012345, 9);
  });

  it('names both engines when the fallback fails as well', () => {
    expect(() => clip('difference', [big, ...holes], fragile(1), fragile(0))).toThrow(
      /\(fragile\) failed on difference of 4 operand\(s\), also when retried one operand at a time, with fragile and on coordinates snapped to grids of 1e-12, 1e-10, 1e-8°: Unable to complete output ring/,
    );
  });

  it('gives a ContestedError naming the engine when the retry fails too', () => {
    const backend = fragile(1);
    let caught: unknown;
    try {
      clip('difference', [big, ...holes], backend);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ContestedError);
    expect((caught as ContestedError).code).toBe('geometry-engine');
    expect((caught as ContestedError).issues[0]?.message).toMatch(/fragile\) failed on difference of 4 operand\(s\), also when retried one operand at a time and on coordinates snapped to grids of 1e-12, 1e-10, 1e-8°: Unable to complete output ring/);
  });
});
