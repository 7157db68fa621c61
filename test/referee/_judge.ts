/**
 * The verdict of one referee batch, shared by the referee suites: the
 * library's exceptions, the disagreements with GEOS, invalid output shapes
 * (a failure when REQUIRE_VALID_OUTPUT is on) and the cases the referee
 * declined to judge, each printed and asserted.
 */
import { expect } from 'vitest';
import { MAX_NOT_JUDGED_SHARE, REQUIRE_VALID_OUTPUT, describeDisagreements, invalidOutputs, notJudged, type Disagreement, type RefereeAnswer } from './_geos.js';

/** Prints one summary line and asserts the batch. */
export function judge(title: string, answers: readonly RefereeAnswer[], wrong: readonly Disagreement[], failures: readonly string[], extra: readonly string[] = []): void {
  const invalid = invalidOutputs(answers, new Set());
  const declined = answers.filter(notJudged);
  console.log(
    `${title}: ${answers.length} cases judged by GEOS; ${wrong.length} disagreements, ${failures.length} exceptions, ` +
      `${invalid.all.length} cases with invalid output rings (${REQUIRE_VALID_OUTPUT ? 'a failure' : 'reported, areas still judged'}), ` +
      `${declined.length} not judged (GEOS contradicted itself)`,
  );
  expect(failures, failures.slice(0, 10).join('\n')).toEqual([]);
  expect(wrong, describeDisagreements(wrong)).toEqual([]);
  expect(extra, extra.slice(0, 10).join('\n')).toEqual([]);
  if (REQUIRE_VALID_OUTPUT) expect(invalid.unexpected, invalid.unexpected.slice(0, 10).join('\n')).toEqual([]);
  expect(declined.length, declined.slice(0, 5).map((a) => `${a.id}: ${a.error}`).join('\n')).toBeLessThanOrEqual(Math.floor(answers.length * MAX_NOT_JUDGED_SHARE));
}
