// The JSON config file, validated with zod; every problem reported at once.
import { DEFAULT_CONFIG, resolveConfig, type Config } from '../core/config.js';
import { InputError } from '../errors.js';
import { nearest } from './nearest.js';
import { readSource } from './source.js';

export async function readConfig(path: string | null): Promise<Config> {
  if (path === null) return DEFAULT_CONFIG;
  const source = await readSource(path);
  let json: unknown;
  try {
    json = JSON.parse(source.text);
  } catch (error) {
    throw new InputError([{ file: source.name, line: null, column: null, header: null, message: `not valid JSON: ${(error as Error).message}` }]);
  }
  const { ConfigSchema } = await import('../core/config-schema.js');
  const parsed = ConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues.map((issue) => ({
        file: source.name,
        line: null,
        column: null,
        header: null,
        message: `${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}${suggestion(issue)}`,
      })),
    );
  }
  return resolveConfig(parsed.data);
}

const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': ['salaries', 'on_cost_rate', 'recruitment_cost', 'span_of_control', 'agency_premium', 'role_aliases', 'column_aliases'],
  salaries: ['experienced', 'early_career', 'team_manager'],
};

/** For an unknown key, the known key it most likely meant: "; did you mean salaries?". */
function suggestion(issue: { code: string; path: readonly PropertyKey[]; keys?: readonly string[] }): string {
  if (issue.code !== 'unrecognized_keys' || issue.keys === undefined) return '';
  const known = KNOWN_KEYS[issue.path.join('.')] ?? [];
  const hints = issue.keys.flatMap((key) => {
    const lower = key.toLowerCase();
    const best = nearest(lower, [...known]);
    // Also a shared start: "salary" for salaries.
    const meant = best !== null ? known[best.index] : known.find((k) => lower.length >= 4 && k.startsWith(lower.slice(0, 4)));
    return meant === undefined ? [] : [issue.keys!.length === 1 ? `"${meant}"` : `"${meant}" for "${key}"`];
  });
  return hints.length > 0 ? `; did you mean ${hints.join(', ')}? (known keys: ${known.join(', ')})` : `; known keys: ${known.join(', ')}`;
}

