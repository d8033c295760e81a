import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { startEmulator, type Emulator } from "../../emulator";
import { ConsumerProject } from "../helpers/consumer-project";
import { TENANTS_PROGRAM, TENANTS_PROGRAM_ORGANIZATIONS, TENANTS_PROGRAM_REGISTRATIONS } from "../helpers/consumer-programs";
import { registeredByCustomer } from "../helpers/customer-registration";
import { emulatorClient, emulatorConfig, signedInDeviceCode } from "../helpers/emulator-stack";
import { TestStack } from "../helpers/engine";

const REPO = path.resolve(__dirname, "..", "..");

/** The lowest @pulumi/pulumi users may have: the floor of the declared peer range, so the two cannot drift. */
function lowestSupportedSdk(): string {
  const range: string = require(path.join(REPO, "package.json")).peerDependencies["@pulumi/pulumi"];
  const floor = /^\^(\d+\.\d+\.\d+)$/.exec(range)?.[1];
  if (!floor) throw new Error(`the @pulumi/pulumi peer range "${range}" is not of the ^x.y.z form this suite tests`);
  return floor;
}

/** Where a user who starts today lands: a recent SDK, which needs Node 22 (from 3.249 on). */
const RECENT_SDK = "3.276.0";

function nodeDir(major: number): string {
  const output = execFileSync("bash", [path.join(REPO, "scripts", "ensure-node"), String(major)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return output.trim().split("\n").pop()!;
}

const ENDS = [
  { title: "the lowest supported SDK on Node 20", sdk: lowestSupportedSdk, node: 20 },
  { title: "a recent SDK on Node 22", sdk: () => RECENT_SDK, node: 22 },
];

/**
 * Both ends of the range the package declares, installed as a user installs them: a program on
 * each lives through up, a no-change preview, refresh and destroy against the emulator.
 */
for (const end of ENDS) {
  describe(`pulumi-vb365 with ${end.title}`, () => {
    let project: ConsumerProject;
    let emulator: Emulator;
    let stack: TestStack;

    before(async function () {
      this.timeout(300_000);
      project = ConsumerProject.create({ program: TENANTS_PROGRAM, sdkVersion: end.sdk(), nodeDir: nodeDir(end.node) });
      emulator = await startEmulator();
    });

    after(async () => {
      await stack?.dispose();
      await emulator?.close();
      project?.dispose();
    });

    it(`installs @pulumi/pulumi ${end.sdk()} and type-checks a program against it`, () => {
      expect(project.installedVersion("@pulumi/pulumi")).to.equal(end.sdk());
      project.typeCheck();
    });

    it("runs up, a no-change preview, refresh and destroy", async () => {
      const client = emulatorClient(emulator);
      const userCode = await signedInDeviceCode(emulator, client, "fabrikam.onmicrosoft.com").finally(() => client.close());
      stack = await TestStack.create({
        programDir: project.dir,
        config: { ...emulatorConfig(emulator), userCode: { value: userCode, secret: true } },
        env: { PATH: project.path },
      });
      await registeredByCustomer({ stack, emulator }, TENANTS_PROGRAM_REGISTRATIONS.registrations, TENANTS_PROGRAM_REGISTRATIONS.targets);
      const up = await stack.up();
      expect(up.outputs.nodeVersion.value, "the program ran on the node of this end").to.match(new RegExp(`^v${end.node}\\.`));
      expect(emulator.state().organizations.map((organization) => organization.name).sort()).to.deep.equal(TENANTS_PROGRAM_ORGANIZATIONS);

      await stack.preview({ expectNoChanges: true });
      const refreshed = await stack.refresh();
      expect(refreshed.summary.result).to.equal("succeeded");
      await stack.preview({ expectNoChanges: true });
      await stack.destroy();
      expect(emulator.state().organizations).to.deep.equal([]);
    });
  });
}
