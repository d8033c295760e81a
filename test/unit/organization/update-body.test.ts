import { expect } from "chai";
import { describe, it } from "mocha";
import type { RemoteOrganization } from "../../../provider/client";
import { updateBody } from "../../../provider/organization/update-body";

const REGISTERED_APP = "9d3b6c1e-2f4a-4b8c-9e7d-5a1f0c3b2d4e";

/** An organization VB365 added with a new application, as GET reports it. */
const remote = {
  id: "6b7c2d3e-0000-4000-8000-000000000001",
  name: "fabrikam.onmicrosoft.com",
  officeName: "fabrikam.onmicrosoft.com",
  type: "Office365",
  region: "Worldwide",
  description: "Gold tier",
  isExchangeOnline: true,
  isSharePointOnline: true,
  isTeamsOnline: true,
  isTeamsChatsOnline: false,
  isBackedup: false,
  exchangeOnlineSettings: { useApplicationOnlyAuth: true, applicationId: REGISTERED_APP, officeOrganizationName: "fabrikam.onmicrosoft.com", applicationCertificateThumbprint: "AB", useMfa: null },
  sharePointOnlineSettings: { useApplicationOnlyAuth: true, applicationId: REGISTERED_APP, sharePointSaveAllWebParts: true, applicationCertificateThumbprint: "AB" },
  _links: { self: { href: "/v8/Organizations/6b7c2d3e-0000-4000-8000-000000000001" } },
} as unknown as RemoteOrganization;

describe("Vb365Organization update body", () => {
  it("keeps what the declaration leaves out, such as the application VB365 registered, and lays the declared changes and credentials on top", () => {
    const declared = {
      type: "Office365",
      region: "Worldwide",
      isExchangeOnline: true,
      isSharePointOnline: true,
      isTeamsOnline: false,
      exchangeOnlineSettings: { useApplicationOnlyAuth: true, useMfa: true, applicationCertificate: "MIIN", applicationCertificatePassword: "pw" },
      sharePointOnlineSettings: { useApplicationOnlyAuth: true, useMfa: true, applicationCertificate: "MIIN", applicationCertificatePassword: "pw" },
    };
    expect(updateBody(remote, declared)).to.deep.equal({
      type: "Office365",
      region: "Worldwide",
      description: "Gold tier",
      isExchangeOnline: true,
      isSharePointOnline: true,
      isTeamsOnline: false,
      isTeamsChatsOnline: false,
      exchangeOnlineSettings: { useApplicationOnlyAuth: true, applicationId: REGISTERED_APP, officeOrganizationName: "fabrikam.onmicrosoft.com", useMfa: true, applicationCertificate: "MIIN", applicationCertificatePassword: "pw" },
      sharePointOnlineSettings: { useApplicationOnlyAuth: true, applicationId: REGISTERED_APP, sharePointSaveAllWebParts: true, useMfa: true, applicationCertificate: "MIIN", applicationCertificatePassword: "pw" },
    });
  });

  it("never sends what only the server sets: id, names, links, backup facts, thumbprints", () => {
    const body = updateBody(remote, {});
    expect(body).not.to.have.any.keys("id", "name", "officeName", "isBackedup", "_links");
    expect(body.exchangeOnlineSettings).not.to.have.key("applicationCertificateThumbprint");
  });
});
