// Blocks (document.ts) as HTML, every piece of text escaped: what the HTML report is made of.
import { cellOf, type Block, type Emphasis } from './document.js';
import { renderChart } from './chart.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function emphasised(text: string, emphasis: Emphasis | undefined): string {
  const html = escapeHtml(text);
  switch (emphasis) {
    case 'strong':
      return `<strong>${html}</strong>`;
    case 'good':
    case 'warn':
    case 'dim':
      return `<span class="${emphasis}">${html}</span>`;
    default:
      return html;
  }
}

function tableHtml(block: Extract<Block, { kind: 'table' }>, attributes: string): string {
  const align = (i: number) => (block.align[i] === 'right' ? ' class="num"' : '');
  const head = block.head.map((h, i) => `<th scope="col"${align(i)}>${escapeHtml(h)}</th>`).join('');
  const rows = block.rows.map((row, r) => {
    const isTotal = block.totalRow === true && r === block.rows.length - 1;
    const cells = row.map((c, i) => `<td${align(i)}>${emphasised(cellOf(c).text, cellOf(c).emphasis)}</td>`).join('');
    return `<tr${isTotal ? ' class="total"' : ''}>${cells}</tr>`;
  });
  const body = block.totalRow === true ? rows.slice(0, -1) : rows;
  const foot = block.totalRow === true ? `<tfoot>${rows[rows.length - 1] ?? ''}</tfoot>` : '';
  return `<table${attributes}><thead><tr>${head}</tr></thead><tbody>${body.join('\n')}</tbody>${foot}</table>`;
}

/** One block as HTML; `attributes` (already escaped) go on a table. Headings are h2. */
export function blockHtml(block: Block, attributes = ''): string {
  switch (block.kind) {
    case 'heading':
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      return `<p>${emphasised(block.text, block.emphasis)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</${tag}>`;
    }
    case 'chart':
      return `<pre>${escapeHtml(renderChart(block.chart).join('\n'))}</pre>`;
    case 'table':
      return tableHtml(block, attributes);
  }
}
