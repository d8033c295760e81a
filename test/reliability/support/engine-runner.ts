import type { EngineEvent } from "@pulumi/pulumi/automation";
import type { TestStack } from "../../helpers/engine";
import { EngineScan } from "./engine-scan";
import { results } from "./results";
import type { SecretFinding } from "./secrets";

export type EngineCommand = "up" | "refresh" | "destroy" | "preview";

/** One engine run as the suite saw it. */
export interface EngineRun {
  name: string;
  command: EngineCommand;
  ok: boolean;
  /** The errors the run reported (the engine's error diagnostics), or the CLI's failure. */
  error?: string;
  output: string;
  durationMs: number;
  findings: SecretFinding[];
}

interface Streams {
  onOutput: (out: string) => void;
  onError: (err: string) => void;
  onEvent: (event: EngineEvent) => void;
}

/**
 * Runs Automation API operations on a TestStack and, after each, scans what it left behind for
 * every secret the suite knows: the CLI output, the provider's diagnostics, the Pulumi SDK's
 * debug messages (kept apart), the backend's files and the serialized providers.
 */
export class EngineRunner {
  private readonly scan: EngineScan;

  constructor(readonly stack: TestStack) {
    this.scan = new EngineScan(results.secrets, stack);
  }

  /** `target`: the URNs (or patterns) of a targeted up, such as a tenant's certificate alone. */
  up(name: string, target?: string[]): Promise<EngineRun> {
    return this.run(name, "up", (streams) => this.stack.stack.up({ color: "never", ...(target ? { target } : {}), ...streams }));
  }

  refresh(name: string): Promise<EngineRun> {
    return this.run(name, "refresh", (streams) => this.stack.stack.refresh({ color: "never", ...streams }));
  }

  preview(name: string): Promise<EngineRun> {
    return this.run(name, "preview", (streams) => this.stack.stack.preview({ color: "never", diff: true, ...streams }));
  }

  destroy(name: string, target?: string[]): Promise<EngineRun> {
    return this.run(name, "destroy", (streams) => this.stack.stack.destroy({ color: "never", ...(target ? { target } : {}), ...streams }));
  }

  /** Scans the output of a command the suite ran itself (a CLI spawned to be interrupted). */
  scanCommand(name: string, output: string): SecretFinding[] {
    return this.scan.scanRun(name, output, "", "");
  }

  private async run(name: string, command: EngineCommand, operation: (streams: Streams) => Promise<unknown>): Promise<EngineRun> {
    let output = "";
    let providerLog = "";
    let debugLog = "";
    let errors = "";
    const started = Date.now();
    let failure: string | undefined;
    try {
      await operation({
        onOutput: (out) => (output += out),
        onError: (err) => (output += err),
        onEvent: (event) => {
          const diagnostic = event.diagnosticEvent;
          if (!diagnostic) return;
          // Severity "debug" is the Pulumi SDK's own log of the program's RPCs, shown by --debug only.
          if ((diagnostic.severity as string) === "debug") debugLog += `${diagnostic.message}\n`;
          else providerLog += `${diagnostic.severity}: ${diagnostic.message}\n`;
          if (diagnostic.severity === "error") errors += diagnostic.message;
        },
      });
    } catch (caught) {
      failure = caught instanceof Error ? caught.message : String(caught);
      output += `\n${failure}`;
    }
    const findings = this.scan.scanRun(name, output, providerLog, debugLog);
    results.engineRuns++;
    return { name, command, ok: failure === undefined, error: failure === undefined ? undefined : errors || failure, output, durationMs: Date.now() - started, findings };
  }
}
