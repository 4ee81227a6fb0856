// The workbook writer and reader (src/io/render/xlsx.ts): a workbook of two sheets covering every
// column kind, a totals row and formula-like text is read back with readWorkbook cell by cell, and
// its XML (an .xlsx is a zip) is inspected for number formats, bold, the frozen header, widths, the
// SUM formulas with their cached figures and text stored as text. When LibreOffice is installed it
// converts the workbook to CSV, recalculating, and the totals must come out as caseplan's figures;
// without it those tests are skipped with a message.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook, workbookBytes, type XlsxSheet } from '../../src/io/render/xlsx.js';

const CREATED = new Date('2026-09-30T17:45:12Z');

const COST: XlsxSheet = {
  name: 'Cost by group',
  columns: [
    { header: 'Group', kind: 'text' },
    { header: 'Hires', kind: 'integer' },
    { header: 'Caseload', kind: 'number' },
    { header: 'FTE', kind: 'fte' },
    { header: 'Annual cost', kind: 'money', width: 18 },
    { header: 'Agency share', kind: 'percent' },
    { header: 'Start', kind: 'date' },
  ],
  rows: [
    ['=HYPERLINK("x")', 3, 17.25, 2.5, 145_230.5, 0.125, '2026-10-01'],
    ['Assessment', 1_250, 21, 0.75, 0.1 + 0.2, 0.5, '2027-03-31'],
    ['Children in care', 0, 14.8, 1, 1_000_000, 0, null],
  ],
  total: { label: 'Total', sum: [1, 3, 4, 5], values: [null, 1_253, 17.68, 4.25, 1_145_230.8, 0.625, null] },
  notes: ['Costs are for one year at 2026-27 rates.', '=1+1 is text here'],
};

const SOURCES: XlsxSheet = {
  name: 'Assumptions & sources',
  columns: [
    { header: 'Assumption', kind: 'text' },
    { header: 'Value', kind: 'number' },
    { header: 'Source', kind: 'text' },
  ],
  rows: [
    ['Target caseload', 19, '@SUM(A1)'],
    ['Growth', 0.04, '+44 114 273 4567'],
    ['Counted agency staff', true, null],
  ],
};

const bytes = await workbookBytes([COST, SOURCES], { title: 'Plan <2026> & costs', created: CREATED });
const files = unzipSync(bytes);

function part(name: string): string {
  const file = files[name];
  if (file === undefined) throw new Error(`no ${name} in the workbook`);
  return strFromU8(file);
}

function attributes(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Each sheet's XML by sheet name, through workbook.xml and its relationships. */
function sheetXml(name: string): string {
  const targets = new Map([...part('xl/_rels/workbook.xml.rels').matchAll(/<Relationship ([^>]*)\/>/g)].map((m) => {
    const a = attributes(m[1]!);
    return [a.Id!, a.Target!];
  }));
  for (const m of part('xl/workbook.xml').matchAll(/<sheet ([^>]*)\/>/g)) {
    const a = attributes(m[1]!);
    if (unescapeXml(a.name!) === name) return part(`xl/${targets.get(a['r:id']!)}`);
  }
  throw new Error(`no sheet ${name}`);
}

interface XmlCell {
  attrs: Record<string, string>;
  formula: string | null;
  value: string | null;
}

function cellsOf(xml: string): Map<string, XmlCell> {
  const cells = new Map<string, XmlCell>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/g)) {
    const inner = m[3] ?? '';
    cells.set(m[1]!, {
      attrs: attributes(m[2]!),
      formula: /<f>(.*?)<\/f>/.exec(inner)?.[1] ?? null,
      value: /<v>(.*?)<\/v>/.exec(inner)?.[1] ?? null,
    });
  }
  return cells;
}

/** A cell's number format code and whether its font is bold, from xl/styles.xml. */
function styleOf(cell: XmlCell | undefined): { format: string; bold: boolean } {
  const styles = part('xl/styles.xml');
  const codes = new Map([...styles.matchAll(/<numFmt ([^>]*)\/>/g)].map((m) => {
    const a = attributes(m[1]!);
    return [a.numFmtId!, unescapeXml(a.formatCode!)];
  }));
  const xfs = [.../<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)![1]!.matchAll(/<xf\b([^>]*)>/g)].map((m) => attributes(m[1]!));
  const fonts = [.../<fonts[^>]*>(.*?)<\/fonts>/.exec(styles)![1]!.matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1]!.includes('<b/>'));
  const xf = xfs[Number(cell?.attrs.s ?? 0)]!;
  const id = xf.numFmtId ?? '0';
  return { format: id === '0' ? 'General' : codes.get(id) ?? `built-in ${id}`, bold: fonts[Number(xf.fontId ?? 0)] ?? false };
}

describe('workbookBytes and readWorkbook', () => {
  it('reads back every cell as written: text, whole numbers, numbers, pounds, FTE, fractions, dates, booleans and empty cells', async () => {
    const sheets = await readWorkbook(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['Cost by group', 'Assumptions & sources']);
    expect(sheets[0]!.rows).toEqual([
      ['Group', 'Hires', 'Caseload', 'FTE', 'Annual cost', 'Agency share', 'Start'],
      ['=HYPERLINK("x")', 3, 17.25, 2.5, 145_230.5, 0.125, '2026-10-01'],
      // 0.1 + 0.2 pounds is written as the penny figure 0.3
      ['Assessment', 1_250, 21, 0.75, 0.3, 0.5, '2027-03-31'],
      ['Children in care', 0, 14.8, 1, 1_000_000, 0, null],
      ['Total', 1_253, 17.68, 4.25, 1_145_230.8, 0.625, null],
      [null, null, null, null, null, null, null],
      ['Costs are for one year at 2026-27 rates.', null, null, null, null, null, null],
      ['=1+1 is text here', null, null, null, null, null, null],
    ]);
    expect(sheets[1]!.rows).toEqual([
      ['Assumption', 'Value', 'Source'],
      ['Target caseload', 19, '@SUM(A1)'],
      ['Growth', 0.04, '+44 114 273 4567'],
      ['Counted agency staff', true, null],
    ]);
  });

  it('writes the totals row as SUM formulas over the data rows, each with caseplan\'s figure cached, and the other totals as plain values', () => {
    const cells = cellsOf(sheetXml('Cost by group'));
    const totals = ['B5', 'C5', 'D5', 'E5', 'F5'].map((ref) => [ref, cells.get(ref)?.formula, cells.get(ref)?.value]);
    expect(totals).toEqual([
      ['B5', 'SUM(B2:B4)', '1253'],
      ['C5', null, '17.68'],
      ['D5', 'SUM(D2:D4)', '4.25'],
      ['E5', 'SUM(E2:E4)', '1145230.8'],
      ['F5', 'SUM(F2:F4)', '0.625'],
    ]);
    expect(cells.has('G5')).toBe(false);
  });

  it('stores formula-like text as string cells: the only formulas in the workbook are the four totals', () => {
    const cost = cellsOf(sheetXml('Cost by group'));
    const sources = cellsOf(sheetXml('Assumptions & sources'));
    for (const ref of ['A2', 'A8']) expect(cost.get(ref)).toMatchObject({ attrs: { t: 's' }, formula: null });
    for (const ref of ['C2', 'C3']) expect(sources.get(ref)).toMatchObject({ attrs: { t: 's' }, formula: null });
    const formulas = [...cost.values(), ...sources.values()].filter((c) => c.formula !== null).map((c) => c.formula);
    expect(formulas).toEqual(['SUM(B2:B4)', 'SUM(D2:D4)', 'SUM(E2:E4)', 'SUM(F2:F4)']);
    const strings = [...part('xl/sharedStrings.xml').matchAll(/<si><t[^>]*>(.*?)<\/t><\/si>/g)].map((m) => unescapeXml(m[1]!));
    expect(strings[Number(cost.get('A2')!.value)]).toBe('=HYPERLINK("x")');
  });

  it('gives each column its number format, in data and totals rows, and makes the header and totals bold', () => {
    const cells = cellsOf(sheetXml('Cost by group'));
    const row = (n: number) => 'ABCDEFG'.split('').map((col) => styleOf(cells.get(`${col}${n}`)));
    const formats = ['@', '#,##0', 'General', '0.00', '"£"#,##0.00', '0.0%', 'yyyy-mm-dd'];
    expect(row(1)).toEqual(formats.map(() => ({ format: '@', bold: true })));
    expect(row(2)).toEqual(formats.map((format) => ({ format, bold: false })));
    // the totals row: G5 is empty, so it has no style
    expect(row(5)).toEqual([...formats.slice(0, 6).map((format) => ({ format, bold: true })), { format: 'General', bold: false }]);
    // a date is a real date: a day number shown yyyy-mm-dd (2026-10-01 is day 46296)
    expect(cells.get('G2')).toMatchObject({ attrs: { s: expect.any(String) }, value: '46296' });
    expect(cells.get('G2')?.attrs.t).toBeUndefined();
    // a boolean is a boolean cell
    expect(cellsOf(sheetXml('Assumptions & sources')).get('B4')).toMatchObject({ attrs: { t: 'b' }, value: '1' });
  });

  it('freezes the header row and sets column widths: as given, or fitted to the header and the widest value', () => {
    const xml = sheetXml('Cost by group');
    expect(attributes(/<pane ([^>]*)\/>/.exec(xml)![1]!)).toMatchObject({ ySplit: '1', topLeftCell: 'A2', state: 'frozen' });
    const widths = [...xml.matchAll(/<col ([^>]*)\/>/g)].map((m) => Number(attributes(m[1]!).width));
    // "=HYPERLINK("x")" and "Children in care" are 16 characters; "1,250"; "Caseload"; "4.25";
    // 18 as given; "Agency share"; a date is 10 characters; each plus 2
    expect(widths).toEqual([18, 7, 10, 6, 18, 14, 12]);
    expect(/<pane /.test(sheetXml('Assumptions & sources'))).toBe(true);
  });

  it('writes the title and created date as document properties', () => {
    const core = part('docProps/core.xml');
    expect(core).toContain('<dc:title>Plan &lt;2026&gt; &amp; costs</dc:title>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-09-30T17:45:12Z</dcterms:created>');
    expect(part('[Content_Types].xml')).toContain('PartName="/docProps/core.xml"');
    expect(part('_rels/.rels')).toContain('Target="docProps/core.xml"');
  });

  it('gives the same bytes for the same sheets and created date, with every zip entry stamped that date in UTC, whatever the time zone', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Auckland';
    try {
      const again = await workbookBytes([COST, SOURCES], { title: 'Plan <2026> & costs', created: CREATED });
      expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    // each local file header: signature PK\3\4, DOS time at offset 10 and date at 12
    const view = Buffer.from(bytes);
    const stamps = new Set<string>();
    for (let at = view.indexOf('PK\x03\x04', 0, 'latin1'); at >= 0; at = view.indexOf('PK\x03\x04', at + 4, 'latin1')) {
      const time = view.readUInt16LE(at + 10);
      const date = view.readUInt16LE(at + 12);
      stamps.add(`${(date >> 9) + 1980}-${(date >> 5) & 15}-${date & 31} ${time >> 11}:${(time >> 5) & 63}:${(time & 31) * 2}`);
    }
    expect([...stamps]).toEqual(['2026-9-30 17:45:12']);
  });

  it('writes a totals figure as a plain value when there are no data rows to sum', async () => {
    const empty: XlsxSheet = { name: 'Teams', columns: [{ header: 'Team', kind: 'text' }, { header: 'Cost', kind: 'money' }], rows: [], total: { label: 'Total', sum: [1], values: [null, 0] } };
    const written = await workbookBytes([empty], { created: CREATED });
    expect(strFromU8(unzipSync(written)['xl/worksheets/sheet1.xml']!)).not.toContain('<f>');
    expect((await readWorkbook(written))[0]!.rows).toEqual([['Team', 'Cost'], ['Total', 0]]);
  });

  it('takes large sums of money to the penny, whatever the float error, and totals them in whole pence', async () => {
    const money: XlsxSheet = {
      name: 'Paybill',
      columns: [{ header: 'Year', kind: 'text' }, { header: 'Paybill', kind: 'money' }],
      rows: [['2026-27', 123_456_789.12], ['2027-28', 0.07], ['2028-29', 0.1 + 0.2]],
      total: { label: 'Total', sum: [1], values: [null, 123_456_789.49] },
    };
    const [sheet] = await readWorkbook(await workbookBytes([money], { created: CREATED }));
    expect(sheet!.rows.map((row) => row[1])).toEqual(['Paybill', 123_456_789.12, 0.07, 0.3, 123_456_789.49]);
    const halfPenny = { ...money, rows: [['2026-27', 123_456_789.125], ['2027-28', 0.365]] };
    await expect(workbookBytes([{ ...halfPenny, total: undefined }])).rejects.toThrow('£123456789.125 has more than 2 decimals');
  });

  const refusals: [string, XlsxSheet[], string][] = [
    ['a sheet name with a character Excel forbids', [{ ...SOURCES, name: 'Costs: 2026/27' }], 'the sheet name "Costs: 2026/27" contains one of [ ] : * ? / \\'],
    ['a sheet name over 31 characters', [{ ...SOURCES, name: 'Paybill by group and year, with agency' }], 'is 38 characters long (Excel allows 31)'],
    ['two sheets named alike regardless of case', [SOURCES, { ...SOURCES, name: 'assumptions & SOURCES' }], 'is used for two sheets'],
    ['an empty sheet name', [{ ...SOURCES, name: '' }], 'the sheet name "" is empty'],
    ['money with more than 2 decimals', [{ ...COST, rows: [['a', 1, 1, 1, 10.005, 0, null]], total: undefined }], 'data row 1, column "Annual cost": £10.005 has more than 2 decimals'],
    ['a whole-number column holding a fraction', [{ ...COST, rows: [['a', 1.5, 1, 1, 10, 0, null]], total: undefined }], 'column "Hires": 1.5 is not a whole number'],
    ['a date that is not a day of the calendar', [{ ...COST, rows: [['a', 1, 1, 1, 10, 0, '2026-02-30']], total: undefined }], '"2026-02-30" is not a date written YYYY-MM-DD'],
    ['a row with too few values', [{ ...SOURCES, rows: [['a', 1]] }], 'data row 1 has 2 values for 3 columns'],
    ['a number that is not finite', [{ ...SOURCES, rows: [['a', Number.NaN, null]] }], 'column "Value": NaN is not a finite number'],
    ['a cached total a penny off the sum of the rows', [{ ...COST, total: { ...COST.total!, values: [null, 1_253, 17.68, 4.25, 1_145_230.81, 0.625, null] } }], 'column "Annual cost": the total 1145230.81 is not the sum of the rows above (1145230.8)'],
    ['a total of a date column', [{ ...COST, total: { ...COST.total!, sum: [1, 6] } }], 'the totals row sums the date column "Start"'],
  ];
  it.each(refusals)('refuses %s, saying where', async (_what, sheets, message) => {
    await expect(workbookBytes(sheets)).rejects.toThrow(message);
  });

  it('refuses bytes that are not a workbook', async () => {
    await expect(readWorkbook(strToU8('Group,Cost\nA,1\n'))).rejects.toThrow('not a readable .xlsx workbook');
  });
});

// LibreOffice (`apt-get install libreoffice-calc-nogui`): convert to CSV headless, every sheet,
// cells as shown. Its user profile (a temporary folder) sets whether it recalculates formulas on
// loading an .xlsx file: always, or never (then it shows the cached figures).
const soffice = (() => {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
})();
if (soffice === null) console.warn('test/io/xlsx: LibreOffice tests SKIPPED: no soffice on the PATH (apt-get install libreoffice-calc-nogui)');

const scratch = mkdtempSync(join(tmpdir(), 'caseplan-xlsx-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Each sheet as CSV text, as LibreOffice shows it after loading the workbook. */
function libreOfficeCsv(workbook: Uint8Array, recalculate: boolean): Map<string, string> {
  const run = join(scratch, `${recalculate ? 'recalc' : 'cached'}-${readdirSync(scratch).length}`);
  const profile = join(run, 'profile');
  execFileSync('mkdir', ['-p', join(profile, 'user')]);
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      // OOXMLRecalcMode: 0 always recalculate, 1 never
      `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${recalculate ? 0 : 1}</value></prop></item>\n</oor:items>\n`,
  );
  const file = join(run, 'plan.xlsx');
  writeFileSync(file, workbook);
  // comma, double quote, UTF-8, from line 1, …, cells as shown, …, every sheet to its own file
  execFileSync(soffice!, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', run, file], { stdio: 'pipe', timeout: 120_000 });
  return new Map(readdirSync(run).filter((f) => f.endsWith('.csv')).map((f) => [f.slice('plan-'.length, -'.csv'.length), readFileSync(join(run, f), 'utf8')]));
}

/** The workbook with one cached figure changed, as if caseplan had cached a wrong total. */
function withCachedValue(workbook: Uint8Array, from: string, to: string): Uint8Array {
  const unpacked = unzipSync(workbook);
  const xml = strFromU8(unpacked['xl/worksheets/sheet1.xml']!);
  if (!xml.includes(`<v>${from}</v>`)) throw new Error(`no cached ${from}`);
  unpacked['xl/worksheets/sheet1.xml'] = strToU8(xml.replace(`<v>${from}</v>`, `<v>${to}</v>`));
  return zipSync(unpacked);
}

describe.skipIf(soffice === null)('the workbook in LibreOffice (headless, converted to CSV)', () => {
  it('shows every sheet with its number formats, the formula-like text as text, and the totals recalculated to caseplan\'s figures', () => {
    const sheets = libreOfficeCsv(bytes, true);
    expect([...sheets.keys()].sort()).toEqual(['Assumptions & sources', 'Cost by group']);
    expect(sheets.get('Cost by group')).toBe(
      [
        'Group,Hires,Caseload,FTE,Annual cost,Agency share,Start',
        '"=HYPERLINK(""x"")",3,17.25,2.50,"£145,230.50",12.5%,2026-10-01',
        'Assessment,"1,250",21,0.75,£0.30,50.0%,2027-03-31',
        'Children in care,0,14.8,1.00,"£1,000,000.00",0.0%,',
        'Total,"1,253",17.68,4.25,"£1,145,230.80",62.5%,',
        ',,,,,,',
        'Costs are for one year at 2026-27 rates.,,,,,,',
        '=1+1 is text here,,,,,,',
        '',
      ].join('\n'),
    );
    expect(sheets.get('Assumptions & sources')).toBe(
      ['Assumption,Value,Source', 'Target caseload,19,@SUM(A1)', 'Growth,0.04,+44 114 273 4567', 'Counted agency staff,TRUE,', ''].join('\n'),
    );
  }, 180_000);

  it('really recalculates: a wrong cached total is replaced by the SUM, and is shown as cached when LibreOffice does not recalculate', () => {
    const tampered = withCachedValue(bytes, '1145230.8', '999');
    const totalRow = (csv: string | undefined) => csv?.split('\n').find((line) => line.startsWith('Total,'));
    expect(totalRow(libreOfficeCsv(tampered, true).get('Cost by group'))).toBe('Total,"1,253",17.68,4.25,"£1,145,230.80",62.5%,');
    expect(totalRow(libreOfficeCsv(tampered, false).get('Cost by group'))).toBe('Total,"1,253",17.68,4.25,£999.00,62.5%,');
  }, 180_000);
});
