import { describe, expect, it } from 'vitest';
import { fromZodIssues } from '../_lib/zodIssues.js';
import { Interval } from './interval.js';

function intervalIssues(input: unknown) {
  const result = Interval.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return fromZodIssues(result.error.issues);
}

describe('Interval', () => {
  it('accepts open and closed intervals, ends with their own precision', () => {
    expect(Interval.parse({ start: '2024-06' })).toEqual({ start: '2024-06' });
    expect(Interval.parse({ start: '2024-06', end: '2025-12-03' })).toEqual({ start: '2024-06', end: '2025-12-03' });
    // Ends inside the same day as the start: the day's span is not over before the minute begins.
    expect(Interval.parse({ start: '2025-12-03T10:00Z', end: '2025-12-03' }).end).toBe('2025-12-03');
    expect(Interval.parse({ start: '2025-12-03T10:00Z', end: '2025-12-03T10:15Z' }).end).toBe('2025-12-03T10:15Z');
  });

  it('refuses an interval that ends before it starts', () => {
    expect(intervalIssues({ start: '2025-12-03', end: '2025-12-01' })).toMatchInlineSnapshot(`
      [
        {
          "code": "end-before-start",
          "message": "interval ends ("2025-12-01") before it starts ("2025-12-03")",
          "path": [
            "end",
          ],
        },
      ]
    `);
    expect(intervalIssues({ start: '2025-12-03T10:00Z', end: '2025-12-03T09:59Z' })).toMatchInlineSnapshot(`
      [
        {
          "code": "end-before-start",
          "message": "interval ends ("2025-12-03T09:59Z") before it starts ("2025-12-03T10:00Z")",
          "path": [
            "end",
          ],
        },
      ]
    `);
  });

  it('reports a bad end once, at the end, without an ordering complaint', () => {
    expect(intervalIssues({ start: '2025-12-03', end: '2025-02-30' })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-time",
          "message": "2025-02-30 is not a date (that month has fewer days)",
          "path": [
            "end",
          ],
        },
      ]
    `);
  });

  it('refuses a missing start and unknown fields', () => {
    expect(intervalIssues({ end: '2025' })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "expected a time: an ISO 8601 string such as "2025-12-03", or { at, precision }",
          "path": [
            "start",
          ],
        },
      ]
    `);
    expect(intervalIssues({ start: '2025', finish: '2026' })).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-field",
          "message": "unknown field "finish": put fields of your own under "properties"",
          "path": [
            "finish",
          ],
        },
      ]
    `);
  });
});
