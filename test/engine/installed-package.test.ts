import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { startEmulator, type Emulator } from "../../emulator";
import { ConsumerProject } from "../helpers/consumer-project";
import { registeredByCustomer } from "../helpers/customer-registration";
import { emulatorConfig } from "../helpers/emulator-stack";
import { TestStack } from "../helpers/engine";

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { TenantCertificate, Vb365Organization } from "pulumi-vb365";

const certificate = new TenantCertificate("contoso", { subject: { commonName: "contoso.onmicrosoft.com VB365" } });
const organization = new Vb365Organization("contoso", {
  isExchangeOnline: true,
  isSharePointOnline: true,
  applicationCertificate: certificate.pfxBase64,
  applicationCertificatePassword: certificate.password,
  exchangeOnlineSettings: { applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", account: "backup@contoso.onmicrosoft.com" },
  sharePointOnlineSettings: { applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", officeOrganizationName: "contoso.onmicrosoft.com" },
});
export const organizationId: pulumi.Output<string> = organization.organizationId;
`;

/**
 * What a user gets: the package as `npm pack` makes it, installed into an empty project that
 * imports it with types and runs it through the engine. The provider comes from node_modules,
 * so the state refers to it by module name instead of carrying its code.
 */
describe("pulumi-vb365 installed from its package", () => {
  let project: ConsumerProject;
  let emulator: Emulator;
  let stack: TestStack;

  before(async function () {
    this.timeout(300_000);
    project = ConsumerProject.create({ program: PROGRAM });
    emulator = await startEmulator();
  });

  after(async () => {
    await stack?.dispose();
    await emulator?.close();
    project?.dispose();
  });

  it("type-checks a program that imports it", () => {
    project.typeCheck();
  });

  it("onboards a tenant, and the state names the provider instead of storing its code", async () => {
    stack = await TestStack.create({
      programDir: project.dir,
      config: {
        ...emulatorConfig(emulator),
      },
    });
    // The customer registers the certificate on their application first.
    await registeredByCustomer({ stack, emulator }, [{ certificate: "contoso", organizationName: "contoso.onmicrosoft.com", applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10" }]);
    const result = await stack.up();
    expect(result.outputs.organizationId.value).to.match(/^[0-9a-f-]{36}$/);
    const providers = stack.resources().map((resource) => String(resource.outputs?.__provider));
    expect(providers).to.have.length(2);
    for (const text of providers) {
      expect(text).to.match(/require\("pulumi-vb365\/runtime\/(organization|tenant-certificate)-provider"\)/);
      expect(text.length).to.be.below(1000);
    }
    await stack.preview({ expectNoChanges: true });
    await stack.destroy();
    expect(emulator.state().organizations).to.deep.equal([]);
  });
});
