// Reading in chunks must give exactly what reading the whole file at once gives: the same plan, the
// same warnings, the same problems on the same lines, whatever the chunk size (a chunk may end inside
// a CRLF, a quoted value, a UTF-8 character or the BOM).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadInputs, type InputPaths } from '../../src/app/inputs.js';
import { runScenario, type ScenarioOptions } from '../../src/app/scenario.js';
import { dayFromYmd } from '../../src/core/dates.js';
import { InputError } from '../../src/errors.js';
import { projectionJson } from '../../src/io/render/projection.js';

const AS_OF = dayFromYmd(2026, 9, 30);
const WHOLE = 1 << 30; // one chunk: the whole file at once

const options: ScenarioOptions = {
  asOf: AS_OF,
  experienceYears: 3,
  rule: { target: 19, mix: 0.5, caps: null },
  cases: null,
  projection: { years: 5, growth: null, turnover: null, payAward: 0.03, mixBy: 3, convertAgency: true },
};

async function outcome(paths: InputPaths, chunkBytes: number) {
  try {
    const inputs = await loadInputs(paths, AS_OF, { chunkBytes });
    const run = runScenario(inputs, options);
    return { warnings: inputs.warnings, result: run.kind === 'projection' ? projectionJson(run.run) : null };
  } catch (error) {
    if (error instanceof InputError) return { problems: error.problems, total: error.total, notes: error.notes };
    throw error;
  }
}

describe('streaming reading gives the same result as reading the whole file', () => {
  it('the fixtures: 248 staff and 12,376 referrals, in 64 KiB, 4 KiB and 7-byte chunks', async () => {
    const paths = { staff: ['fixtures/staff.csv'], referrals: 'fixtures/referrals.csv', config: null };
    const whole = await outcome(paths, WHOLE);
    expect(whole.result).not.toBeNull();
    for (const chunkBytes of [1 << 16, 4096, 7]) expect(await outcome(paths, chunkBytes)).toEqual(whole);
  });

  it.each(readdirSync('test/corpus'))('test/corpus/%s: same plan, warnings or problems in chunks of 1, 2, 3 and 5 bytes', async (file) => {
    const paths = { staff: [`test/corpus/${file}`], referrals: null, config: null };
    const whole = await outcome(paths, WHOLE);
    for (const chunkBytes of [1, 2, 3, 5]) expect(await outcome(paths, chunkBytes)).toEqual(whole);
  });
});
