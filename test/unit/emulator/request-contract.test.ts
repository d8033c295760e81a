import { expect } from "chai";
import { describe, it } from "mocha";
import { requestViolations } from "../../helpers/emulator-contract";

const posted = (requestBody: unknown) => ({ version: "v8", route: "/v8/Organizations", method: "POST", path: "/v8/Organizations", kind: "organizations.create", requestBody }) as never;

describe("the request contract the provider's bodies are held to", () => {
  it("accepts a body of declared properties, useMfa with app-only included", () => {
    expect(requestViolations(posted({ type: "Office365", exchangeOnlineSettings: { useApplicationOnlyAuth: true, useMfa: true, applicationCertificate: "[REDACTED]" } }))).to.deep.equal([]);
  });

  it("names a property Veeam's schema does not declare, and a value of the wrong type", () => {
    expect(requestViolations(posted({ type: "Office365", organizationName: "contoso.onmicrosoft.com" }))).to.deep.equal([
      "POST /v8/Organizations request: (body) must NOT have additional properties (organizationName)",
    ]);
    expect(requestViolations(posted({ isExchangeOnline: "yes" }))).to.deep.equal(["POST /v8/Organizations request: /isExchangeOnline must be boolean"]);
  });
});
