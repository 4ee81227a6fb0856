// The HTML report's stylesheet, inlined into the page: system fonts only (nothing is fetched), and
// print rules for an A4 committee paper.
export const REPORT_CSS = `
:root { --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d5d9de; --band: #f3f5f7; --accent: #1d4f7c; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 28px 24px 40px; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 18px; }
.kicker { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .08em; font-size: 12px; }
h1 { margin: 2px 0 4px; font-size: 28px; line-height: 1.2; }
.subtitle { margin: 0; color: var(--muted); }
h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 15px; margin: 18px 0 6px; }
p { margin: 6px 0; }
.answer { background: var(--band); border-left: 5px solid var(--accent); padding: 12px 16px; }
.headline { font-size: 17px; font-weight: 600; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 10px; margin: 12px 0 4px; }
.figure { background: #fff; border: 1px solid var(--rule); padding: 8px 10px; }
.figure dt { font-size: 12px; color: var(--muted); }
.figure dd { margin: 2px 0 0; font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; }
.figure dd.note { font-size: 12px; font-weight: 400; color: var(--muted); }
table { border-collapse: collapse; margin: 8px 0 14px; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
tfoot td, tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
.wide { overflow-x: auto; }
table[data-table^="years"] { font-size: 13px; }
table[data-table^="years"] th, table[data-table^="years"] td { padding: 3px 5px; }
table[data-table^="years"] th { vertical-align: bottom; white-space: normal; }
table[data-table^="years"] td { white-space: nowrap; }
.good { color: #1f6e2f; font-weight: 600; }
.warn { color: #a0430a; font-weight: 600; }
.dim { color: var(--muted); }
.charts { display: grid; grid-template-columns: 1fr; gap: 8px; }
figure { margin: 6px 0 10px; }
figure svg { display: block; width: 100%; height: auto; max-width: 760px; }
figcaption { font-size: 12px; color: var(--muted); }
svg text { font-family: inherit; fill: var(--ink); }
svg .ctitle { font-size: 14px; font-weight: 600; }
svg .legend, svg .ylabel, svg .xlabel { font-size: 12px; fill: #333; }
svg .axis-title { fill: var(--muted); font-style: italic; }
svg .vlabel { font-size: 11px; fill: #222; }
svg .grid { stroke: #e3e6ea; stroke-width: 1; }
svg .axis { stroke: #555; stroke-width: 1; }
.note { color: var(--muted); }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .92em; background: var(--band); padding: 0 3px; }
.assumptions ul { padding-left: 20px; font-size: 13px; }
.sources { font-size: 12px; color: var(--muted); margin-top: 12px; }
@page { size: A4; margin: 15mm; }
@media print {
  body { font-size: 10pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  .wide { overflow: visible; }
  h1 { font-size: 20pt; }
  h2 { font-size: 13pt; margin-top: 14pt; break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  .headline { font-size: 11.5pt; }
  .figures { grid-template-columns: repeat(4, 1fr); gap: 6pt; }
  .figure dd { font-size: 14pt; }
  table { font-size: 8.5pt; }
  table[data-table^="years"] { font-size: 8.5pt; }
  /* With agency cover and retention columns the cost table has seven money columns: smaller type keeps it on A4. */
  table[data-table="years-cost"] { font-size: 7.5pt; }
  thead { display: table-header-group; }
  tr, figure, .figure, .answer, .keep, .assumptions { break-inside: avoid; page-break-inside: avoid; }
  figure svg { max-width: 100%; max-height: 80mm; }
  .years { break-before: page; page-break-before: always; }
}
`;
