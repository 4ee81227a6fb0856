#!/usr/bin/env node
import { main } from '../dist/main.js';

// main() maps every outcome to a documented exit code, including a closed pipe on stdout or stderr
// (the run's own code) and a full disk on stdout (exit 2).
process.exitCode = await main(process.argv);
