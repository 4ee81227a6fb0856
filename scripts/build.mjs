#!/usr/bin/env node
// Bundles the CLI into dist/ with esbuild: one file for what every run needs, and separate chunks
// for what only some runs load (zod for a config file, chalk and cli-table3 for terminal tables,
// csv-stringify for CSV output),
// so `caseplan --help` and `caseplan plan` do not pay for modules they do not use.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  // HiGHS finds its WebAssembly beside its own loader: loaded from node_modules, not bundled.
  external: ['highs'],
  // Bundled CommonJS packages (commander, cli-table3) call require() for Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
