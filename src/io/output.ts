// Writing results: stdout, or a file written atomically (temporary file in the same folder, then
// rename), never over one of the input files.
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { describeFsError } from './source.js';

function canonical(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    // A file that does not exist yet: resolve its folder instead.
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

export function refuseInputOverwrite(outputPath: string, inputPaths: readonly (string | null)[]): void {
  const target = canonical(outputPath);
  for (const input of inputPaths) {
    if (input === null || input === '-') continue;
    if (canonical(input) === target) {
      throw new UsageError(`--output ${outputPath} is one of the input files; caseplan never writes over its inputs. Choose another file.`);
    }
  }
}

export async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(resolve(path)), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new UsageError(`cannot write --output ${path}: ${describeFsError(error)}`);
  }
}
