// Picks the renderer for a format, loading the terminal one (chalk, cli-table3) only when needed.
import type { Block } from '../io/render/document.js';
import { renderMarkdown } from '../io/render/document.js';
import { tableWidth, wantsColor, type Terminal } from './emit.js';

export async function renderDocument(blocks: Block[], format: 'table' | 'markdown', terminal: Terminal, flags: { color?: boolean; output?: string | undefined }): Promise<string> {
  if (format === 'markdown') return renderMarkdown(blocks);
  const { renderTerminal } = await import('../io/render/terminal.js');
  return renderTerminal(blocks, { color: wantsColor(terminal, flags), width: tableWidth(terminal) });
}
