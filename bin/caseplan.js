#!/usr/bin/env node
import { main } from '../dist/main.js';

process.stdout.on('error', (error) => {
  // A closed pipe (caseplan ... | head) is not an error.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  // Anything else (a full disk, a closed descriptor) is reported like a failed --output: exit 2.
  process.stderr.write(`caseplan: error: cannot write to standard output: ${error.code ?? error.message}\n`);
  process.exit(2);
});
process.exitCode = await main(process.argv);
