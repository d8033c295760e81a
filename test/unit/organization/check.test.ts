import { expect } from "chai";
import { before, describe, it } from "mocha";
import { checkOrganization } from "../../../provider/organization/check";
import { UNKNOWN_SENTINEL } from "../../../provider/common/check";
import type { OrganizationInputs } from "../../../provider/organization/types";
import { basicInputs, existingApplicationInputs, legacyProtocolInputs, makePfx, newApplicationInputs, type TestPfx } from "../../helpers/tenant-fixtures";

function failuresOf(inputs: unknown, apiVersion: "v6" | "v7" | "v8" = "v8") {
  return checkOrganization(inputs as Record<string, unknown>, apiVersion).failures ?? [];
}

describe("Vb365Organization check", () => {
  let pfx: TestPfx;
  before(async () => {
    pfx = await makePfx();
  });

  it("accepts a new Entra application by device code and fills in the defaults", () => {
    const result = checkOrganization({ ...newApplicationInputs(pfx, "ABCD1234"), region: undefined } as Record<string, unknown>, "v8");
    expect(result.failures).to.equal(undefined);
    expect(result.inputs).to.include({ type: "Office365", region: "Worldwide", isTeamsOnline: true, adoptExisting: false });
    expect(result.inputs?.exchangeOnlineSettings).to.include({ useApplicationOnlyAuth: true, applicationCertificateThumbprint: pfx.thumbprint });
  });

  it("accepts an existing application on every API version", () => {
    for (const version of ["v6", "v7", "v8"] as const) {
      expect(failuresOf(existingApplicationInputs(pfx, "contoso.onmicrosoft.com"), version)).to.deep.equal([]);
    }
  });

  it("normalises old region spellings", () => {
    const result = checkOrganization({ ...existingApplicationInputs(pfx, "contoso.onmicrosoft.com"), region: "USgovDefence" } as Record<string, unknown>, "v8");
    expect(result.inputs?.region).to.equal("USDefence");
    expect(checkOrganization({ ...existingApplicationInputs(pfx, "contoso.onmicrosoft.com"), region: "worldwide" } as Record<string, unknown>, "v8").inputs?.region).to.equal("Worldwide");
  });

  it("names the field and the valid values of a bad region", () => {
    const [failure] = failuresOf({ ...existingApplicationInputs(pfx, "contoso.onmicrosoft.com"), region: "Mars" });
    expect(failure.property).to.equal("region");
    expect(failure.reason).to.contain("Worldwide, Germany, China, USDefence, USGovernment").and.contain('"Mars"');
  });

  it("requires userCode with newApplicationName", () => {
    const inputs: OrganizationInputs = newApplicationInputs(pfx, "x");
    delete inputs.userCode;
    expect(failuresOf(inputs)).to.deep.include({ property: "userCode", reason: failuresOf(inputs)[0].reason });
    expect(failuresOf(inputs)[0].reason).to.contain("vb365 device-code");
  });

  it("requires userCode with configureApplication", () => {
    const failures = failuresOf(existingApplicationInputs(pfx, "contoso.onmicrosoft.com", { configureApplication: true, organizationName: "contoso.onmicrosoft.com" }));
    expect(failures.map((f) => f.property)).to.deep.equal(["userCode"]);
  });

  it("refuses legacy protocols on v8 at preview, with the reason, and accepts them on v7", () => {
    const [failure] = failuresOf(legacyProtocolInputs("contoso.onmicrosoft.com"), "v8");
    expect(failure.property).to.equal("exchangeOnlineSettings.useMfa");
    expect(failure.reason).to.contain("v8 does not support");
    expect(failuresOf(legacyProtocolInputs("contoso.onmicrosoft.com"), "v7")).to.deep.equal([]);
  });

  it("allows basic authentication on v8 only in the China region", () => {
    expect(failuresOf(basicInputs("contoso.partner.onmschina.cn"), "v8")).to.deep.equal([]);
    const [failure] = failuresOf(basicInputs("contoso.onmicrosoft.com", { region: "Worldwide" }), "v8");
    expect(failure.reason).to.contain("only in the China region");
  });

  it("requires a certificate for app-only authentication", () => {
    const inputs = existingApplicationInputs(pfx, "contoso.onmicrosoft.com");
    delete inputs.sharePointOnlineSettings!.applicationCertificate;
    expect(failuresOf(inputs).map((f) => f.property)).to.deep.equal(["sharePointOnlineSettings.applicationCertificate"]);
  });

  it("opens the PFX at preview and reports a wrong password on the certificate field", () => {
    const inputs = existingApplicationInputs(pfx, "contoso.onmicrosoft.com");
    inputs.exchangeOnlineSettings!.applicationCertificatePassword = "wrong";
    const [failure] = failuresOf(inputs);
    expect(failure.property).to.equal("exchangeOnlineSettings.applicationCertificate");
    expect(failure.reason).to.contain("applicationCertificatePassword");
  });

  it("rejects unknown inputs and settings by name", () => {
    const failures = failuresOf({ ...existingApplicationInputs(pfx, "contoso.onmicrosoft.com"), isExchangeOnlin: true });
    expect(failures).to.have.length(1);
    expect(failures[0].property).to.equal("isExchangeOnlin");
  });

  it("rejects a malformed application id and non-boolean flags with the field named", () => {
    const inputs = existingApplicationInputs(pfx, "contoso.onmicrosoft.com");
    inputs.exchangeOnlineSettings!.applicationId = "not-a-guid";
    const failures = failuresOf({ ...inputs, isTeamsOnline: "yes" });
    expect(failures.map((f) => f.property)).to.have.members(["exchangeOnlineSettings.applicationId", "isTeamsOnline"]);
    expect(failures.find((f) => f.property === "isTeamsOnline")!.reason).to.equal("isTeamsOnline must be true or false.");
  });

  it("accepts \"true\"/\"false\" strings as booleans", () => {
    const result = checkOrganization({ ...existingApplicationInputs(pfx, "contoso.onmicrosoft.com"), isTeamsOnline: "true" } as Record<string, unknown>, "v8");
    expect(result.inputs?.isTeamsOnline).to.equal(true);
  });

  it("refuses description on v6", () => {
    expect(failuresOf(existingApplicationInputs(pfx, "contoso.onmicrosoft.com", { description: "x" }), "v6").map((f) => f.property)).to.deep.equal(["description"]);
  });

  it("lets values unknown at preview through and keeps them unknown", () => {
    const inputs = newApplicationInputs(pfx, "x") as Record<string, unknown>;
    inputs.userCode = UNKNOWN_SENTINEL;
    inputs.exchangeOnlineSettings = { applicationCertificate: UNKNOWN_SENTINEL, applicationCertificatePassword: UNKNOWN_SENTINEL };
    const result = checkOrganization(inputs, "v8");
    expect(result.failures).to.equal(undefined);
    expect(result.inputs?.userCode).to.equal(UNKNOWN_SENTINEL);
    expect(result.inputs?.exchangeOnlineSettings?.applicationCertificate).to.equal(UNKNOWN_SENTINEL);
  });

  it("lets a whole settings object unknown at preview through", () => {
    const inputs = { ...newApplicationInputs(pfx, "x"), exchangeOnlineSettings: UNKNOWN_SENTINEL, sharePointOnlineSettings: UNKNOWN_SENTINEL };
    const result = checkOrganization(inputs as Record<string, unknown>, "v8");
    expect(result.failures).to.equal(undefined);
    expect(result.inputs?.exchangeOnlineSettings).to.equal(UNKNOWN_SENTINEL);
  });

  it("takes one shared certificate for every service that names none", () => {
    const inputs = newApplicationInputs(pfx, "CODE1", {
      applicationCertificate: pfx.pfxBase64,
      applicationCertificatePassword: pfx.password,
      exchangeOnlineSettings: {},
      sharePointOnlineSettings: { sharePointSaveAllWebParts: true },
    });
    const result = checkOrganization(inputs as Record<string, unknown>, "v8");
    expect(result.failures).to.equal(undefined);
    expect(result.inputs?.exchangeOnlineSettings).to.deep.include({ applicationCertificateThumbprint: pfx.thumbprint });
    expect(result.inputs?.sharePointOnlineSettings).to.deep.include({ applicationCertificateThumbprint: pfx.thumbprint });
    const wrong = checkOrganization({ ...inputs, applicationCertificatePassword: "wrong" } as Record<string, unknown>, "v8");
    expect(wrong.failures?.map((failure) => failure.property)).to.deep.equal(["applicationCertificate"]);
  });

  it("requires at least one service", () => {
    expect(failuresOf({ region: "Worldwide" }).map((f) => f.property)).to.deep.equal(["isExchangeOnline"]);
  });
});
