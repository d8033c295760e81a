#!/usr/bin/env node
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CliUsageError, parseCliOptions, USAGE } from "./cli-options";
import { DEFAULT_USER, startEmulator } from "./index";

/**
 * `vb365-emulator`: the emulator as a process for the demo and for clients in other languages.
 * The one stdout line is the contract with whoever started it; everything else goes to stderr.
 */
async function main(): Promise<void> {
  let command;
  try {
    command = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`vb365-emulator: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (command.kind === "help") {
    process.stdout.write(USAGE);
    return;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const emulator = await startEmulator({ ...command.options, logger: command.quiet ? undefined : log });

  let caFile: string | undefined;
  let tempDir: string | undefined;
  if (emulator.caPem) {
    if (command.caFile) {
      caFile = resolve(command.caFile);
    } else {
      tempDir = mkdtempSync(join(tmpdir(), "vb365-emulator-"));
      caFile = join(tempDir, "ca.pem");
    }
    writeFileSync(caFile, emulator.caPem);
  }
  // Handlers go in before the ready line: whoever reads it may signal us right away.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`vb365-emulator: ${signal}, stopping`);
    emulator
      .close()
      .finally(() => {
        if (tempDir) rmSync(tempDir, { recursive: true, force: true });
        process.exit(0);
      });
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  const users = command.options.users ?? [DEFAULT_USER];
  const ready = {
    url: emulator.url,
    ...(caFile ? { caFile, fingerprint: emulator.fingerprint } : {}),
    versions: emulator.versions,
    users: users.map((user) => user.name),
    controlUrl: `${emulator.url}/__emulator`,
    pid: process.pid,
    ...(command.options.stateFile ? { stateFile: resolve(command.options.stateFile) } : {}),
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  log(`vb365-emulator: listening on ${emulator.url} (${emulator.versions.join(", ")})`);
  if (!command.options.users) log(`vb365-emulator: log in as ${DEFAULT_USER.name} / ${DEFAULT_USER.password} (the default user)`);
  if (caFile) log(`vb365-emulator: certificate ${caFile} (SHA-256 ${emulator.fingerprint})`);
}

main().catch((error: unknown) => {
  process.stderr.write(`vb365-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
