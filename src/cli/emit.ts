// Where output goes: stdout or --output FILE (atomically); diagnostics to stderr.
import { refuseInputOverwrite, writeAtomically } from '../io/output.js';

export interface Terminal {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export const processTerminal = (): Terminal => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

/** Colour only on a terminal, never with NO_COLOR or --no-color; FORCE_COLOR turns it on. */
export function wantsColor(terminal: Terminal, options: { color?: boolean; output?: string | undefined }): boolean {
  if (options.color === false || options.output !== undefined) return false;
  if (terminal.env.NO_COLOR !== undefined && terminal.env.NO_COLOR !== '') return false;
  if (terminal.env.FORCE_COLOR !== undefined && terminal.env.FORCE_COLOR !== '' && terminal.env.FORCE_COLOR !== '0') return true;
  return terminal.stdout.isTTY === true;
}

export async function emit(terminal: Terminal, text: string, output: string | undefined, inputs: readonly (string | null)[]): Promise<void> {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (output === undefined) {
    terminal.stdout.write(body);
    return;
  }
  refuseInputOverwrite(output, inputs);
  await writeAtomically(output, body);
}

export function warn(terminal: Terminal, messages: readonly string[], quiet: boolean): void {
  if (quiet) return;
  for (const message of messages) terminal.stderr.write(`caseplan: warning: ${message}\n`);
}

/** How wide a table may be before it is split: the terminal's width, or 160 columns off a terminal. */
export function tableWidth(terminal: Terminal): number {
  return terminal.stdout.isTTY === true && terminal.stdout.columns ? terminal.stdout.columns : 160;
}
