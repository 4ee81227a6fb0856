// The JSON config file, validated with zod; every problem reported at once.
import { DEFAULT_CONFIG, resolveConfig, type Config } from '../core/config.js';
import { InputError } from '../errors.js';
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
        message: `${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`,
      })),
    );
  }
  return resolveConfig(parsed.data);
}
