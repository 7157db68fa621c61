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

  it('names both engines when the fallback fails as well', () => {
    expect(() => clip('difference', [big, ...holes], fragile(1), fragile(0))).toThrow(
      /\(fragile\) failed on difference of 4 operand\(s\), also when retried one operand at a time and with fragile: Unable to complete output ring/,
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
    expect((caught as ContestedError).issues[0]?.message).toMatch(/fragile\) failed on difference of 4 operand\(s\), also when retried one operand at a time: Unable to complete output ring/);
  });
});
