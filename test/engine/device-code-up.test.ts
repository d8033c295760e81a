import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { DEFAULT_USER, startEmulator, type Emulator } from "../../emulator";
import { Vb365ApiError } from "../../provider/client";
import { bodyFor } from "../helpers/organization-body";
import { CliProcess, parseJsonOutput, runCli } from "../helpers/cli";
import { cliStackEnv } from "../helpers/cli-stack";
import { emulatorClient, emulatorConfig } from "../helpers/emulator-stack";
import { TestStack } from "../helpers/engine";
import { makePfx, newApplicationInputs, type TestPfx } from "../helpers/tenant-fixtures";

const PROGRAM_DIR = path.join(__dirname, "programs", "device-code");
const STACK = "device-code-up";

describe("vb365 device-code --up: the onboarding pause and the pulumi up after it", () => {
  let emulator: Emulator;
  let stack: TestStack;
  let firstCode = "";
  let pfx: TestPfx;

  before(async () => {
    [emulator, pfx] = await Promise.all([startEmulator(), makePfx("fabrikam.onmicrosoft.com VB365")]);
    stack = await TestStack.create({
      programDir: PROGRAM_DIR,
      stackName: STACK,
      config: {
        ...emulatorConfig(emulator),
        pfxBase64: { value: pfx.pfxBase64, secret: true },
        pfxPassword: { value: pfx.password, secret: true },
      },
    });
  });

  after(async () => {
    if (stack) await stack.destroy().catch(() => undefined);
    await stack?.dispose();
    await emulator?.close();
  });

  function upArgs(...extra: string[]): string[] {
    return ["device-code", "--stack", STACK, "--cwd", PROGRAM_DIR, "--config-key", "tenantUserCode", "--up", "--interval", "200ms", "--json", ...extra];
  }

  it("waits for the customer's sign-in, then runs pulumi up, which adds the organization with the fresh code", async () => {
    const cli = new CliProcess(upArgs(), { env: cliStackEnv(stack) });
    await cli.waitForStderr(/Waiting for the customer to sign in/, 60_000);
    // Nothing may happen on the server before the sign-in.
    expect(emulator.state().organizations).to.deep.equal([]);
    firstCode = emulator.deviceCodes()[0].userCode;
    emulator.approveDeviceCode(firstCode, "fabrikam.onmicrosoft.com");
    const result = await cli.done;
    expect(result.code, result.stderr).to.equal(0);

    const report = parseJsonOutput(result.stdout);
    expect(report).to.deep.include({ userCode: firstCode, authenticated: true, configWritten: true, pulumiUp: "succeeded" });
    // pulumi up's own output went to stderr, so stdout stays one JSON object.
    expect(result.stderr).to.include(`Running pulumi up --yes --stack ${STACK}`);
    expect(result.stderr).to.match(/vb365:Organization/);
    expect(result.stderr).to.include("pulumi up succeeded.");

    const [organization] = emulator.state().organizations as Array<{ name: string }>;
    expect(organization.name).to.equal("fabrikam.onmicrosoft.com");
    expect(emulator.deviceCodes()[0]).to.deep.include({ userCode: firstCode, used: true });
    expect(stack.resources().map((resource) => resource.type)).to.include("pulumi-nodejs:dynamic/vb365:Organization");
  });

  it("keeps the code out of the stack's files and state in plaintext", () => {
    expect(fs.readFileSync(path.join(PROGRAM_DIR, `Pulumi.${STACK}.yaml`), "utf8")).to.match(/tenantUserCode:\n {4}secure: v1:/);
    expect(fs.readFileSync(path.join(PROGRAM_DIR, `Pulumi.${STACK}.yaml`), "utf8")).not.to.include(firstCode);
    expect(stack.stateText()).not.to.include(firstCode);
    expect(stack.stateText()).not.to.include(DEFAULT_USER.password);
  });

  it("refuses the used code a second time on the server, while the stack needs it no more", async () => {
    const client = emulatorClient(emulator);
    try {
      const body = bodyFor(newApplicationInputs(pfx, firstCode, { newApplicationName: "second use" }), "create");
      const error = await client.createOrganization(body).then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(Vb365ApiError);
      expect((error as Vb365ApiError).veeamMessage).to.match(/has already been used/);
    } finally {
      await client.close();
    }
    // The used code stays in the stack's config; after creation it is no change for the organization.
    await stack.preview({ expectNoChanges: true });
  });

  it("exits 9 when pulumi up fails after the sign-in, with how to retry", async () => {
    emulator.configure({ autoApproveDeviceCodesMs: 300 });
    const result = await runCli(upArgs("--target", "urn:pulumi:nope::nope::nope::nope"), { env: cliStackEnv(stack) });
    expect(result.code, result.stderr).to.equal(9);
    const report = parseJsonOutput(result.stdout);
    expect(report).to.deep.include({ authenticated: true, pulumiUp: "failed" });
    expect(report.error).to.deep.include({ code: "pulumi_up_failed", exitCode: 9 });
    expect(result.stderr).to.include(`run pulumi up --stack ${STACK} again before it expires`);
  });
});
