import { expect } from "chai";
import { describe, it } from "mocha";
import { ORGANIZATION_FIELDS } from "../../../provider/organization/definition";
import { isSecret, revealed, secret, withSecretsMarked } from "../../../provider/plugin/secrets";

const SIGNATURE = "4dabf18193072939515e22adb298388d";

describe("the plugin's secrets", () => {
  it("are marked as Pulumi's wire format marks them", () => {
    expect(secret("pw")).to.deep.equal({ [SIGNATURE]: "1b47061264138c4ac30d75fd1eb44270", value: "pw" });
    expect(isSecret(secret(undefined))).to.equal(true);
    expect(isSecret({ [SIGNATURE]: "5cf8f73096256a8f31e491e813e4eb8e", value: "a resource reference" })).to.equal(false);
  });

  it("reach the implementations unmarked, at any depth", () => {
    expect(revealed({ a: secret("1"), b: [secret({ c: secret(2) })], d: null })).to.deep.equal({ a: "1", b: [{ c: 2 }], d: null });
  });

  it("are marked where the definition says so, inside a service's settings too, whatever arrived marked", () => {
    const marked = withSecretsMarked(
      { userCode: "ABCD1234", description: "gold", exchangeOnlineSettings: { account: "a@b.c", password: "pw" }, sharePointOnlineSettings: null },
      ORGANIZATION_FIELDS,
    );
    expect(marked).to.deep.equal({ userCode: secret("ABCD1234"), description: "gold", exchangeOnlineSettings: { account: "a@b.c", password: secret("pw") }, sharePointOnlineSettings: null });
  });
});
