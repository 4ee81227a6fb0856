// The examples in the README and docs/: every `npx caseplan ...` line in a ```sh block is run by
// test/docs/examples.test.ts; an output shown after the block, between <!-- output --> and
// <!-- /output --> (stdout) or <!-- stderr exit=N --> and <!-- /stderr --> (stderr and the exit
// code), must match exactly. An output is shown in a ```text block, or as it is with
// <!-- output rendered --> (markdown output that a reader should see as tables). `node scripts/docs-examples.mjs --update` rewrites those outputs after
// a deliberate change; `node scripts/docs-examples.mjs` lists what it would change.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/caseplan.js');

/** The documents whose examples are run. */
export function documents() {
  const docs = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
  return ['README.md', ...docs.sort()];
}

/**
 * The examples of one document: each command with the line it starts on, and the output shown after
 * its block, if any ({kind: 'stdout' | 'stderr', exit, start, end, text} where start/end are the
 * line indexes of the text between the markers).
 */
export function examplesOf(text) {
  const lines = text.split('\n');
  const examples = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```sh') continue;
    const commands = [];
    let j = i + 1;
    for (; j < lines.length && lines[j].trim() !== '```'; j++) {
      if (!lines[j].startsWith('npx caseplan ')) continue;
      let command = lines[j];
      const first = j;
      while (command.endsWith('\\') && j + 1 < lines.length) command = `${command.slice(0, -1).trimEnd()} ${lines[++j].trim()}`;
      commands.push({ command, line: first + 1 });
    }
    // An output block belongs to the last command of the block, after blank lines.
    let k = j + 1;
    while (k < lines.length && lines[k].trim() === '') k++;
    const marker = /^<!-- (output|stderr)( rendered)?(?: exit=(\d+))? -->$/.exec(lines[k] ?? '');
    let output = null;
    if (marker && commands.length > 0) {
      const kind = marker[1] === 'output' ? 'stdout' : 'stderr';
      const close = kind === 'stdout' ? '<!-- /output -->' : '<!-- /stderr -->';
      const end = lines.indexOf(close, k + 1);
      if (end === -1) throw new Error(`line ${k + 1}: ${lines[k]} is not closed with ${close}`);
      output = { kind, rendered: marker[2] !== undefined, exit: marker[3] === undefined ? 0 : Number(marker[3]), start: k + 1, end, text: lines.slice(k + 1, end).join('\n') };
    }
    commands.forEach((c, n) => examples.push({ ...c, output: n === commands.length - 1 ? output : null }));
    i = j;
  }
  return examples;
}

/** A folder to run examples in: the fixtures are there, files they write land there. */
export function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'caseplan-docs-'));
  symlinkSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'));
  return dir;
}

/** Runs one example as a user would (through a shell, from a folder with the fixtures). */
export function run(command, cwd) {
  const shell = command.replace(/^npx caseplan /, `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} `);
  const result = spawnSync('bash', ['-c', shell], {
    cwd,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', COLUMNS: '' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** How an output is shown in a document: in a text block, or as it is (rendered markdown). */
export function shown(output, text) {
  const body = text.replace(/\n+$/, '');
  return output.rendered ? body : `\`\`\`text\n${body}\n\`\`\``;
}

export function updateDocuments({ write }) {
  let changed = 0;
  for (const doc of documents()) {
    const path = join(ROOT, doc);
    const lines = readFileSync(path, 'utf8').split('\n');
    const cwd = sandbox();
    // From the end, so line numbers of earlier outputs stay right.
    const examples = examplesOf(lines.join('\n')).reverse();
    for (const example of examples) {
      const result = run(example.command, cwd);
      if (example.output === null) continue;
      const actual = shown(example.output, example.output.kind === 'stdout' ? result.stdout : result.stderr);
      if (actual !== example.output.text) {
        changed++;
        console.log(`${doc}:${example.line}: ${write ? 'updated' : 'differs'}: ${example.command.slice(0, 100)}`);
        lines.splice(example.output.start, example.output.end - example.output.start, ...actual.split('\n'));
      }
    }
    if (write) writeFileSync(path, lines.join('\n'));
  }
  console.log(changed === 0 ? 'every shown output matches' : `${changed} output(s) ${write ? 'updated' : 'differ; run with --update to rewrite them'}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  updateDocuments({ write: process.argv.includes('--update') });
}
