import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { startEmulator, type Emulator } from "../../emulator";
import { ConsumerProject, packRevision } from "../helpers/consumer-project";
import { TENANTS_PROGRAM, TENANTS_PROGRAM_ORGANIZATIONS, TENANTS_PROGRAM_REGISTRATIONS } from "../helpers/consumer-programs";
import { registeredByCustomer } from "../helpers/customer-registration";
import { emulatorClient, emulatorConfig, signedInDeviceCode } from "../helpers/emulator-stack";
import { TestStack } from "../helpers/engine";

/** The last release: what users' stacks were made with. Move it forward with each release. */
const LAST_RELEASE = "11f8bc6f9de0780fcc3ed7c8b575fab9ef40797a";

/**
 * What users' state refers to (module paths, type tokens, property names) is a contract: a stack
 * made by the last release, upgraded to this checkout as a user upgrades, has nothing to change.
 */
describe(`upgrading from the last release (${LAST_RELEASE.slice(0, 7)}) to this checkout`, () => {
  let project: ConsumerProject;
  let emulator: Emulator;
  let stack: TestStack;
  let releaseDir: string;

  before(async function () {
    this.timeout(300_000);
    releaseDir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-release-pack-"));
    project = ConsumerProject.create({ program: TENANTS_PROGRAM, tarball: packRevision(LAST_RELEASE, releaseDir) });
    emulator = await startEmulator();
  });

  after(async () => {
    await stack?.dispose();
    await emulator?.close();
    project?.dispose();
    if (releaseDir) fs.rmSync(releaseDir, { recursive: true, force: true });
  });

  it("onboards the tenants with the last release", async () => {
    const client = emulatorClient(emulator);
    const userCode = await signedInDeviceCode(emulator, client, "fabrikam.onmicrosoft.com").finally(() => client.close());
    stack = await TestStack.create({ programDir: project.dir, config: { ...emulatorConfig(emulator), userCode: { value: userCode, secret: true } } });
    await registeredByCustomer({ stack, emulator }, TENANTS_PROGRAM_REGISTRATIONS.registrations, TENANTS_PROGRAM_REGISTRATIONS.targets);
    await stack.up();
    expect(emulator.state().organizations.map((organization) => organization.name).sort()).to.deep.equal(TENANTS_PROGRAM_ORGANIZATIONS);
  });

  it("previews no change after the upgrade, refreshes to no change, and destroys", async () => {
    const before = stack.resources().map((resource) => String(resource.outputs?.__provider ?? ""));
    project.upgradeToCheckout();
    await stack.preview({ expectNoChanges: true });
    await stack.refresh();
    await stack.preview({ expectNoChanges: true });
    expect(emulator.trustReport().filter((entry) => !entry.trusted)).to.deep.equal([]);
    // The providers in state still name the modules the last release stored.
    expect(stack.resources().map((resource) => String(resource.outputs?.__provider ?? ""))).to.deep.equal(before);
    await stack.destroy();
    expect(emulator.state().organizations).to.deep.equal([]);
  });
});
