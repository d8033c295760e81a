import { expect } from "chai";
import { after, before, beforeEach, describe, it } from "mocha";
import { startEmulator, type Emulator } from "../../../emulator";
import { Vb365Client } from "../../../provider/client";
import { checkAndCreate, configuredProvider, emulatorConfig, emulatorConnection } from "../../helpers/organization-provider";
import { basicInputs, makePfx, newApplicationInputs, type TestPfx } from "../../helpers/tenant-fixtures";

// A run killed after VB365 added an organization but before the state recorded it: the next run
// creates it again with the same inputs.
describe("Vb365Organization create after an interrupted run", () => {
  let emulator: Emulator;
  let pfx: TestPfx;

  before(async () => {
    [emulator, pfx] = await Promise.all([startEmulator(), makePfx()]);
  });
  after(() => emulator?.close());
  beforeEach(() => emulator.reset());

  it("takes back an organization added with a device code, which the server now refuses as used (400)", async () => {
    const client = new Vb365Client(emulatorConnection(emulator));
    const code = await client.createDeviceCode("Worldwide").finally(() => client.close());
    emulator.approveDeviceCode(code.userCode, "fabrikam.onmicrosoft.com");
    const provider = await configuredProvider(emulatorConfig(emulator, "v8"));
    const first = await checkAndCreate(provider, newApplicationInputs(pfx, code.userCode));
    const again = await checkAndCreate(provider, newApplicationInputs(pfx, code.userCode));
    expect(again.id).to.equal(first.id);
    expect(emulator.state().organizations).to.have.length(1);
  });

  it("leaves an organization without a certificate to the user, naming adoptExisting", async () => {
    const provider = await configuredProvider(emulatorConfig(emulator, "v8"));
    await checkAndCreate(provider, basicInputs("contoso.onmicrosoft.com"));
    const error = await checkAndCreate(provider, basicInputs("contoso.onmicrosoft.com")).catch((caught: Error) => caught);
    expect((error as Error).message).to.match(/^VB365 POST \/v8\/Organizations failed with 409: .*contoso\.onmicrosoft\.com.* set adoptExisting: true/);
    const adopted = await checkAndCreate(provider, basicInputs("contoso.onmicrosoft.com", { adoptExisting: true }));
    expect(adopted.id).to.equal(emulator.state().organizations[0].id);
    expect(emulator.state().organizations).to.have.length(1);
  });
});
