import { expect } from "chai";
import { describe, it } from "mocha";
import { bodyFor } from "../../helpers/organization-body";
import type { OrganizationInputs } from "../../../provider/organization/types";

const pfx = { pfxBase64: "MIIB", password: "pw", thumbprint: "" };

describe("Vb365Organization request body", () => {
  const newApp: OrganizationInputs = {
    region: "Worldwide",
    isExchangeOnline: true,
    isSharePointOnline: true,
    isTeamsOnline: true,
    userCode: "CODE1",
    newApplicationName: "VB365 app",
    exchangeOnlineSettings: { applicationCertificate: pfx.pfxBase64, applicationCertificatePassword: pfx.password },
    sharePointOnlineSettings: { applicationCertificate: pfx.pfxBase64, applicationCertificatePassword: pfx.password, sharePointSaveAllWebParts: true },
  };

  it("maps a new-application organization to the body of Veeam's documentation", () => {
    expect(bodyFor(newApp, "create")).to.deep.equal({
      type: "Office365",
      region: "Worldwide",
      isExchangeOnline: true,
      isSharePointOnline: true,
      isTeamsOnline: true,
      userCode: "CODE1",
      newApplicationName: "VB365 app",
      exchangeOnlineSettings: { useApplicationOnlyAuth: true, useMfa: true, applicationCertificate: "MIIB", applicationCertificatePassword: "pw" },
      sharePointOnlineSettings: { useApplicationOnlyAuth: true, useMfa: true, applicationCertificate: "MIIB", applicationCertificatePassword: "pw", sharePointSaveAllWebParts: true },
    });
  });

  it("sends useMfa: true with app-only authentication, as field bodies do, unless the program says otherwise", () => {
    const declared = bodyFor({ ...newApp, exchangeOnlineSettings: { ...newApp.exchangeOnlineSettings, useMfa: false } }, "create");
    expect(declared.exchangeOnlineSettings).to.include({ useApplicationOnlyAuth: true, useMfa: false });
    const legacy = bodyFor({ ...newApp, exchangeOnlineSettings: { useApplicationOnlyAuth: false, useMfa: false, account: "a@b", password: "p" }, isSharePointOnline: false, isTeamsOnline: false }, "create");
    expect(legacy.exchangeOnlineSettings).to.include({ useApplicationOnlyAuth: false, useMfa: false });
  });

  it("leaves creation-only fields out of a PUT", () => {
    const body = bodyFor(newApp, "update");
    expect(body).not.to.have.any.keys("userCode", "newApplicationName", "configureApplication");
  });

  it("sends only the services that are selected", () => {
    const body = bodyFor({ ...newApp, isSharePointOnline: false, isTeamsOnline: false }, "create");
    expect(body).not.to.have.key("sharePointOnlineSettings");
  });

  it("sends a shared certificate in every selected service that names none", () => {
    const shared: OrganizationInputs = { ...newApp, applicationCertificate: "MIIS", applicationCertificatePassword: "spw", exchangeOnlineSettings: {}, sharePointOnlineSettings: { applicationCertificate: "MIIO", applicationCertificatePassword: "opw" } };
    const body = bodyFor(shared, "create");
    expect(body.exchangeOnlineSettings).to.deep.equal({ useApplicationOnlyAuth: true, useMfa: true, applicationCertificate: "MIIS", applicationCertificatePassword: "spw" });
    expect(body.sharePointOnlineSettings).to.deep.equal({ useApplicationOnlyAuth: true, useMfa: true, applicationCertificate: "MIIO", applicationCertificatePassword: "opw" });
    expect(body).not.to.have.any.keys("applicationCertificate", "applicationCertificatePassword");
  });

  it("leaves derived thumbprints to the server", () => {
    const body = bodyFor({ ...newApp, exchangeOnlineSettings: { ...newApp.exchangeOnlineSettings, applicationCertificateThumbprint: "AB" } as never }, "create");
    expect(body.exchangeOnlineSettings).not.to.have.key("applicationCertificateThumbprint");
  });
});
