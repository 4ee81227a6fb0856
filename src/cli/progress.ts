// A progress display on stderr while a big input file is read: a bar with bytes read of the total,
// rows a second and time left, redrawn at most ten times a second and wiped when the file is done.
// Only for a person watching: never off a terminal or with --quiet; only for files over 20 MB; for
// stdin (size unknown) a row counter instead of a bar.
import type { ReadOptions, ReadProgress } from '../app/inputs.js';
import type { ChunkSource } from '../io/source.js';
import { grouped } from '../io/render/numbers.js';
import type { Terminal } from './emit.js';

export const PROGRESS_MIN_BYTES = 20 * 1024 * 1024;

export interface ProgressState {
  name: string;
  bytes: number;
  total: number | null;
  rows: number;
  seconds: number;
}

const MB = 1024 * 1024;

/** One line of progress, at most `width` characters. */
export function progressLine(state: ProgressState, width: number): string {
  const rate = state.seconds > 0 ? state.rows / state.seconds : 0;
  const perSecond = `${grouped(Math.round(rate), 0, 0)} rows/s`;
  if (state.total === null || state.total === 0) {
    return clip(`${state.name}: ${grouped(state.rows, 0, 0)} rows read, ${perSecond}`, width);
  }
  const fraction = Math.min(1, state.bytes / state.total);
  const left = fraction > 0 ? (state.seconds / fraction) * (1 - fraction) : null;
  const eta = left === null ? '--' : left < 60 ? `${Math.ceil(left)}s` : `${Math.floor(left / 60)}m${String(Math.ceil(left % 60)).padStart(2, '0')}s`;
  const tail = ` ${Math.floor(fraction * 100)
    .toString()
    .padStart(3)}% ${(state.bytes / MB).toFixed(1)}/${(state.total / MB).toFixed(1)} MB, ${perSecond}, ETA ${eta}`;
  const label = `${state.name} `;
  const barWidth = Math.max(10, Math.min(30, width - label.length - tail.length - 2));
  const filled = Math.round(fraction * barWidth);
  return clip(`${label}[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${tail}`, width);
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** The read options for a command: a progress display when a person is watching stderr. */
export function progressOptions(terminal: Terminal, quiet: boolean, minBytes = PROGRESS_MIN_BYTES, clock: () => number = () => performance.now()): ReadOptions {
  const stderr = terminal.stderr as Terminal['stderr'] & { columns?: number };
  if (quiet || stderr.isTTY !== true) return {};
  return {
    watch(source: ChunkSource): ReadProgress | undefined {
      if (source.size !== null && source.size <= minBytes) return undefined;
      const started = clock();
      let lastDrawn = -Infinity;
      let drawn = false;
      const draw = (rows: number) => {
        const width = Math.max(40, (stderr.columns || 80) - 1);
        const state = { name: source.name, bytes: source.bytesRead, total: source.size, rows, seconds: (clock() - started) / 1000 };
        stderr.write(`\r${progressLine(state, width)}\x1b[K`);
        drawn = true;
      };
      return {
        update(rows) {
          const now = clock();
          if (now - lastDrawn < 100) return;
          lastDrawn = now;
          draw(rows);
        },
        done() {
          if (drawn) stderr.write('\r\x1b[K');
        },
      };
    },
  };
}
