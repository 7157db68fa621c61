/**
 * The "Errors and validation" guide's code, run by `errors.test.ts`. Every
 * value the guide prints is exported here and pinned by the test.
 */
// #region throw
import {
  ContestedError,
  formatIssues,
  formatPath,
  isContestedError,
  MAX_INPUT_DEPTH,
  normalizeCallSign,
  parseDataset,
  resolveArea,
  safeParseDataset,
  safeParseEntity,
  serializeDataset,
  type ContestedIssue,
} from 'contested';

let caught: ContestedError | undefined;
try {
  parseDataset({
    sides: [{ id: 'RU', name: 'Russia' }],
    claims: [{ id: 'c1', claimant: 'kremlin', statedAt: '2025-02-30', area: 'pokrovsk', status: 'controlled', side: 'RU', basis: 'claimed' }],
  });
} catch (error) {
  if (isContestedError(error)) caught = error;
}
export const thrownCode = caught?.code;
//=> 'invalid-input'
export const thrownIssues = caught?.issues;
//=> [{ code: 'invalid-time', path: ['claims', 0, 'statedAt'], message: '2025-02-30 is not a date (that month has fewer days)' },
//    { code: 'unknown-reference', path: ['claims', 0, 'claimant'], message: 'claimant "kremlin" is not the id of any actor in actors' },
//    { code: 'unknown-reference', path: ['claims', 0, 'area'], message: 'area "pokrovsk" is not the id of any place in places' }]
export const thrownMessage = caught?.message;
//=> invalid dataset: 3 problems
//   ✖ 2025-02-30 is not a date (that month has fewer days)
//     → at claims[0].statedAt
//   ✖ claimant "kremlin" is not the id of any actor in actors
//     → at claims[0].claimant
//   ✖ area "pokrovsk" is not the id of any place in places
//     → at claims[0].area
// #endregion throw

// #region safe
const result = safeParseDataset({
  sides: [{ id: 'RU', name: 'Russia' }],
  claims: [{ id: 'c1', claimant: 'kremlin', statedAt: '2025-12-01', area: 'pokrovsk', status: 'controlled', side: 'RU', basis: 'claimed' }],
});
export const safeCode = result.success ? undefined : result.error.code;
//=> 'invalid-dataset': every entity is well formed, but nothing is called 'kremlin' or 'pokrovsk'
export const safeIssues: ContestedIssue[] = result.success ? [] : result.error.issues;

// One entity on its own: the same checks, without the dataset's references.
const side = safeParseEntity('side', { id: 'UA' });
export const sidePaths = side.success ? [] : side.error.issues.map((i) => formatPath(i.path));
//=> ['name']
// #endregion safe

// #region format
export const printed = formatIssues(safeIssues, 'the claims do not resolve');
//=> the claims do not resolve
//   ✖ claimant "kremlin" is not the id of any actor in actors
//     → at claims[0].claimant
//   ✖ area "pokrovsk" is not the id of any place in places
//     → at claims[0].area
export const path = formatPath(['claims', 3, 'area', 'split', 'line']);
//=> 'claims[3].area.split.line'
// #endregion format

// #region unknown
// A misspelt field is an error, never dropped…
const typo = safeParseEntity('side', { id: 'UA', name: 'Ukraine', flagg: 'blue-yellow' });
export const typoIssue = typo.success ? undefined : typo.error.issues[0];
//=> { code: 'unknown-field', path: ['flagg'], message: 'unknown field "flagg": put fields of your own under "properties"' }

// …and fields of your own go under `properties`, kept as they are.
const kept = parseDataset({ sides: [{ id: 'UA', name: 'Ukraine', properties: { flag: 'blue-yellow', wikidata: 'Q212' } }] });
export const roundTrip = serializeDataset(kept, 0);
//=> '{"sides":[{"id":"UA","name":"Ukraine","properties":{"flag":"blue-yellow","wikidata":"Q212"}}]}'
// #endregion unknown

// #region proto
// JSON.parse makes "__proto__" an ordinary key; it is refused, not lost.
const proto = safeParseDataset(JSON.parse('{"sides":[{"id":"UA","name":"Ukraine","properties":{"__proto__":{"x":1}}}]}'));
export const protoIssue = proto.success ? undefined : proto.error.issues[0];
//=> { code: 'forbidden-key', path: ['sides', 0, 'properties', '__proto__'], message: 'the key "__proto__" cannot be stored: rename it' }
// #endregion proto

// #region limits
// Input nested deeper than MAX_INPUT_DEPTH is refused before any recursive code runs.
let deep: unknown = 'UA';
for (let i = 0; i <= MAX_INPUT_DEPTH; i++) deep = [deep];
const tooDeep = safeParseDataset({ sides: deep });
export const limitCode = tooDeep.success ? undefined : tooDeep.error.code;
//=> 'limit-exceeded'
// #endregion limits

// #region other
// Errors from functions, not parsers, have the same shape.
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return isContestedError(error) ? `${error.code} / ${error.issues[0]?.code}: ${error.issues[0]?.message}` : 'not ours';
  }
};
// Latin "Rabbit" with a Cyrillic "а" looks right and matches nothing.
export const mixedScript = codeOf(() => normalizeCallSign('R\u0430bbit'));
//=> 'mixed-script / mixed-script: "Rаbbit" mixes Latin and Cyrillic: "а" (U+0430 CYRILLIC SMALL LETTER A)
//    at position 2 looks like Latin "a"; did you mean "Rabbit"?'
export const notFound = codeOf(() => resolveArea({ places: [] }, 'pokrovsk'));
//=> 'not-found / unknown-reference: "pokrovsk" is not the id of any place'
// #endregion other
