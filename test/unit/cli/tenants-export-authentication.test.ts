import { expect } from "chai";
import { describe, it } from "mocha";
import { exportedAuthentication } from "../../../cli/tenants/export/authentication";
import type { RemoteOrganization } from "../../../provider/client";

const APP = "feccc769-4b8c-4c6b-9d3a-1c2b3a4d5e6f";
const OTHER_APP = "0b8f5a4e-2c3d-4e5f-8a9b-0c1d2e3f4a5b";
const ORGANIZATION = "contoso.onmicrosoft.com";

/** An organization as GET /Organizations reports it (no secrets: the server never returns them). */
function organization(exchange: Record<string, unknown> | undefined, sharePoint: Record<string, unknown> | undefined): RemoteOrganization {
  return {
    id: "1",
    name: ORGANIZATION,
    type: "Office365",
    isExchangeOnline: exchange !== undefined,
    isSharePointOnline: sharePoint !== undefined,
    exchangeOnlineSettings: exchange,
    sharePointOnlineSettings: sharePoint,
  } as RemoteOrganization;
}

const appOnly = { useApplicationOnlyAuth: true, useMfa: true, applicationCertificateThumbprint: "AB12" };

describe("vb365 tenants export: authentication per kind", () => {
  it("writes an organization VB365 registered a new application for as existingApplication with that application", () => {
    // Kind A once added: app-only, the registered application's id, no account.
    const exported = exportedAuthentication(organization({ ...appOnly, applicationId: APP }, { ...appOnly, applicationId: APP, officeOrganizationName: ORGANIZATION }), ORGANIZATION);
    expect(exported.authentication).to.deep.equal({ kind: "existingApplication", applicationId: APP });
    expect(exported.note).to.equal(`VB365 reports no Exchange account: without account: the program sends veeam-backup@${ORGANIZATION}. Set the account VB365 should work as, if another.`);
    expect(exported.warning).to.equal(undefined);
  });

  it("writes an existing application, configured by VB365 or by the customer, with its application and account", () => {
    // Kinds B and C read the same once added; configureApplication would ask for a device code again.
    const exported = exportedAuthentication(organization({ ...appOnly, applicationId: APP, account: `backup@${ORGANIZATION}` }, { ...appOnly, applicationId: APP }), ORGANIZATION);
    expect(exported).to.deep.equal({ authentication: { kind: "existingApplication", applicationId: APP, account: `backup@${ORGANIZATION}` }, note: undefined, warning: undefined });
  });

  it("reads a SharePoint-only organization from its SharePoint settings", () => {
    const exported = exportedAuthentication(organization(undefined, { ...appOnly, applicationId: OTHER_APP, account: `sp@${ORGANIZATION}` }), ORGANIZATION);
    expect(exported.authentication).to.deep.equal({ kind: "existingApplication", applicationId: OTHER_APP, account: `sp@${ORGANIZATION}` });
  });

  it("warns when Exchange and SharePoint use different applications, writing Exchange's", () => {
    const exported = exportedAuthentication(organization({ ...appOnly, applicationId: APP, account: `backup@${ORGANIZATION}` }, { ...appOnly, applicationId: OTHER_APP }), ORGANIZATION);
    expect(exported.authentication.applicationId).to.equal(APP);
    expect(exported.warning).to.equal(`${ORGANIZATION}: Exchange and SharePoint use different applications (${APP}, ${OTHER_APP}); the tenants file holds one, ${APP}. Check it before pulumi up.`);
    expect(exported.note).to.match(new RegExp(`^VB365 reports application ${APP} for Exchange and ${OTHER_APP} for SharePoint;`));
  });

  it("leaves applicationId out where VB365 reports none, so that the program refuses the entry until it is added", () => {
    const exported = exportedAuthentication(organization({ ...appOnly, account: `backup@${ORGANIZATION}` }, undefined), ORGANIZATION);
    expect(exported.authentication).to.deep.equal({ kind: "existingApplication", account: `backup@${ORGANIZATION}` });
    expect(exported.warning).to.equal(`${ORGANIZATION}: VB365 reports no application for it; add authentication.applicationId before pulumi preview.`);
  });

  it("exports basic authentication as it is, kept with the server's password", () => {
    const basic = { useApplicationOnlyAuth: false, useMfa: false, account: `administrator@${ORGANIZATION}`, grantAdminAccess: true };
    const exported = exportedAuthentication(organization(basic, undefined), ORGANIZATION);
    expect(exported.authentication).to.deep.equal({ kind: "basic", account: `administrator@${ORGANIZATION}` });
    expect(exported.note).to.match(/^VB365 has this organization with basic authentication: it is taken over with the password the server keeps \(certificate: keep\)/);
    expect(exported.warning).to.equal(undefined);
  });

  it("exports modern authentication with legacy protocols with its application, kept with the server's password and secret", () => {
    const legacy = { useApplicationOnlyAuth: false, useMfa: true, account: `admin@${ORGANIZATION}`, applicationId: APP };
    const exported = exportedAuthentication(organization(legacy, legacy), ORGANIZATION);
    expect(exported.authentication).to.deep.equal({ kind: "modernWithLegacy", applicationId: APP, account: `admin@${ORGANIZATION}` });
    expect(exported.note).to.include("with the password and client secret the server keeps");
    expect(exported.warning).to.equal(undefined);
  });

  it("says what is missing where the server reports no account or application for such an organization", () => {
    const exported = exportedAuthentication(organization({ useApplicationOnlyAuth: false, useMfa: true }, undefined), ORGANIZATION);
    expect(exported.authentication).to.deep.equal({ kind: "modernWithLegacy" });
    expect(exported.warning).to.equal(`${ORGANIZATION}: VB365 has it with modern authentication with legacy protocols but reports no account and applicationId; add authentication.account and authentication.applicationId before pulumi preview.`);
  });
});
