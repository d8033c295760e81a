import * as fs from "node:fs";
import * as path from "node:path";
import type { TestStack } from "../../helpers/engine";
import type { SecretFinding, SecretScanner } from "./secrets";

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).map((name) => path.join(dir, name)).filter((file) => fs.statSync(file).isFile());
}

/**
 * Where the Pulumi Node.js SDK's debug messages go: the engine's event stream, shown by
 * `pulumi up --debug`. The SDK logs each RegisterResource response there, outputs included,
 * secret ones in plain text (@pulumi/pulumi runtime/resource.js): not the provider's doing, so
 * kept apart from the places the provider answers for.
 */
export const DEBUG_LOG = "Pulumi debug log (--debug)";

/** Every distinct `__provider` text of the checkpoint, inputs and outputs alike. */
export function serializedProviders(checkpointText: string): string[] {
  const checkpoint = JSON.parse(checkpointText) as { checkpoint?: { latest?: { resources?: Array<{ inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }> } } };
  const texts = new Set<string>();
  for (const resource of checkpoint.checkpoint?.latest?.resources ?? []) {
    for (const value of [resource.inputs?.__provider, resource.outputs?.__provider]) {
      // A provider that captured a secret is stored encrypted, as an object: nothing to read then.
      if (typeof value === "string") texts.add(value);
    }
  }
  return [...texts];
}

/**
 * After each engine run: scans what the run left behind for every secret the suite used. The
 * backend's files (checkpoint, backups, history) and the stack's settings file are read raw,
 * only those new or changed since the last scan; the serialized providers are read out of the
 * checkpoint; the CLI output and the provider's diagnostics are handed in by the caller; files
 * Pulumi logs to under PULUMI_HOME are read too.
 */
export class EngineScan {
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly scanner: SecretScanner,
    private readonly stack: TestStack,
  ) {}

  scanRun(run: string, cliOutput: string, providerLog: string, debugLog: string): SecretFinding[] {
    const found: SecretFinding[] = [];
    const stackFile = path.join(this.stack.stack.workspace.workDir, `Pulumi.${this.stack.stack.name}.yaml`);
    const files: Array<[string, string]> = [
      ...filesUnder(this.stack.backendDir).map((file): [string, string] => [file, `state file ${path.relative(this.stack.backendDir, file)}`]),
      [stackFile, "stack settings file"],
      ...filesUnder(path.join(this.stack.pulumiHome, "logs")).map((file): [string, string] => [file, `Pulumi log file ${path.basename(file)}`]),
    ];
    for (const [file, location] of files) {
      if (!fs.existsSync(file)) continue;
      const stat = fs.statSync(file);
      const signature = `${stat.mtimeMs}:${stat.size}`;
      if (this.seen.get(file) === signature) continue;
      this.seen.set(file, signature);
      found.push(...this.scanner.scan(run, location, fs.readFileSync(file, "utf8")));
    }
    if (fs.existsSync(this.stack.stateFilePath())) {
      for (const text of serializedProviders(this.stack.stateText())) found.push(...this.scanner.scan(run, "serialized provider", text));
    }
    found.push(...this.scanner.scan(run, "CLI output", cliOutput));
    found.push(...this.scanner.scan(run, "provider log", providerLog));
    found.push(...this.scanner.scan(run, DEBUG_LOG, debugLog));
    return found;
  }
}
