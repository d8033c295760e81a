import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  ConfigMap,
  DestroyResult,
  LocalWorkspace,
  PreviewResult,
  PulumiCommand,
  RefreshResult,
  Stack,
  UpResult,
} from "@pulumi/pulumi/automation";
import { pulumiBinDir } from "./pulumi-cli";

export const TEST_PASSPHRASE = "engine-test-passphrase";

export interface TestStackOptions {
  /** Directory with Pulumi.yaml and the program. */
  programDir: string;
  /** Default: a name of its own, so that runs sharing a program directory never share a stack. */
  stackName?: string;
  config?: ConfigMap;
  /** Extra environment for the CLI, the language host and the provider processes. */
  env?: Record<string, string>;
}

/**
 * A stack on a throw-away `file://` backend with a passphrase, a private PULUMI_HOME and no
 * network: what `pulumi up` does in a pipeline, without Pulumi Cloud.
 */
export class TestStack {
  private constructor(
    readonly stack: Stack,
    readonly projectName: string,
    readonly backendDir: string,
    readonly pulumiHome: string,
  ) {}

  static async create(options: TestStackOptions): Promise<TestStack> {
    const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-backend-"));
    const pulumiHome = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-pulumi-home-"));
    const pulumiCommand = await PulumiCommand.get({ root: path.dirname(pulumiBinDir()), skipVersionCheck: true });
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: options.stackName ?? `t-${process.pid}-${crypto.randomBytes(3).toString("hex")}`, workDir: options.programDir },
      {
        pulumiCommand,
        pulumiHome,
        envVars: {
          PULUMI_BACKEND_URL: `file://${backendDir}`,
          PULUMI_CONFIG_PASSPHRASE: TEST_PASSPHRASE,
          PULUMI_SKIP_UPDATE_CHECK: "true",
          PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
          PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
          // The programs are type-checked by `npm test` (tsc --noEmit); ts-node only transpiles.
          PULUMI_NODEJS_TRANSPILE_ONLY: "true",
          NODE_OPTIONS: withCompiledSources(process.env.NODE_OPTIONS),
          ...options.env,
        },
      },
    );
    if (options.config) await stack.setAllConfig(options.config);
    const projectName = (await stack.workspace.projectSettings()).name;
    return new TestStack(stack, projectName, backendDir, pulumiHome);
  }

  up(): Promise<UpResult> {
    return this.stack.up({ color: "never" });
  }

  preview(options: { expectNoChanges?: boolean } = {}): Promise<PreviewResult> {
    return this.stack.preview({ color: "never", diff: true, ...options });
  }

  refresh(): Promise<RefreshResult> {
    return this.stack.refresh({ color: "never" });
  }

  destroy(): Promise<DestroyResult> {
    return this.stack.destroy({ color: "never" });
  }

  /** The checkpoint exactly as the backend stores it: secrets stay encrypted here. */
  stateFilePath(): string {
    return path.join(this.backendDir, ".pulumi", "stacks", this.projectName, `${this.stack.name}.json`);
  }

  stateText(): string {
    return fs.readFileSync(this.stateFilePath(), "utf8");
  }

  /** Resources in the checkpoint, without the stack itself and the default providers. */
  resources(): Array<{ urn: string; type: string; id?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }> {
    const checkpoint = JSON.parse(this.stateText());
    const all = checkpoint.checkpoint?.latest?.resources ?? [];
    return all.filter((r: { type: string }) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"));
  }

  async dispose(): Promise<void> {
    await this.stack.workspace.removeStack(this.stack.name, { force: true }).catch(() => undefined);
    // The stack's settings file is written into the program directory, which is the repository.
    fs.rmSync(path.join(this.stack.workspace.workDir, `Pulumi.${this.stack.name}.yaml`), { force: true });
    fs.rmSync(this.backendDir, { recursive: true, force: true });
    fs.rmSync(this.pulumiHome, { recursive: true, force: true });
  }
}

/** NODE_OPTIONS that load the build of the package's sources into a run's programs (compiled-sources.js says why). */
function withCompiledSources(nodeOptions = ""): string {
  return `${nodeOptions} --require "${path.join(__dirname, "compiled-sources.js")}"`.trim();
}
