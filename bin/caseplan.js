#!/usr/bin/env node
import { main } from '../dist/main.js';

process.stdout.on('error', (error) => {
  // A closed pipe (caseplan ... | head) is not an error.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv);
