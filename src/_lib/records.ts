/**
 * Records keyed by ids from the input. A side, claimant or place id is the
 * caller's data and may be any string, `"__proto__"` and `"constructor"`
 * included; `record[id] = value` with such an id would set the record's
 * prototype (or, with `??=`, write into `Object.prototype` for every object
 * in the program). These helpers read only own keys and write with
 * `defineProperty`, so every id is stored as plain data.
 */

/** The value stored under `key`, own keys only. */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Stores `value` under `key` as an own, enumerable property, whatever the key. */
export function setOwn<V>(record: Record<string, V>, key: string, value: V): V {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}

/** The value under `key`, created with `make` when absent. */
export function ownEntry<V>(record: Record<string, V>, key: string, make: () => V): V {
  const existing = ownValue(record, key);
  return existing !== undefined ? existing : setOwn(record, key, make());
}
