// Loading every input a command needs, once, with every problem in every file reported together.
import type { Config } from '../core/config.js';
import type { Day } from '../core/dates.js';
import { InputError, UsageError, type InputProblem } from '../errors.js';
import { readConfig } from '../io/config-file.js';
import { readReferrals, type ReferralsFile } from '../io/referrals-file.js';
import { readSource } from '../io/source.js';
import { readStaff, type StaffFile } from '../io/staff-file.js';

export interface InputPaths {
  staff: string;
  referrals: string | null;
  config: string | null;
  delimiter?: string | undefined;
}

export interface Inputs {
  config: Config;
  staff: StaffFile;
  referrals: ReferralsFile | null;
  warnings: string[];
}

export async function loadInputs(paths: InputPaths, asOf: Day): Promise<Inputs> {
  if (paths.staff === '-' && paths.referrals === '-') {
    throw new UsageError('only one input can be read from stdin ("-"): give the staff or the referrals file as a path');
  }
  const config = await readConfig(paths.config);
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  let total = 0;
  const attempt = async <T>(read: () => Promise<T>): Promise<T | null> => {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
      notes.push(...error.notes);
      total += error.total;
      return null;
    }
  };
  const staff = await attempt(async () => readStaff(await readSource(paths.staff), config, asOf, paths.delimiter));
  const referralsPath = paths.referrals;
  const referrals =
    referralsPath === null ? null : await attempt(async () => readReferrals(await readSource(referralsPath), config, asOf, paths.delimiter));
  if (problems.length > 0 || staff === null) throw new InputError(problems, total, notes);
  return { config, staff, referrals, warnings: [...staff.warnings, ...(referrals?.warnings ?? [])] };
}
