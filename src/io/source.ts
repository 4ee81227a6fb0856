// Reading an input file (or stdin, as "-") into text: BOM stripped, UTF-8 or else Windows-1252
// (Excel's "CSV" on a UK Windows machine), binary files refused.
import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';

export interface SourceText {
  /** How messages name the file: the path as given, or <stdin>. */
  name: string;
  text: string;
  warnings: string[];
}

export function displayName(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function readSourceBytes(path: string): Promise<Buffer> {
  const name = displayName(path);
  try {
    return path === '-' ? await readAllStdin() : await readFile(path);
  } catch (error) {
    throw new InputError([{ file: name, line: null, column: null, header: null, message: `cannot read the file: ${describeFsError(error)}` }]);
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return (error as Error).message ?? String(error);
  }
}

/** Decodes bytes: UTF-8 (with or without BOM), else Windows-1252 with a warning. */
export function decodeBytes(name: string, bytes: Buffer): SourceText {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) {
    throw new InputError([
      { file: name, line: null, column: null, header: null, message: 'this looks like a binary file (it contains NUL bytes), not a CSV text file; save it from the spreadsheet as CSV' },
    ]);
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return { name, text: body.toString('utf8'), warnings: [] };
  {
    return {
      name,
      text: new TextDecoder('windows-1252').decode(body),
      warnings: [`${name}: not valid UTF-8; read as Windows-1252 (Excel's CSV on Windows). Save as "CSV UTF-8" to avoid this warning.`],
    };
  }
}

export async function readSource(path: string): Promise<SourceText> {
  const name = displayName(path);
  return decodeBytes(name, await readSourceBytes(path));
}
