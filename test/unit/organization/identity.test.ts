import { expect } from "chai";
import { describe, it } from "mocha";
import type { RemoteOrganization } from "../../../provider/client";
import { findOwnOrganization, type IdentityRule } from "../../../provider/organization/identity";

const SHARED = "72E825982326AE21601177F08EF80B2C52A965C4";

function organization(id: string, name: string, thumbprint: string): RemoteOrganization {
  const settings = { useApplicationOnlyAuth: true, applicationCertificateThumbprint: thumbprint };
  return { id, name, officeName: name, exchangeOnlineSettings: settings, sharePointOnlineSettings: settings } as RemoteOrganization;
}

const RULES: IdentityRule[] = ["adoption", "recovery", "recoveryOfOwnAttempt"];

describe("the identity rule: which organization on the server is this resource's", () => {
  const another = organization("6b7c2d3e-0000-4000-8000-000000000001", "t1.onmicrosoft.com", SHARED);

  it("finds none without a name under every rule, even where exactly one organization carries the certificate", () => {
    for (const rule of RULES) expect(findOwnOrganization([another], { thumbprints: [SHARED] }, rule), rule).to.equal(undefined);
  });

  it("finds the organization of the name under every rule, the certificate matching where one is given", () => {
    const own = organization("6b7c2d3e-0000-4000-8000-000000000002", "t2.onmicrosoft.com", SHARED);
    for (const rule of RULES) expect(findOwnOrganization([another, own], { name: "T2.onmicrosoft.com", thumbprints: [SHARED] }, rule)?.id, rule).to.equal(own.id);
    expect(findOwnOrganization([another, own], { name: "t2.onmicrosoft.com", thumbprints: ["0".repeat(40)] }, "recovery")).to.equal(undefined);
    expect(findOwnOrganization([another, own], { name: "t2.onmicrosoft.com", thumbprints: ["0".repeat(40)] }, "adoption")?.id).to.equal(own.id);
  });
});
