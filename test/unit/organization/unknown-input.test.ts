import { expect } from "chai";
import { describe, it } from "mocha";
import { checkOrganization } from "../../../provider/organization/check";

describe("Vb365Organization check of an input it does not know", () => {
  const base = { isExchangeOnline: true, isSharePointOnline: false, exchangeOnlineSettings: { applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", account: "backup@contoso.onmicrosoft.com" } };

  it("lists the inputs there are and names the one meant", () => {
    const result = checkOrganization({ ...base, isTeamsOnlne: true }, "v8");
    expect(result.failures).to.have.length(1);
    expect(result.failures![0].property).to.equal("isTeamsOnlne");
    expect(result.failures![0].reason).to.match(/^isTeamsOnlne is not an input of Vb365Organization; valid ones are type, region, isExchangeOnline, .*adoptExisting, keepServerCredentials, connection\. Did you mean "isTeamsOnline"\?$/);
  });

  it("lists the settings of a service for an unknown setting inside it", () => {
    const result = checkOrganization({ ...base, exchangeOnlineSettings: { ...base.exchangeOnlineSettings, applicationID: "x" } }, "v8");
    expect(result.failures![0].property).to.equal("exchangeOnlineSettings.applicationID");
    expect(result.failures![0].reason).to.contain("is not a setting of exchangeOnlineSettings; valid ones are useApplicationOnlyAuth, useMfa, account").and.contain('Did you mean "applicationId"?');
  });
});
