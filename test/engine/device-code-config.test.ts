import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { DEFAULT_USER, startEmulator, type Emulator } from "../../emulator";
import { parseJsonOutput, runCli } from "../helpers/cli";
import { cliStackEnv } from "../helpers/cli-stack";
import { emulatorConfig } from "../helpers/emulator-stack";
import { TestStack } from "../helpers/engine";

describe("vb365 device-code with a stack's config", () => {
  let emulator: Emulator;
  let projectDir: string;
  let stack: TestStack;

  before(async () => {
    emulator = await startEmulator();
    // A project needs no program for its config: a throw-away Pulumi.yaml is enough.
    projectDir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-device-code-project-"));
    fs.writeFileSync(path.join(projectDir, "Pulumi.yaml"), "name: device-code-config\nruntime: nodejs\n");
    stack = await TestStack.create({
      programDir: projectDir,
      stackName: "onboarding",
      config: emulatorConfig(emulator, "v7"),
    });
  });

  after(async () => {
    await stack?.dispose();
    await emulator?.close();
    fs.rmSync(projectDir, { recursive: true, force: true });
  });

  function stackFile(): string {
    return fs.readFileSync(path.join(projectDir, "Pulumi.onboarding.yaml"), "utf8");
  }

  it("connects with the stack's vb365: config and writes the code into it as a secret", async () => {
    const result = await runCli(["device-code", "--stack", "onboarding", "--cwd", projectDir, "--config-key", "contosoUserCode", "--json"], {
      env: cliStackEnv(stack),
    });
    expect(result.code, result.stderr).to.equal(0);
    const report = parseJsonOutput(result.stdout);
    const userCode = emulator.deviceCodes()[0].userCode;
    expect(report).to.deep.include({ userCode, stack: "onboarding", configKey: "contosoUserCode", configWritten: true, authenticated: false });
    expect(emulator.requests().map((entry) => entry.path)).to.deep.equal(["/v7/token", "/v7/DeviceCode"]);
    expect(result.stderr).to.include("Wrote the code into the config of stack onboarding as the secret contosoUserCode.");

    expect(stackFile()).to.match(/\n {2}device-code-config:contosoUserCode:\n {4}secure: v1:/);
    expect(stackFile()).not.to.include(userCode);
    expect(await stack.stack.getConfig("contosoUserCode")).to.deep.equal({ value: userCode, secret: true });
    expect(result.stdout + result.stderr).not.to.include(DEFAULT_USER.password);
  });

  it("lets flags override the stack's config", async () => {
    emulator.resetCounters();
    const result = await runCli(["device-code", "--stack", "onboarding", "--cwd", projectDir, "--api-version", "v8"], { env: cliStackEnv(stack) });
    expect(result.code, result.stderr).to.equal(0);
    expect(emulator.requests().map((entry) => entry.path)).to.deep.equal(["/v8/token", "/v8/DeviceCode"]);
  });

  it("overwrites the key with the next code", async () => {
    const result = await runCli(["device-code", "--stack", "onboarding", "--cwd", projectDir, "--config-key", "contosoUserCode", "--json"], { env: cliStackEnv(stack) });
    expect(result.code, result.stderr).to.equal(0);
    const { userCode } = parseJsonOutput(result.stdout);
    expect((await stack.stack.getConfig("contosoUserCode")).value).to.equal(userCode);
  });

  it("exits 8 naming the stack, the directory and what to check when the stack cannot be read", async () => {
    const missing = await runCli(["device-code", "--stack", "nope", "--cwd", projectDir], { env: cliStackEnv(stack) });
    expect(missing.code).to.equal(8);
    expect(missing.stderr).to.include(`vb365 device-code: Reading the config of stack "nope" in ${projectDir} failed: error: no stack named 'nope' found.`);
    expect(missing.stderr).to.include("Check --stack, --cwd (the directory with Pulumi.yaml), the backend");

    const locked = await runCli(["device-code", "--stack", "onboarding", "--cwd", projectDir], { env: cliStackEnv(stack, { PULUMI_CONFIG_PASSPHRASE: "wrong" }) });
    expect(locked.code).to.equal(8);
    expect(locked.stderr).to.include("PULUMI_CONFIG_PASSPHRASE");
  });

  it("exits 8 naming npm run setup:pulumi when no Pulumi CLI can be found", async () => {
    const result = await runCli(["device-code", "--stack", "onboarding", "--cwd", projectDir], {
      env: cliStackEnv(stack, { PATH: path.dirname(process.execPath), PULUMI_HOME: path.join(projectDir, "no-home") }),
    });
    expect(result.code).to.equal(8);
    expect(result.stderr).to.include("The Pulumi CLI was not found on PATH");
    expect(result.stderr).to.include("npm run setup:pulumi");
  });
});
