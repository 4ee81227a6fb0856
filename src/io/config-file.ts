// The JSON config file, validated with zod; every problem reported at once.
import { CASE_TYPES, UNIT_WEIGHTS } from '../core/case-types.js';
import { DEFAULT_CONFIG, normaliseName, ROLES, valueAlias, type Config } from '../core/config.js';
import type { ConfigFile } from './config-schema.js';
import { InputError, type InputProblem } from '../errors.js';
import { nearest } from './nearest.js';
import { REFERRAL_COLUMNS } from './referrals-file.js';
import { readSource } from './source.js';
import { STAFF_COLUMNS } from './staff-file.js';

/** Every column caseplan reads, in either file: the only valid targets of column_aliases. */
export const READ_COLUMNS: readonly string[] = [...new Set([...STAFF_COLUMNS, ...REFERRAL_COLUMNS].map((c) => c.name))];

export async function readConfig(path: string | null): Promise<Config> {
  if (path === null) return DEFAULT_CONFIG;
  const source = await readSource(path);
  let json: unknown;
  try {
    json = JSON.parse(source.text);
  } catch (error) {
    // Node says "at position 25"; a person wants the line and column.
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const before = at === null ? null : source.text.slice(0, Number(at[1]));
    const line = before === null ? null : before.split('\n').length;
    const column = before === null ? null : before.length - before.lastIndexOf('\n');
    throw new InputError([{ file: source.name, line, column, header: null, message: `not valid JSON: ${message}` }]);
  }
  const { ConfigSchema } = await import('./config-schema.js');
  const parsed = ConfigSchema.safeParse(json);
  const problem = (message: string): InputProblem => ({ file: source.name, line: null, column: null, header: null, message });
  const problems: InputProblem[] = [];
  // One message per problem: zod may report several failed checks for one value (-1 is neither
  // non-negative nor positive); the first says it.
  const seenPaths = new Set<string>();
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const path = issue.path.join('.');
    if (seenPaths.has(path) && issue.code !== 'unrecognized_keys') continue;
    seenPaths.add(path);
    problems.push(problem(`${path.length > 0 ? path : '(top level)'}: ${issue.message}${suggestion(issue, json, knownKeys(ConfigSchema))}`));
  }
  problems.push(...aliasTargetProblems(json).map(problem), ...patternProblems(json).map(problem));
  if (problems.length > 0 || !parsed.success) throw new InputError(problems);
  return resolveConfig(parsed.data);
}

/** A column alias must name a column caseplan reads: `"fte": "ftee"` would otherwise change nothing. */
function aliasTargetProblems(json: unknown): string[] {
  const aliases = (json as { column_aliases?: unknown } | null)?.column_aliases;
  if (aliases === null || typeof aliases !== 'object' || Array.isArray(aliases)) return [];
  return Object.entries(aliases).flatMap(([header, column]) => {
    if (typeof column !== 'string' || READ_COLUMNS.includes(normaliseName(column))) return [];
    const best = nearest(normaliseName(column), [...READ_COLUMNS]);
    return [
      `column_aliases.${header}: ${JSON.stringify(column)} is not a column caseplan reads${best ? `; did you mean "${READ_COLUMNS[best.index]}"?` : ''} (columns: ${READ_COLUMNS.join(', ')})`,
    ];
  });
}

/** A regular expression written as an alias (`"/^senior/"`) must compile. */
function patternProblems(json: unknown): string[] {
  return (['role_aliases', 'outcome_aliases', 'contract_aliases', 'case_type_aliases'] as const).flatMap((key) => {
    const aliases = (json as Record<string, unknown> | null)?.[key];
    if (aliases === null || typeof aliases !== 'object' || Array.isArray(aliases)) return [];
    return Object.keys(aliases).flatMap((written) => {
      try {
        valueAlias(written, 'x');
        return [];
      } catch (error) {
        return [`${key}.${written}: not a valid regular expression (${(error as Error).message})`];
      }
    });
  });
}

type KnownKeys = Record<string, readonly string[]>;

/** The keys the schema knows, for did-you-mean: read from the schema itself, never listed by hand. */
function knownKeys(schema: typeof import('./config-schema.js').ConfigSchema): KnownKeys {
  return { '': Object.keys(schema.shape), salaries: Object.keys(schema.shape.salaries.unwrap().shape), case_weights: Object.keys(schema.shape.case_weights.unwrap().shape) };
}

/** For an unknown key, the known key it most likely meant: "; did you mean salaries?"; likewise a role. */
function suggestion(issue: { code: string; path: readonly PropertyKey[]; keys?: readonly string[] }, json: unknown, knownKeys: KnownKeys): string {
  // A rate written as a percentage number: "on_cost_rate": 30.
  if (issue.code === 'too_big' && issue.path.length === 1 && /_rate$|_premium$/.test(String(issue.path[0]))) {
    const given = (json as Record<string, unknown>)[String(issue.path[0])];
    if (typeof given === 'number' && given > 1 && given <= 100) return `; ${given} looks like a percentage: write ${given / 100} or "${given}%"`;
  }
  const values = issue.path[0] === 'role_aliases' ? ROLES : issue.path[0] === 'case_type_aliases' ? CASE_TYPES : null;
  if (values !== null && issue.path.length === 2 && issue.code === 'invalid_value') {
    const given = (json as Record<string, Record<string, unknown>>)[String(issue.path[0])]![String(issue.path[1])];
    const best = typeof given === 'string' ? nearest(normaliseName(given), [...values]) : null;
    return `${typeof given === 'string' ? ` (given ${JSON.stringify(given)})` : ''}${best ? `; did you mean "${values[best.index]}"?` : ''}`;
  }
  if (issue.code !== 'unrecognized_keys' || issue.keys === undefined) return '';
  const known = knownKeys[issue.path.join('.')] ?? [];
  const hints = issue.keys.flatMap((key) => {
    const lower = key.toLowerCase();
    const best = nearest(lower, [...known]);
    // Also a shared start: "salary" for salaries.
    const meant = best !== null ? known[best.index] : known.find((k) => lower.length >= 4 && k.startsWith(lower.slice(0, 4)));
    return meant === undefined ? [] : [issue.keys!.length === 1 ? `"${meant}"` : `"${meant}" for "${key}"`];
  });
  return hints.length > 0 ? `; did you mean ${hints.join(', ')}? (known keys: ${known.join(', ')})` : `; known keys: ${known.join(', ')}`;
}

/** The config file's values over the defaults, aliases compiled in the order written. */
function resolveConfig(file: ConfigFile): Config {
  return {
    salaries: { ...DEFAULT_CONFIG.salaries, ...file.salaries },
    on_cost_rate: file.on_cost_rate ?? DEFAULT_CONFIG.on_cost_rate,
    ni_rate: file.ni_rate ?? DEFAULT_CONFIG.ni_rate,
    ni_threshold: file.ni_threshold ?? DEFAULT_CONFIG.ni_threshold,
    pension_rate: file.pension_rate ?? DEFAULT_CONFIG.pension_rate,
    levy_rate: file.levy_rate ?? DEFAULT_CONFIG.levy_rate,
    recruitment_cost: file.recruitment_cost ?? DEFAULT_CONFIG.recruitment_cost,
    span_of_control: file.span_of_control ?? DEFAULT_CONFIG.span_of_control,
    agency_premium: file.agency_premium ?? DEFAULT_CONFIG.agency_premium,
    role_aliases: Object.entries(file.role_aliases ?? {}).map(([title, role]) => valueAlias(title, role)),
    outcome_aliases: Object.entries(file.outcome_aliases ?? {}).map(([text, outcome]) => valueAlias(text, outcome)),
    contract_aliases: Object.entries(file.contract_aliases ?? {}).map(([text, contract]) => valueAlias(text, contract)),
    case_type_aliases: Object.entries(file.case_type_aliases ?? {}).map(([text, type]) => valueAlias(text, type)),
    case_weights: { ...UNIT_WEIGHTS, ...file.case_weights },
    early_career_capacity: file.early_career_capacity ?? DEFAULT_CONFIG.early_career_capacity,
    fte_scale: file.fte_scale ?? DEFAULT_CONFIG.fte_scale,
    full_time_hours: file.full_time_hours ?? DEFAULT_CONFIG.full_time_hours,
    retention: (file.retention ?? []).map((m) => ({ group: m.group, annualPayment: m.annual_payment, turnover: m.turnover, fromYear: m.from_year ?? 1 })),
    given: Object.entries(file).flatMap(([key, value]) =>
      key === 'salaries' && value !== null && typeof value === 'object' ? Object.keys(value).map((group) => `salaries.${group}`) : [key],
    ),
    column_aliases: Object.fromEntries(
      Object.entries(file.column_aliases ?? {}).map(([header, column]) => [normaliseName(header), normaliseName(column)]),
    ),
  };
}
