// Where output goes: stdout or --output FILE (atomically); diagnostics to stderr.
import { refuseInputOverwrite, writeAtomically } from '../io/output.js';

export interface Terminal {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export const processTerminal = (): Terminal => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

/** What became of the writes to one output stream (stdout or stderr). */
export interface OutputWatch {
  /** The reader went away (EPIPE: `caseplan ... | head`, `2>&1 | head -3`); later writes go nowhere. */
  readonly gone: boolean;
  /** The first other write error, such as ENOSPC on a full disk: the output is incomplete. */
  readonly failure: NodeJS.ErrnoException | null;
  /** Resolves once every write made so far has either been written or failed. */
  settled(): Promise<void>;
}

/** A pipe whose reader closed, or a stream already ended because of it: not a failure of the run. */
const READER_GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);

/**
 * Listens for write errors on an output stream, for the life of the process. A failed write on
 * stdout or stderr arrives as an 'error' event after the write has returned; without a listener it is
 * an uncaught exception (exit 1, "a bug"), and with a process.exit in the listener the exit code
 * depends on how far the run had got. Recording it instead lets the run finish and report its own code.
 */
export function watchOutput(stream: NodeJS.WritableStream): OutputWatch {
  let gone = false;
  let failure: NodeJS.ErrnoException | null = null;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (READER_GONE.has(error.code ?? '')) gone = true;
    else failure ??= error;
  });
  return {
    get gone() {
      return gone;
    },
    get failure() {
      return failure;
    },
    settled: () =>
      new Promise((resolve) => {
        // Failures are reported on the next ticks after the write: let them arrive before resolving.
        const done = () => setImmediate(resolve);
        const pending = (stream as { writableLength?: number }).writableLength ?? 0;
        if (pending === 0 || gone || failure !== null) return done();
        // Write callbacks run in order, failed or not: this one runs after every earlier write.
        stream.write('', done);
      }),
  };
}

/** Colour only on a terminal, never with NO_COLOR or --no-color; FORCE_COLOR turns it on. */
export function wantsColor(terminal: Terminal, options: { color?: boolean; output?: string | undefined }): boolean {
  if (options.color === false || options.output !== undefined) return false;
  if (terminal.env.NO_COLOR !== undefined && terminal.env.NO_COLOR !== '') return false;
  if (terminal.env.FORCE_COLOR !== undefined && terminal.env.FORCE_COLOR !== '' && terminal.env.FORCE_COLOR !== '0') return true;
  return terminal.stdout.isTTY === true;
}

export async function emit(terminal: Terminal, text: string, output: string | undefined, inputs: readonly (string | null)[], options: { bom?: boolean } = {}): Promise<void> {
  // A UTF-8 byte-order mark tells Excel on Windows the file is UTF-8, so "£" and "’" show right.
  const body = `${options.bom === true ? '\uFEFF' : ''}${text}${text.endsWith('\n') ? '' : '\n'}`;
  if (output === undefined) {
    terminal.stdout.write(body);
    return;
  }
  refuseInputOverwrite(output, inputs);
  await writeAtomically(output, body);
}

/** Binary output (a workbook): to stdout (a pipe) or to FILE atomically, never over an input. */
export async function emitBytes(terminal: Terminal, bytes: Uint8Array, output: string | undefined, inputs: readonly (string | null)[]): Promise<void> {
  if (output === undefined) {
    terminal.stdout.write(bytes);
    return;
  }
  refuseInputOverwrite(output, inputs);
  await writeAtomically(output, bytes);
}

export function warn(terminal: Terminal, messages: readonly string[], quiet: boolean): void {
  if (quiet) return;
  for (const message of messages) terminal.stderr.write(`caseplan: warning: ${message}\n`);
}

/** How wide a table may be before it is split: the terminal's width, or 160 columns off a terminal. */
export function tableWidth(terminal: Terminal): number {
  return terminal.stdout.isTTY === true && terminal.stdout.columns ? terminal.stdout.columns : 160;
}
