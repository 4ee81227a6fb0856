// Issue 12, point 5: the itemised on-costs are the new default, and a config with "on_cost_rate": 0.3
// gives every figure exactly as before them. The outputs below were captured from every README and
// docs example (and a few JSON and CSV runs) before the change; each is run again with that config.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module shared with the docs update script
import { ROOT, run, sandbox } from '../../scripts/docs-examples.mjs';

const before: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'test/golden/before-itemised-on-costs.json'), 'utf8'));
const FLAT = join(ROOT, 'test/golden/flat-on-costs.json');

/** JSON gained the itemised on-cost keys in `parameters`; every figure must be as it was. */
function withoutNewKeys(text: string): unknown {
  const value = JSON.parse(text);
  for (const key of ['ni_rate', 'ni_threshold', 'pension_rate', 'levy_rate']) delete value.parameters[key];
  // Issue 15 added case types: keys only, null or equal to a figure already there without types.
  for (const key of ['case_type_aliases', 'case_weights', 'early_career_capacity', 'target_applies_to']) delete value.parameters[key];
  for (const key of ['open_cases_by_type', 'weighted_cases', 'weighted_caseload', 'target_caseload']) {
    delete value.current[key];
    delete value.after[key];
  }
  if (value.rates !== undefined) delete value.rates.growth_by_type;
  return value;
}

describe('"on_cost_rate": 0.3 gives the figures of before the itemised on-costs', () => {
  const cwd = sandbox();
  for (const [command, stdout] of Object.entries(before)) {
    it(command.slice(13, 120), () => {
      const result = run(`${command} --config ${FLAT}`, cwd);
      expect(result.code, result.stderr).toBe(0);
      if (command.includes('--format json')) expect(withoutNewKeys(result.stdout)).toEqual(withoutNewKeys(stdout));
      else expect(result.stdout).toBe(stdout);
    });
  }
});
