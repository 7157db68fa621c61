/**
 * What a `//=>` comment promises, as data, and the check that the value an
 * example computes keeps the promise. `extract.ts` reads the comment into a
 * {@link Outcome}; the generated example module calls {@link docExample}'s
 * `check` with the value and that outcome.
 */
import { isDeepStrictEqual } from 'node:util';

/** A literal after `//=>`; `…` marks "starts with these digits" or "and more". */
export type Outcome =
  | { kind: 'prose'; text: string }
  | { kind: 'number'; digits: string; prefix: boolean }
  | { kind: 'value'; value: string | boolean | null }
  | { kind: 'undefined' }
  | { kind: 'array'; head: Outcome[]; tail: Outcome[]; open: boolean }
  | { kind: 'object'; entries: [string, Outcome][]; open: boolean };

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value, (_, v: unknown) => (v === undefined ? '<undefined>' : v)) ?? String(value);
  } catch {
    return String(value);
  }
};

/** Why `actual` does not match `outcome`, or `undefined` when it does. */
export function mismatch(actual: unknown, outcome: Outcome, at = 'value'): string | undefined {
  switch (outcome.kind) {
    case 'prose':
      return undefined;
    case 'undefined':
      return actual === undefined ? undefined : `${at}: expected undefined, got ${show(actual)}`;
    case 'value':
      return isDeepStrictEqual(actual, outcome.value) ? undefined : `${at}: expected ${show(outcome.value)}, got ${show(actual)}`;
    case 'number': {
      if (typeof actual !== 'number') return `${at}: expected a number ${outcome.digits}${outcome.prefix ? '…' : ''}, got ${show(actual)}`;
      if (!outcome.prefix) return actual === Number(outcome.digits) ? undefined : `${at}: expected ${outcome.digits}, got ${actual}`;
      const decimals = outcome.digits.split('.')[1]?.length ?? 0;
      // Truncate, not round: "82.418…" promises the digits 8, 2, 4, 1, 8.
      const text = actual.toFixed(decimals + 4);
      return text.startsWith(outcome.digits) ? undefined : `${at}: expected ${outcome.digits}…, got ${actual}`;
    }
    case 'array': {
      if (!Array.isArray(actual)) return `${at}: expected an array, got ${show(actual)}`;
      const { head, tail, open } = outcome;
      if (open ? actual.length < head.length + tail.length : actual.length !== head.length) {
        return `${at}: expected ${open ? 'at least ' : ''}${head.length + tail.length} items, got ${actual.length}: ${show(actual)}`;
      }
      for (const [i, item] of head.entries()) {
        const why = mismatch(actual[i], item, `${at}[${i}]`);
        if (why !== undefined) return why;
      }
      for (const [i, item] of tail.entries()) {
        const index = actual.length - tail.length + i;
        const why = mismatch(actual[index], item, `${at}[${index}]`);
        if (why !== undefined) return why;
      }
      return undefined;
    }
    case 'object': {
      if (typeof actual !== 'object' || actual === null) return `${at}: expected an object, got ${show(actual)}`;
      const record = actual as Record<string, unknown>;
      for (const [key, item] of outcome.entries) {
        if (!(key in record) && item.kind !== 'undefined') return `${at}: expected a key "${key}", got ${show(actual)}`;
        const why = mismatch(record[key], item, `${at}.${key}`);
        if (why !== undefined) return why;
      }
      if (!outcome.open) {
        const expected = new Set(outcome.entries.map(([key]) => key));
        const extra = Object.keys(record).filter((key) => !expected.has(key) && record[key] !== undefined);
        if (extra.length > 0) return `${at}: unexpected keys ${extra.join(', ')} (end the object with "…" if they may be left out)`;
      }
      return undefined;
    }
  }
}

/** The checks of one generated example module; `done` fails when a `//=>` was never reached. */
export function docExample(name: string) {
  const reached = new Set<number>();
  return {
    /** Checks one `//=>` and hands the value back. */
    check<T>(id: number, value: T, outcome: Outcome, where: string): T {
      reached.add(id);
      const why = mismatch(value, outcome);
      if (why !== undefined) throw new Error(`${where}: the //=> after this line does not hold: ${why}`);
      return value;
    },
    /** Checks that `run` throws, as a `// throws <Name>` comment says. */
    throws(id: number, run: () => unknown, errorName: string, where: string): void {
      reached.add(id);
      try {
        run();
      } catch (error) {
        const actual = error instanceof Error ? error.name : typeof error;
        if (errorName !== '' && actual !== errorName) throw new Error(`${where}: expected a ${errorName} to be thrown, got ${actual}: ${String(error)}`);
        return;
      }
      throw new Error(`${where}: expected the line to throw${errorName === '' ? '' : ` a ${errorName}`}, it returned`);
    },
    /** Fails when some `//=>` was never evaluated (e.g. it sat in a branch not taken). */
    done(count: number): void {
      const missed = Array.from({ length: count }, (_, i) => i + 1).filter((id) => !reached.has(id));
      if (missed.length > 0) throw new Error(`${name}: the //=> comments number ${missed.join(', ')} were never reached`);
    },
  };
}
