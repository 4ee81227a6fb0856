// Runs the program and maps every outcome to a documented exit code:
// 0 success, 2 usage, 3 invalid or unreadable input, 1 a bug.
import { CommanderError, type Command, type Option } from 'commander';
import { formatProblem, InputError, UsageError } from '../errors.js';
import { processTerminal, watchOutput, type Terminal } from './emit.js';
import { buildProgram } from './program.js';

export const EXIT = { ok: 0, bug: 1, usage: 2, input: 3 } as const;

/**
 * Runs one command line and returns its exit code. A reader that goes away (`caseplan ... | head`,
 * `2>&1 | head -3`) does not change the code: the run ends as it would have (0, 2 or 3), quietly.
 * Any other failure to write stdout (a full disk) is a usage error like a failed --output (exit 2).
 */
export async function main(argv: readonly string[], terminal: Terminal = processTerminal()): Promise<number> {
  // Watched from the start, so no failed write can become an uncaught exception (exit 1).
  const stdout = watchOutput(terminal.stdout);
  const stderr = watchOutput(terminal.stderr);
  const code = await run(argv, terminal);
  await Promise.all([stdout.settled(), stderr.settled()]);
  if (stdout.failure === null) return code;
  terminal.stderr.write(`caseplan: error: cannot write to standard output: ${stdout.failure.code ?? stdout.failure.message}\n`);
  return code === EXIT.ok ? EXIT.usage : code;
}

async function run(argv: readonly string[], terminal: Terminal): Promise<number> {
  const program = buildProgram(terminal);
  if (argv.length <= 2) {
    // No command: teach, but say it was not a successful run (scripts rely on exit codes).
    terminal.stderr.write(program.helpInformation());
    return EXIT.usage;
  }
  try {
    refuseRepeatedOptions(program, argv.slice(2));
    await program.parseAsync(argv as string[]);
    return EXIT.ok;
  } catch (error) {
    return report(error, terminal, argv.includes('--debug'));
  }
}

function report(error: unknown, terminal: Terminal, debug: boolean): number {
  const err = terminal.stderr;
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    if (error.code === 'commander.executeSubCommandAsync') return EXIT.bug;
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    err.write(`caseplan: error: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof InputError) {
    for (const note of error.notes) err.write(`caseplan: warning: ${note}\n`);
    for (const problem of error.problems) err.write(`${formatProblem(problem)}\n`);
    const hidden = error.total - error.problems.length;
    if (hidden > 0) err.write(`... and ${hidden} more problem${hidden === 1 ? '' : 's'} (the first 20 in each file are shown)\n`);
    err.write(`caseplan: ${error.total} problem${error.total === 1 ? '' : 's'} in the input; nothing was calculated\n`);
    return EXIT.input;
  }
  const message = error instanceof Error ? error.message : String(error);
  err.write(`caseplan: unexpected error (a bug, please report it): ${message}\n`);
  if (debug && error instanceof Error && error.stack) err.write(`${error.stack}\n`);
  else err.write('run again with --debug for details\n');
  return EXIT.bug;
}

/**
 * An option given twice would silently take the last value: `--target 19 --target 20` is a mistake.
 * Options are matched as commander matches them (`-o` is `--output`, `--as-of=X` is `--as-of`), and
 * the value after an option that takes one is skipped, so a value is never taken for an option.
 * Unknown options are left to commander, which names them with a did-you-mean. Only --target and
 * --mix have a way to give several values, so only they suggest one.
 */
function refuseRepeatedOptions(program: Command, args: readonly string[]): void {
  const command = program.commands.find((c) => c.name() === args.find((a) => !a.startsWith('-')));
  const options = [...(command?.options ?? []), ...program.options];
  const seen = new Set<Option>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return;
    if (!arg.startsWith('-') || arg === '-') continue;
    const name = arg.startsWith('--') ? arg.split('=')[0]! : arg;
    const option = options.find((o) => o.long === name || o.short === name);
    if (option === undefined) continue;
    if (option.required && name === arg) i++; // its value is the next argument
    // --staff may name several files (an HR list and an agency supplier's list).
    // --annex-a, likewise, the lists of a workbook saved one file each.
    if (option.long === '--staff' || option.long === '--retention' || option.long === '--annex-a') continue;
    if (seen.has(option)) throw new UsageError(`${option.long ?? name} is given more than once; give it once${severalValues(option, command)}`);
    seen.add(option);
  }
}

function severalValues(option: Option, command: Command | undefined): string {
  if (option.long !== '--target' && option.long !== '--mix') return '';
  const example = option.long === '--target' ? '--target 15,17,19' : '--mix 40%,50%';
  if (command?.name() === 'compare') return `, as one comma-separated list (${example})`;
  return ` (for several targets or mixes use caseplan compare ${example})`;
}
