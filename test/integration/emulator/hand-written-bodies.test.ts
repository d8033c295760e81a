import { expect } from "chai";
import { before, beforeEach, describe, it } from "mocha";
import { useEmulator } from "../../helpers/emulator";
import { APPLICATION_ID, pfxFixture, registerCertificate, type PfxFixture } from "../../helpers/emulator-fixtures";

const CREATED = { v6: 200, v7: 200, v8: 201 } as const;

/**
 * Bodies as people write them by hand from Veeam's examples (vb365-api.md §4.2-4.3, §10): the
 * keys' case as the old docs spell them, booleans as "true" strings, a trailing comma and comments,
 * which the .NET server's Json.NET reads.
 */
function handWrittenExistingApplication(pfx: PfxFixture): string {
  return `{
  // Existing application, already configured: no device code.
  "Type": "Office365",
  "Region": "worldwide",
  "IsExchangeOnline": "true",
  "isSharePointOnline": true,
  "ExchangeOnlineSettings": {
    "UseApplicationOnlyAuth": "true",
    "useMfa": "true",
    "Account": "backupuser@contoso.onmicrosoft.com",
    "ApplicationId": "${APPLICATION_ID}",
    "ApplicationCertificate": "${pfx.base64}",
    "ApplicationCertificatePassword": "${pfx.password}",
  },
  /* SharePoint and OneDrive by organization name */
  "sharePointOnlineSettings": {
    "useApplicationOnlyAuth": true,
    "officeOrganizationName": "contoso.onmicrosoft.com",
    "applicationId": "${APPLICATION_ID}",
    "applicationCertificate": "${pfx.base64}",
    "applicationCertificatePassword": "${pfx.password}",
    "sharePointSaveAllWebParts": "false",
  },
}`;
}

describe("emulator request bodies written by hand", () => {
  const fixture = useEmulator({ http: true });
  let pfx: PfxFixture;
  before(() => {
    pfx = pfxFixture();
  });
  // The customer's application trusts the fixture certificate (registered again after each reset).
  beforeEach(() => registerCertificate(fixture.current, pfx));

  for (const version of ["v6", "v7", "v8"] as const) {
    it(`on ${version}: reads PascalCase keys, "true" strings, comments and trailing commas as the .NET server does`, async () => {
      const client = await fixture.client(version);
      const response = await client.request("POST", "/Organizations", { raw: handWrittenExistingApplication(pfx), contentType: "application/json" });
      expect(response.status, response.text).to.equal(CREATED[version]);
      expect(response.body).to.include({ name: "contoso.onmicrosoft.com", region: "Worldwide", isExchangeOnline: true });
      expect(response.body.exchangeOnlineSettings).to.include({ useApplicationOnlyAuth: true, applicationCertificateThumbprint: pfx.thumbprint });
      expect(response.body.sharePointOnlineSettings.sharePointSaveAllWebParts).to.equal(false);
    });
  }

  it("still refuses a body that is not JSON even to Json.NET, naming the problem", async () => {
    const client = await fixture.client("v8");
    const response = await client.request("POST", "/Organizations", { raw: '{"type": "Office365",, }', contentType: "application/json" });
    expect(response.status).to.equal(400);
    expect(response.body.message).to.match(/^The request body is not valid JSON: /);
    expect(fixture.current.state().organizations).to.deep.equal([]);
  });
});
