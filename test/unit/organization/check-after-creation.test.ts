import { expect } from "chai";
import { before, describe, it } from "mocha";
import type { OrganizationProvider } from "../../../provider/organization/provider";
import type { OrganizationInputs } from "../../../provider/organization/types";
import { existingApplicationInputs, legacyProtocolInputs, makePfx, newApplicationInputs, type TestPfx } from "../../helpers/tenant-fixtures";
import { configuredProvider } from "../../helpers/organization-provider";

const CONFIG: Record<string, string> = { "vb365:url": "https://vb365.example.com:4443", "vb365:username": "svc", "vb365:password": "pw" };

describe("Vb365Organization check once the organization exists", () => {
  let pfx: TestPfx;
  let provider: OrganizationProvider;
  before(async () => {
    pfx = await makePfx();
    provider = await configuredProvider(CONFIG);
  });

  function withoutCode(): OrganizationInputs {
    const { userCode: _used, ...inputs } = newApplicationInputs(pfx, "CODE1");
    return inputs;
  }

  it("still requires the device code to create the organization", async () => {
    const result = await provider.check({}, withoutCode());
    expect(result.failures?.map((failure) => failure.property)).to.deep.equal(["userCode"]);
  });

  it("lets the used device code leave the config after creation (old inputs are given)", async () => {
    const result = await provider.check(newApplicationInputs(pfx, "CODE1"), withoutCode());
    expect(result.failures).to.equal(undefined);
    expect(result.inputs?.newApplicationName).to.equal("VB365 backup app");
  });

  it("lets v8 keep an organization added with legacy protocols before the upgrade, but not add or switch to one", async () => {
    const legacy = legacyProtocolInputs("fabrikam.onmicrosoft.com");
    const refusal = "exchangeOnlineSettings.useMfa";
    expect((await provider.check({}, legacy)).failures?.map((failure) => failure.property)).to.deep.equal([refusal]);
    expect((await provider.check(legacy, legacy)).failures).to.equal(undefined);
    const appOnly = existingApplicationInputs(pfx, "fabrikam.onmicrosoft.com");
    expect((await provider.check(appOnly, legacy)).failures?.map((failure) => failure.property)).to.deep.equal([refusal]);
  });

  it("keeps every other rule after creation", async () => {
    const result = await provider.check(newApplicationInputs(pfx, "CODE1"), { ...withoutCode(), isExchangeOnline: false, isSharePointOnline: false });
    expect(result.failures?.map((failure) => failure.property)).to.deep.equal(["isExchangeOnline"]);
  });
});
