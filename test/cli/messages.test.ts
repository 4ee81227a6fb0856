// Usage messages that name the real problem: a mistyped option before a "missing" one, a repeated
// option with only a relevant suggestion, numbers too large to plan with, lists with empty or repeated
// items, and options the chosen output cannot carry. All exit 2, one message, no stack trace.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseplan, folderWith } from './run.js';

const SHEFFIELD = ['--staff', 'fixtures/sheffield-2017/staff.csv', '--as-of', '2017-09-30'];

/** The run's exit code and its stderr lines, for a usage error. */
function refused(args: string[]): string[] {
  const run = caseplan(args);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/unexpected error|\n\s+at /);
  return run.stderr.trimEnd().split('\n');
}

describe('an unknown option is named, with a suggestion, before any missing required option', () => {
  it('--traget 19 names --traget and suggests --target instead of saying --target is missing', () => {
    expect(refused(['plan', '--traget', '19', ...SHEFFIELD])).toEqual([
      "caseplan: error: unknown option '--traget'",
      '(Did you mean --target?)',
      '(run caseplan plan --help for usage)',
    ]);
  });

  it('does the same wherever the typo is, and in compare and report', () => {
    expect(refused(['plan', ...SHEFFIELD, '--traget', '19'])[0]).toBe("caseplan: error: unknown option '--traget'");
    expect(refused(['compare', '--trget', '15,17', ...SHEFFIELD]).slice(0, 2)).toEqual(["caseplan: error: unknown option '--trget'", '(Did you mean --target?)']);
    expect(refused(['report', '--html', 'x.html', '--target', '19', '--staf', 'fixtures/staff.csv']).slice(0, 2)).toEqual([
      "caseplan: error: unknown option '--staf'",
      '(Did you mean --staff?)',
    ]);
  });

  it('still says which required option is missing when nothing is mistyped', () => {
    expect(refused(['plan', ...SHEFFIELD])[0]).toBe("caseplan: error: required option '--target <cases>' not specified");
    expect(refused(['plan', '--target', '19'])[0]).toBe("caseplan: error: required option '--staff <file>' not specified");
    expect(refused(['compare', ...SHEFFIELD])[0]).toBe("caseplan: error: required option '--target <list>' not specified");
    expect(refused(['report', '--target', '19', ...SHEFFIELD])[0]).toBe('caseplan: error: report needs --html FILE, --xlsx FILE or both: where to write the report');
  });

  it('shows the help, not a missing option, for --help', () => {
    const run = caseplan(['plan', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--target <cases>');
    expect(run.stderr).toBe('');
  });
});

describe('a repeated option suggests only what applies to it', () => {
  it('a repeated --as-of says to give it once, and nothing about compare', () => {
    expect(refused(['plan', '--target', '19', ...SHEFFIELD, '--as-of', '2017-10-01'])).toEqual(['caseplan: error: --as-of is given more than once; give it once']);
    expect(refused(['plan', '--target', '19', ...SHEFFIELD, '--as-of=2017-10-01'])).toEqual(['caseplan: error: --as-of is given more than once; give it once']);
  });

  it('knows -o is --output, and does not take a value for an option', () => {
    expect(refused(['plan', '--target', '19', ...SHEFFIELD, '-o', 'a.csv', '--output', 'b.csv'])).toEqual(['caseplan: error: --output is given more than once; give it once']);
    // A file named like an option is a value, not a second --staff.
    const dir = folderWith({ '--staff': 'staff_id,role,fte,qualified_date,caseload\n1,social_worker,1,2010-01-01,20\n' });
    const run = caseplan(['plan', '--target', '19', '--staff', '--staff', '--as-of', '2017-09-30', '--format', 'csv'], { cwd: dir });
    expect(run.stderr).not.toContain('more than once');
    expect(run.code).toBe(0);
  });

  it('a repeated --target or --mix points plan to compare, and compare to one comma-separated list', () => {
    expect(refused(['plan', '--target', '19', '--mix', '50%', '--mix', '40%', ...SHEFFIELD])).toEqual([
      'caseplan: error: --mix is given more than once; give it once (for several targets or mixes use caseplan compare --mix 40%,50%)',
    ]);
    expect(refused(['compare', '--target', '17', '--target=19', ...SHEFFIELD])).toEqual([
      'caseplan: error: --target is given more than once; give it once, as one comma-separated list (--target 15,17,19)',
    ]);
  });
});

describe('numbers too large to plan with are refused, saying so', () => {
  it.each([
    [['plan', '--target', '1000000001'], "option '--target <cases>' argument '1000000001' is invalid. \"1000000001\" is too large: a caseload (cases per FTE) is at most 1,000,000,000"],
    [['plan', '--target', '99999999999999999999'], 'is too large: a caseload (cases per FTE) is at most 1,000,000,000'],
    [['compare', '--target', '19,2000000000'], '"2000000000" is too large: a caseload (cases per FTE) is at most 1,000,000,000'],
    [['plan', '--target', '19', '--early-career-cap', '5000000000', '--experienced-cap', '20'], '"5000000000" is too large: a caseload'],
    [['plan', '--target', '19', '--early-career-cap', '15', '--experienced-cap', '5000000000'], '"5000000000" is too large: a caseload'],
    [['plan', '--target', '19', '--cases', '9007199254740992'], '"9007199254740992" is too large: a number of open cases is at most 9,007,199,254,740,991, the largest whole number counted exactly'],
    [['plan', '--target', '19', '--cases', '99999999999999999999'], 'is too large: a number of open cases'],
    [['plan', '--target', '19', '--experience-years', '99999999999999'], '"99999999999999" is too large: a number of years after qualifying is at most 60'],
  ])('%j', (args, message) => {
    const lines = refused([...args, ...SHEFFIELD]);
    expect(lines[0]).toContain(message);
    expect(lines).toHaveLength(2);
  });

  it('accepts the largest values allowed', () => {
    expect(caseplan(['plan', '--target', '1000000000', ...SHEFFIELD, '--format', 'csv']).code).toBe(0);
    expect(caseplan(['plan', '--target', '19', '--experience-years', '60', ...SHEFFIELD, '--format', 'csv']).code).toBe(0);
    const run = caseplan(['plan', '--target', '19', '--cases', '9007199254740991', ...SHEFFIELD]);
    expect(run.stderr).not.toContain('too large');
    expect(run.stderr).toContain('over 10,000,000 hires');
  });
});

describe('lists with an empty or repeated item are refused', () => {
  it.each([
    [['--target', '19,19'], "option '--target <list>' argument '19,19' is invalid. 19 is listed twice: give each value once"],
    [['--target', '19,17.0,17'], '17.0 and 17 are the same value: give each value once'],
    [['--target', '19,,15'], "option '--target <list>' argument '19,,15' is invalid. item 2 is empty: separate the values with single commas, such as 15,17,19"],
    [['--target', '19,'], 'item 2 is empty'],
    [['--target', ',19'], 'item 1 is empty'],
    [['--target', ','], 'expected a comma-separated list such as 15,17,19, got ","'],
    [['--target', '19', '--mix', '40%,40%'], "option '--mix <list>' argument '40%,40%' is invalid. 40% is listed twice: give each value once"],
    [['--target', '19', '--mix', '50%,0.5'], '50% and 0.5 are the same value: give each value once'],
    [['--target', '19', '--mix', '40%,,50%'], "option '--mix <list>' argument '40%,,50%' is invalid. item 2 is empty"],
  ])('compare %j', (args, message) => {
    expect(refused(['compare', ...args, ...SHEFFIELD])[0]).toContain(message);
  });

  it('still accepts a list with spaces after the commas', () => {
    const run = caseplan(['compare', '--target', '17, 19', '--mix', '40%, 50%', ...SHEFFIELD, '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(5);
  });
});

describe('an option the output format cannot carry is refused, not dropped', () => {
  it('--explain with --format csv (exit 2), before any file is read', () => {
    const message = 'caseplan: error: --explain cannot be written with --format csv (the explanation is text; CSV holds only the plan table): use --format table, markdown or json';
    expect(refused(['plan', '--target', '19', ...SHEFFIELD, '--format', 'csv', '--explain'])).toEqual([message]);
    expect(refused(['plan', '--target', '19', ...SHEFFIELD, '--years', '3', '--format', 'csv', '--explain'])).toEqual([message]);
    expect(refused(['plan', '--target', '19', '--staff', 'no-such-file.csv', '--format', 'csv', '--explain'])).toEqual([message]);
  });

  it('--explain still works with table, markdown and json', () => {
    for (const format of ['table', 'markdown', 'json']) {
      const run = caseplan(['plan', '--target', '19', ...SHEFFIELD, '--format', format, '--explain']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(format === 'json' ? /"explanation"/ : /How these numbers were derived/);
    }
  });

  it('report --html - says standard output is not supported (exit 2) and writes nothing', () => {
    const dir = folderWith({});
    const run = caseplan(['report', '--html', '-', '--target', '19', ...SHEFFIELD], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'caseplan: error: --html - (standard output) is not supported: the report is a whole HTML page, written atomically to a file; give a file name such as --html plan.html\n',
    );
    expect(existsSync(join(dir, '-'))).toBe(false);
  });
});
