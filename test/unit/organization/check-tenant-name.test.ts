import { expect } from "chai";
import { before, describe, it } from "mocha";
import { UNKNOWN_SENTINEL } from "../../../provider/common/check";
import type { OrganizationProvider } from "../../../provider/organization/provider";
import type { OrganizationInputs } from "../../../provider/organization/types";
import { existingApplicationInputs, makePfx, newApplicationInputs, type TestPfx } from "../../helpers/tenant-fixtures";
import { configuredProvider } from "../../helpers/organization-provider";

const CONFIG: Record<string, string> = { "vb365:url": "https://vb365.example.com:4443", "vb365:username": "svc", "vb365:password": "pw" };

const WHY =
  "set it to the Microsoft 365 name of the tenant whose Global Administrator signs in with the device code, as VB365 reports it " +
  "(its *.onmicrosoft.com domain, e.g. contoso.onmicrosoft.com). Whoever signs in decides which tenant VB365 adds, and only this name " +
  "proves it is this one: tenants may share an application or a certificate.";
const NEW_APPLICATION = `organizationName is required with newApplicationName: ${WHY}`;
const CONFIGURED = `organizationName is required with configureApplication and a device code (userCode): ${WHY}`;

// Whoever signs in with a device code decides which tenant VB365 adds: only the declared name can
// tell that it is this one, so a device code without it is refused at preview.
describe("Vb365Organization check: the tenant's name wherever a device code is used", () => {
  let pfx: TestPfx;
  let provider: OrganizationProvider;
  before(async () => {
    pfx = await makePfx();
    provider = await configuredProvider(CONFIG);
  });

  const unnamed = (userCode: string | undefined = "CODE1"): OrganizationInputs => newApplicationInputs(pfx, userCode ?? "", { organizationName: undefined, userCode });

  it("refuses a new application without organizationName, naming the field and what is valid", async () => {
    expect((await provider.check({}, unnamed())).failures).to.deep.equal([{ property: "organizationName", reason: NEW_APPLICATION }]);
  });

  it("refuses configureApplication with a device code without organizationName, even where the account names a domain", async () => {
    const inputs = existingApplicationInputs(pfx, "contoso.onmicrosoft.com", { configureApplication: true, userCode: "CODE1" });
    expect((await provider.check({}, inputs)).failures).to.deep.equal([{ property: "organizationName", reason: CONFIGURED }]);
  });

  it("accepts the same inputs with organizationName, or with one still unknown at preview", async () => {
    expect((await provider.check({}, { ...unnamed(), organizationName: "fabrikam.onmicrosoft.com" })).failures).to.equal(undefined);
    expect((await provider.check({}, { ...unnamed(), organizationName: UNKNOWN_SENTINEL })).failures).to.equal(undefined);
  });

  it("keeps an organization added without a name working while it gets no new device code", async () => {
    const { userCode: _used, ...withoutCode } = unnamed();
    expect((await provider.check(unnamed("CODE1"), unnamed("CODE1"))).failures).to.equal(undefined);
    expect((await provider.check(unnamed("CODE1"), withoutCode)).failures).to.equal(undefined);
  });

  // After creation a code is used only by a certificate switch, which depends on the certificate
  // in use: the state knows it, check does not (diff and update decide, test/integration/organization/tenant-identity.test.ts).
  it("lets a new device code of an organization added without a name through: check cannot tell whether it will be used", async () => {
    expect((await provider.check(unnamed("CODE1"), unnamed("CODE2"))).failures).to.equal(undefined);
    expect((await provider.check(unnamed("CODE1"), unnamed(UNKNOWN_SENTINEL))).failures).to.equal(undefined);
  });

  it("asks nothing more of an existing application without a device code: its account names the tenant", async () => {
    expect((await provider.check({}, existingApplicationInputs(pfx, "contoso.onmicrosoft.com"))).failures).to.equal(undefined);
  });
});
