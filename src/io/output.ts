// Writing results: stdout, or a file written atomically (temporary file in the same folder, then
// rename), never over one of the input files.
import { realpathSync, statSync } from 'node:fs';
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

/** `flag` names the option the path came from in messages: `--output`, or `--html` for the report. */
export function refuseInputOverwrite(outputPath: string, inputPaths: readonly (string | null)[], flag = '--output'): void {
  const target = canonical(outputPath);
  for (const input of inputPaths) {
    if (input === null || input === '-') continue;
    if (canonical(input) === target) {
      throw new UsageError(`${flag} ${outputPath} is one of the input files; caseplan never writes over its inputs. Choose another file.`);
    }
  }
}

/**
 * Writes `text` to `path`. A regular file (new or existing) is replaced atomically: a temporary file
 * in the same folder, then a rename, so an error half-way leaves the old file intact. A symbolic link
 * is followed, so the file it points to is replaced and the link kept. A device, pipe or socket
 * (/dev/null, /dev/stdout, a FIFO) cannot be renamed over: it is written to directly.
 */
export async function writeAtomically(path: string, text: string | Uint8Array, flag = '--output'): Promise<void> {
  let target = resolve(path);
  let mode: number | undefined;
  try {
    target = realpathSync(target);
    const stats = statSync(target);
    if (stats.isDirectory()) throw new UsageError(`cannot write ${flag} ${path}: it is a folder`);
    if (!stats.isFile()) {
      await writeFile(target, text).catch((error: unknown) => {
        throw new UsageError(`cannot write ${flag} ${path}: ${describeFsError(error)}`);
      });
      return;
    }
    mode = stats.mode & 0o7777;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // Not there yet (or a dangling link): create it.
  }
  // A name no one else uses: this process's id and a random part; 'wx' refuses an existing file anyway.
  const unique = `${process.pid}.${Math.random().toString(36).slice(2, 10)}`;
  const temporary = join(dirname(target), `.${basename(target)}.${unique}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx', ...(mode === undefined ? {} : { mode }) });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    // Writing a new file fails with ENOENT only when its folder is missing.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`cannot write ${flag} ${path}: no such folder ${dirname(target)}`);
    throw new UsageError(`cannot write ${flag} ${path}: ${describeFsError(error)}`);
  }
}
