#!/usr/bin/env node
import { main } from "./main";
import { processIo } from "./io";

// exitCode rather than process.exit(): stdout may be a pipe that still holds the --json output.
main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`vb365: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
