import { expect, it } from 'vitest';

it('runs the getting-started guide example', async () => {
  const example = await import('./main.js');
  expect(example.townKm2).toBeGreaterThan(20);
  expect(example.northKm2).toBeGreaterThan(0);
  expect(example.northKm2).toBeLessThan(example.townKm2);
  expect(example.ghosts).toEqual(['ghost']);
  expect(example.prigozhin).toEqual([['prigozhin', 'familyName', ['bgn-pcgn']]]);
  expect(example.figures).toEqual([
    ['areaKm2', 50, expect.stringMatching(/^\d+\.\d$/), 'consistent'],
    ['settlements', 1, '1.0', 'consistent'],
  ]);
  expect(example.firstProblem?.path).toEqual(['claims', 0, 'statedAt']);
});
