import { z } from "zod";
import { PulumiError, PulumiUpError } from "./errors";
import { runPulumi, type RunResult } from "./run";

/** One stack of the Pulumi project in `cwd`, driven through the `pulumi` CLI. */
export class PulumiStack {
  constructor(
    readonly pulumi: string,
    readonly name: string,
    readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Every config value of the stack, secrets decrypted: `pulumi config --json --show-secrets`. */
  async config(): Promise<Record<string, string>> {
    const result = await this.run(["config", "--json", "--show-secrets", "--stack", this.name], "capture");
    if (result.code !== 0) throw this.failure("Reading the config of", result);
    const parsed = configSchema().safeParse(safeJson(result.stdout));
    if (!parsed.success) {
      throw new PulumiError(`pulumi config --json --stack ${this.name} printed something that is not a config map; is ${this.pulumi} the Pulumi CLI?`);
    }
    const values: Record<string, string> = {};
    for (const [key, entry] of Object.entries(parsed.data)) {
      // Structured values (set with --path) come as JSON text in `value`, which is what
      // resolveConnection parses for vb365:connections.
      if (entry.value !== undefined) values[key] = typeof entry.value === "string" ? entry.value : JSON.stringify(entry.value);
    }
    return values;
  }

  /**
   * The stack's outputs, secrets left encrypted (`pulumi stack output --json`); empty for a stack
   * that has none yet, or whose outputs cannot be read: callers use them only to say more.
   */
  async outputs(): Promise<Record<string, unknown>> {
    const result = await this.run(["stack", "output", "--json", "--stack", this.name], "capture");
    const parsed = result.code === 0 ? safeJson(result.stdout) : undefined;
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  }

  /**
   * `pulumi config set --secret`, with the value on stdin: never on a command line, where `ps`
   * would show it. The key comes after `--`, so that no key is ever read as a flag.
   */
  async setSecret(key: string, value: string): Promise<void> {
    const result = await this.run(["config", "set", "--secret", "--stack", this.name, "--", key], "capture", value);
    if (result.code !== 0) throw this.failure(`Writing ${key} as a secret into the config of`, result);
  }

  /** `pulumi up --yes`, its output shown as it comes (on stderr when stdout is reserved for JSON). */
  async up(targets: readonly string[], output: "inherit" | "stderr"): Promise<void> {
    const args = ["up", "--yes", "--stack", this.name, ...targets.flatMap((urn) => ["--target", urn])];
    const result = await this.run(args, output);
    if (result.code !== 0) {
      throw new PulumiUpError(`pulumi up --stack ${this.name} failed with exit code ${result.code}; its output is above.`, result.code);
    }
  }

  private run(args: string[], output: "capture" | "inherit" | "stderr", input?: string): Promise<RunResult> {
    return runPulumi(this.pulumi, args, { cwd: this.cwd, env: this.env, output, input }).catch((error: NodeJS.ErrnoException) => {
      throw new PulumiError(`${this.pulumi} could not be started (${error.code ?? error.message}).`);
    });
  }

  private failure(what: string, result: RunResult): PulumiError {
    const said = result.stderr.trim().split("\n").filter(Boolean).slice(-3).join(" ") || `exit code ${result.code}`;
    return new PulumiError(
      `${what} stack "${this.name}" in ${this.cwd} failed: ${said}. ` +
        "Check --stack, --cwd (the directory with Pulumi.yaml), the backend (pulumi login or PULUMI_BACKEND_URL) " +
        "and, for a passphrase-encrypted stack, PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE.",
    );
  }
}

function configSchema() {
  return z.record(z.string(), z.object({ value: z.unknown().optional(), secret: z.boolean().optional() }).passthrough());
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
