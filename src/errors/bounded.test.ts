/**
 * No error grows with its input: at most MAX_ISSUES_PER_CODE issues of one
 * code, the rest counted; messages clipped to MAX_MESSAGE_LENGTH.
 */
import { describe, expect, it } from 'vitest';
import { ContestedError, MAX_ISSUES_PER_CODE, MAX_MESSAGE_LENGTH } from './index.js';

describe('bounded errors', () => {
  it('lists 100 issues of one code, then "… and 1,900 more"', () => {
    const issues = Array.from({ length: 2_000 }, (_, i) => ({ code: 'duplicate-id', path: ['units', i, 'id'], message: `id ${i} is used twice` }));
    const error = new ContestedError('invalid-dataset', [...issues, { code: 'cycle', path: ['units', 0, 'parent'], message: 'a cycle' }]);
    expect(error.issues).toHaveLength(MAX_ISSUES_PER_CODE + 2);
    expect(error.issues.filter((i) => i.code === 'duplicate-id')).toHaveLength(MAX_ISSUES_PER_CODE + 1);
    expect(error.issues.at(-1)).toEqual({ code: 'duplicate-id', path: [], message: '… and 1,900 more duplicate-id issues like the above' });
    expect(error.issues.some((i) => i.code === 'cycle')).toBe(true);
    expect(error.message.startsWith('invalid-dataset: 2001 problems found')).toBe(true);
    expect(error.message.length).toBeLessThan(20_000);
  });

  it('clips a message to MAX_MESSAGE_LENGTH characters', () => {
    const error = new ContestedError('invalid-input', [{ code: 'invalid-type', path: [], message: 'x'.repeat(1_000_000) }]);
    expect(error.issues[0]?.message).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(error.issues[0]?.message.endsWith('…')).toBe(true);
    expect(error.message.length).toBeLessThan(MAX_MESSAGE_LENGTH + 200);
  });

  it('keeps every issue when there are few', () => {
    const issues = [1, 2, 3].map((i) => ({ code: 'invalid-type', path: [i], message: `bad ${i}` }));
    expect(new ContestedError('invalid-input', issues).issues).toEqual(issues);
  });
});
