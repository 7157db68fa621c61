import { expect, it } from 'vitest';

it("runs the README's example", async () => {
  const example = await import('./main.js');
  expect(example.northKm2).toBeCloseTo(17.0, 1);
  // The diff's pieces lie on the clipping engine's 1e-9° grid: they match the north half to 1e-8 of it.
  expect(Math.abs(example.conflict.km2 - example.northKm2) / example.northKm2).toBeLessThan(1e-8);
  expect(example.conflict.share).toBeCloseTo(0.447, 3);
  expect(example.contradictions).toEqual(['kremlin-city-taken ← flag-drone-feed']);
  expect(example.ghosts).toEqual(['ghost']);
  expect(example.sidc).toBe('10061000171211008400');
  expect(example.svg.startsWith('<svg')).toBe(true);
});
