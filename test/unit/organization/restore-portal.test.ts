import { expect } from "chai";
import { describe, it } from "mocha";
import { portalUnavailable, restorePortalOf } from "../../../provider/organization/restore-portal";

const APP = "58a0f8e1-97bd-4804-ba69-bde1db293223";
const enabled = { isEnabled: true, applicationId: APP, msalAuthorityUri: "https://login.microsoftonline.com/organizations", restorePortalUri: "https://portal.provider.example:4443" };

describe("The Restore Portal step of a tenant", () => {
  it("gives the admin-consent URL of the portal application in the tenant's own directory, landing on the portal", () => {
    const outputs = restorePortalOf("contoso.onmicrosoft.com", "Worldwide", { settings: enabled });
    expect(outputs.restorePortalStatus).to.match(/^available: /);
    const url = new URL(outputs.restorePortalConsentUrl!);
    expect(url.origin + url.pathname).to.equal("https://login.microsoftonline.com/contoso.onmicrosoft.com/adminconsent");
    expect(url.searchParams.get("client_id")).to.equal(APP);
    expect(url.searchParams.get("redirect_uri")).to.equal("https://portal.provider.example:4443");
  });

  it("takes the sign-in host from the server's MSAL authority, else from the tenant's region", () => {
    const china = restorePortalOf("contoso.partner.onmschina.cn", "China", { settings: { ...enabled, msalAuthorityUri: null, restorePortalUri: null } });
    expect(china.restorePortalConsentUrl).to.equal(`https://login.chinacloudapi.cn/contoso.partner.onmschina.cn/adminconsent?client_id=${APP}`);
    const gov = restorePortalOf("agency.onmicrosoft.us", "Worldwide", { settings: { ...enabled, msalAuthorityUri: "https://login.microsoftonline.us/common" } });
    expect(gov.restorePortalConsentUrl).to.match(/^https:\/\/login\.microsoftonline\.us\/agency\.onmicrosoft\.us\/adminconsent\?/);
    const notUrl = restorePortalOf("contoso.onmicrosoft.com", "Germany", { settings: { ...enabled, msalAuthorityUri: "organizations" } });
    expect(notUrl.restorePortalConsentUrl).to.match(/^https:\/\/login\.microsoftonline\.de\//);
  });

  it("says the portal is off on the server, with how to turn it on, and gives no URL", () => {
    const outputs = restorePortalOf("contoso.onmicrosoft.com", "Worldwide", { settings: { ...enabled, isEnabled: false } });
    expect(outputs).to.deep.equal({ restorePortalStatus: outputs.restorePortalStatus });
    expect(outputs.restorePortalStatus).to.match(/^disabled: .*Set-VBORestorePortalSettings/);
  });

  it("reports what is missing instead of a URL that cannot work", () => {
    expect(restorePortalOf("contoso.onmicrosoft.com", "Worldwide", { settings: { ...enabled, applicationId: null } }).restorePortalStatus).to.match(/^unknown: .*no applicationId/);
    expect(restorePortalOf(undefined, "Worldwide", { settings: enabled }).restorePortalStatus).to.match(/^unknown: .*Microsoft 365 name/);
    expect(restorePortalOf("contoso.onmicrosoft.com", "Worldwide", { failure: "VB365 GET /v8/RestorePortalSettings failed with 500: boom" })).to.deep.equal({
      restorePortalStatus: "unknown: VB365 GET /v8/RestorePortalSettings failed with 500: boom",
    });
  });

  it("says why a tenant added with anything but modern app-only authentication cannot use the portal", () => {
    expect(portalUnavailable("basic")?.restorePortalStatus).to.match(/^unavailable: .*basic authentication.*modern app-only/);
    expect(portalUnavailable("modernWithLegacy")?.restorePortalStatus).to.match(/^unavailable: .*legacy protocols/);
    for (const kind of ["newApplication", "existingApplication", "existingApplicationConfigured"] as const) expect(portalUnavailable(kind)).to.equal(undefined);
  });
});
