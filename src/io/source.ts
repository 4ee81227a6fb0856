// Reading an input file (or stdin, as "-") as a stream of text chunks, so memory does not grow with
// the file: BOM stripped, UTF-8 or else Windows-1252 (Excel's "CSV" on a UK Windows machine), or
// UTF-16 with a byte-order mark (Excel's "Unicode text"), binary files refused. The whole-text form
// (readSource) is kept for the small JSON config.
import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { readSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';

export interface SourceText {
  /** How messages name the file: the path as given, or <stdin>. */
  name: string;
  text: string;
  warnings: string[];
}

/** An input read chunk by chunk. `warnings` fills in as the chunks are read. */
export interface ChunkSource {
  name: string;
  /** Size in bytes, when known (a file); null for stdin. */
  size: number | null;
  /** Bytes read so far. */
  readonly bytesRead: number;
  chunks(): AsyncIterable<string>;
  warnings: string[];
}

/**
 * 64 KiB: large enough that per-chunk work is noise, and small enough that each chunk's text is an
 * ordinary heap string. From about 128 KiB V8 puts a string in large-object space, which made
 * decoding 54 MB take 200-270 ms instead of 43 ms (measured).
 */
export const CHUNK_BYTES = 1 << 16;

export function displayName(path: string): string {
  return path === '-' ? '<stdin>' : path;
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

const cannotRead = (name: string, error: unknown) =>
  new InputError([{ file: name, line: null, column: null, header: null, message: `cannot read the file: ${describeFsError(error)}` }]);

const binary = (name: string) =>
  new InputError([
    { file: name, line: null, column: null, header: null, message: 'this looks like a binary file (it contains NUL bytes), not a CSV text file; save it from the spreadsheet as CSV' },
  ]);

const windowsWarning = (name: string) =>
  `${name}: not valid UTF-8; read as Windows-1252 (Excel's CSV on Windows). Save as "CSV UTF-8" to avoid this warning.`;

/**
 * Turns byte chunks into text: strips a UTF-8 BOM, refuses NUL bytes in the first 64 KiB, and decodes
 * UTF-8 until a chunk is not valid UTF-8, from which point on it decodes Windows-1252 (with one
 * warning). A character split across chunks is carried over whole. Everything before the first
 * invalid byte was valid UTF-8, and in practice plain ASCII, so the switch never changes earlier text.
 * A UTF-16 byte-order mark (FF FE little-endian, FE FF big-endian: Excel's "Unicode text") selects
 * UTF-16 for the whole file instead; there every other byte of plain text is NUL, so a NUL
 * character, not a NUL byte, marks a binary file, and a code unit or surrogate pair split across
 * chunks is carried over by the streaming decoder.
 */
export function createDecoder(name: string, warnings: string[]): { decode(bytes: Buffer, last: boolean): string } {
  let carry: Buffer | null = null;
  let start = true;
  let checked = 0;
  let windows: TextDecoder | null = null;
  let utf16: TextDecoder | null = null;
  return {
    decode(input, last) {
      let bytes = carry === null ? input : Buffer.concat([carry, input]);
      carry = null;
      if (start) {
        if (bytes.length < 3 && !last) {
          carry = Buffer.from(bytes);
          return '';
        }
        start = false;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
        else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
          utf16 = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', { ignoreBOM: true });
          bytes = bytes.subarray(2);
        }
      }
      if (utf16 !== null) {
        const text = utf16.decode(bytes, { stream: !last });
        if (checked < 32 * 1024) {
          if (text.slice(0, 32 * 1024 - checked).includes('\0')) throw binary(name);
          checked += text.length;
        }
        return text;
      }
      if (checked < 64 * 1024) {
        const sample = bytes.subarray(0, 64 * 1024 - checked);
        if (sample.includes(0)) throw binary(name);
        checked += sample.length;
      }
      if (windows !== null) return windows.decode(bytes, { stream: !last });
      const cut = last ? bytes.length : completeUtf8Length(bytes);
      const body = cut === bytes.length ? bytes : bytes.subarray(0, cut);
      // Plain ASCII (most exports) is copied as Latin-1, several times faster than decoding UTF-8.
      if (isAscii(body)) {
        if (cut < bytes.length) carry = Buffer.from(bytes.subarray(cut));
        return body.toString('latin1');
      }
      if (isUtf8(body)) {
        if (cut < bytes.length) carry = Buffer.from(bytes.subarray(cut));
        return body.toString('utf8');
      }
      windows = new TextDecoder('windows-1252');
      warnings.push(windowsWarning(name));
      return windows.decode(bytes, { stream: !last });
    },
  };
}

/** The length of the longest prefix that does not end inside a UTF-8 multi-byte character. */
function completeUtf8Length(bytes: Buffer): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    if (b < 0x80) return n; // ASCII: complete
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return back >= need ? n : n - back;
  }
  return n;
}

/** Opens a file (or stdin for "-") for chunked reading. Errors opening it are input errors. */
export async function openSource(path: string, options: { chunkBytes?: number } = {}): Promise<ChunkSource> {
  const name = displayName(path);
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const warnings: string[] = [];
  const decoder = createDecoder(name, warnings);
  let bytesRead = 0;
  if (path === '-') {
    return {
      name,
      size: null,
      get bytesRead() {
        return bytesRead;
      },
      warnings,
      async *chunks() {
        try {
          for await (const chunk of process.stdin) {
            const bytes = chunk as Buffer;
            bytesRead += bytes.length;
            for (let i = 0; i < bytes.length; i += chunkBytes) yield decoder.decode(bytes.subarray(i, i + chunkBytes), false);
          }
        } catch (error) {
          if (error instanceof InputError) throw error;
          throw cannotRead(name, error);
        }
        yield decoder.decode(Buffer.alloc(0), true);
      },
    };
  }
  let handle;
  let size: number;
  try {
    handle = await open(path, 'r');
    const stats = await handle.stat();
    if (stats.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    size = stats.size;
  } catch (error) {
    await handle?.close();
    throw cannotRead(name, error);
  }
  const file = handle;
  return {
    name,
    size,
    get bytesRead() {
      return bytesRead;
    },
    warnings,
    async *chunks() {
      const buffer = Buffer.allocUnsafe(chunkBytes);
      try {
        for (;;) {
          let n: number;
          try {
            // A blocking read: a CLI has nothing else to do meanwhile, and awaiting the thread pool
            // for each 64 KiB chunk left the process idle for a tenth of a national run (measured).
            n = readSync(file.fd, buffer, 0, chunkBytes, null);
          } catch (error) {
            throw cannotRead(name, error);
          }
          if (n === 0) break;
          bytesRead += n;
          // The buffer is reused, so the decoder gets a copy only of what it must carry over.
          yield decoder.decode(buffer.subarray(0, n), false);
        }
        yield decoder.decode(Buffer.alloc(0), true);
      } finally {
        await file.close();
      }
    },
  };
}

/** Reads a small file whole (the JSON config). */
export async function readSource(path: string): Promise<SourceText> {
  const name = displayName(path);
  let bytes: Buffer;
  try {
    bytes = path === '-' ? await readAllStdin() : await readFile(path);
  } catch (error) {
    throw cannotRead(name, error);
  }
  const warnings: string[] = [];
  const text = createDecoder(name, warnings).decode(bytes, true);
  return { name, text, warnings };
}

async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
