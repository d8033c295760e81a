import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ConfigMap } from "@pulumi/pulumi/automation";
import { after, before } from "mocha";
import { type Emulator, type EmulatorOptions, startEmulator } from "../../emulator";
import type { Vb365Client } from "../../provider/client";
import { packageSchema } from "../../provider/plugin/schema/package-schema";
import { TestStack } from "./engine";
import { emulatorClient } from "./emulator-stack";
import { EXAMPLES } from "./example-stack";
import { pulumiBinDir } from "./pulumi-cli";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
/** The provider plugin's folder, as `pulumi package add` takes it. */
export const PLUGIN_DIR = path.join(REPO_ROOT, "plugin");
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;

export type PluginLanguage = "yaml" | "python" | "go";

/**
 * A copy of a program that uses the vb365 plugin, in a directory of its own, ready for `pulumi up`:
 * its `packages:` entry pointing at this checkout's plugin/ and, for Python and Go, the SDK that
 * `pulumi package add` would have generated beside it (sdks/vb365). The SDK is generated from the
 * package schema with `pulumi package gen-sdk`, and wired up as `pulumi package add` wires it:
 * the language hosts built here (scripts/ensure-pulumi) predate the CLI's link step.
 */
export function pluginProject(source: string, language: PluginLanguage): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vb365-${language}-`));
  fs.cpSync(source, dir, { recursive: true, filter: (file) => !/(^|\/)(sdks|venv|Pulumi\.[^/]+\.yaml)$/.test(file) });
  const project = path.join(dir, "Pulumi.yaml");
  fs.writeFileSync(project, fs.readFileSync(project, "utf8").replace(/^(\s+vb365:\s*).*$/m, `$1${PLUGIN_DIR}`));
  if (language === "python") {
    generateSdk(dir, "python", path.join(dir, "sdks", "vb365"));
    python(dir, ["-m", "venv", "venv"]);
    run(path.join(dir, "venv", "bin", "pip"), ["install", "--quiet", "--disable-pip-version-check", "--no-compile", "-r", "requirements.txt"], dir);
  }
  if (language === "go") {
    // The module path is the schema's importBasePath without its package; go.mod's replace line points here.
    const sdk = path.join(dir, "sdks", "vb365");
    generateSdk(dir, "go", path.join(sdk, "vb365"));
    fs.writeFileSync(path.join(sdk, "go.mod"), "module github.com/pulumi-vb365/sdk/go\n\ngo 1.22\n\nrequire github.com/pulumi/pulumi/sdk/v3 v3.248.0\n");
    buildGoProgram(dir);
    fs.writeFileSync(project, fs.readFileSync(project, "utf8").replace(/^runtime: go$/m, "runtime:\n  name: go\n  options:\n    binary: ./program"));
  }
  return dir;
}

/**
 * A Go project's program, built into ./program, which its Pulumi.yaml runs as it is: the Go host
 * would otherwise build it again for every preview, up, refresh and destroy (Pulumi's `binary`
 * runtime option). Call again after changing the program.
 */
export function buildGoProgram(dir: string): void {
  // -trimpath, as scripts/ensure-pulumi builds the CLI and hosts: on a fresh machine the build
  // then finds the standard library and most of the SDK's dependencies in Go's cache (measured
  // here: 111 packages compiled instead of 281, 107 s of CPU instead of 198).
  run("go", ["build", "-trimpath", "-o", "program", "."], dir);
}

/** Removes a project made by pluginProject. */
export function removePluginProject(dir: string | undefined): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

/** The SDK of `language` into `into`, from the package schema the plugin serves. */
function generateSdk(projectDir: string, language: "python" | "go", into: string): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-sdk-"));
  try {
    const schema = path.join(work, "schema.json");
    fs.writeFileSync(schema, JSON.stringify(packageSchema(VERSION)));
    // Run outside the project: gen-sdk would otherwise install the project's packages first.
    run(path.join(pulumiBinDir(), "pulumi"), ["package", "gen-sdk", schema, "--language", language, "--out", path.join(work, "out")], work, { PULUMI_HOME: path.join(work, "home") });
    const generated = path.join(work, "out", language, ...(language === "go" ? ["vb365"] : []));
    fs.mkdirSync(path.dirname(into), { recursive: true });
    fs.cpSync(generated, into, { recursive: true });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (!fs.existsSync(into)) throw new Error(`pulumi package gen-sdk wrote no ${language} SDK for ${projectDir}`);
}

function python(cwd: string, args: string[]): void {
  run("python3", args, cwd);
}

/** What a machine without the tool needs, named when it is missing. */
const TO_INSTALL: Record<string, string> = {
  python3: "Python 3 with venv and pip (Debian: apt-get install python3 python3-venv python3-pip)",
  go: "Go 1.25 or later (https://go.dev/dl/, or your distribution's golang package)",
};

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): void {
  try {
    execFileSync(command, args, { cwd, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true", PATH: `${pulumiBinDir()}:${process.env.PATH}`, ...env } });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT" ? TO_INSTALL[command] : undefined;
    throw missing ? new Error(`${command} is not installed: the plugin's ${command === "go" ? "Go" : "Python"} tests need ${missing}.`) : error;
  }
}

export interface PluginFixture {
  emulator: Emulator;
  client: Vb365Client;
  stack: TestStack;
  dir: string;
}

/**
 * An example that uses the plugin, copied and made ready by pluginProject, as a stack against its
 * own emulator: started before and torn down after the calling describe.
 */
export function pluginFixture(example: string, language: PluginLanguage, config: (emulator: Emulator) => ConfigMap, options: EmulatorOptions = {}): PluginFixture {
  const fixture = {} as PluginFixture;
  before(async function () {
    // A first Python venv or Go build is minutes on a cold machine.
    this.timeout(900_000);
    fixture.dir = pluginProject(path.join(EXAMPLES, example), language);
    fixture.emulator = await startEmulator(options);
    fixture.client = emulatorClient(fixture.emulator);
    fixture.stack = await TestStack.create({ programDir: fixture.dir, config: config(fixture.emulator) });
  });
  after(async () => {
    await fixture.stack?.dispose();
    await fixture.client?.close();
    await fixture.emulator?.close();
    removePluginProject(fixture.dir);
  });
  return fixture;
}
