import { expect } from "chai";
import { describe, it } from "mocha";
import { ORGANIZATION_FIELDS } from "../../../provider/organization/definition";
import { isSecret, revealed, secret, withReceivedSecretsKept, withSecretsMarked } from "../../../provider/plugin/secrets";

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

  it("keep every mark the program put on a field the definition does not call secret, matched by name at any depth", () => {
    const received = { description: secret("gold"), exchangeOnlineSettings: { account: secret("a@b.c"), applicationId: "app" }, sharePointOnlineSettings: secret({ officeOrganizationName: "b.c" }), region: "Worldwide" };
    const returned = { description: "gold", exchangeOnlineSettings: { account: "a@b.c", applicationId: "app", password: secret("pw") }, sharePointOnlineSettings: { officeOrganizationName: "b.c", applicationId: "app" }, region: "Worldwide", isTeamsOnline: false };
    expect(withReceivedSecretsKept(returned, received)).to.deep.equal({
      description: secret("gold"),
      exchangeOnlineSettings: { account: secret("a@b.c"), applicationId: "app", password: secret("pw") },
      sharePointOnlineSettings: secret({ officeOrganizationName: "b.c", applicationId: "app" }),
      region: "Worldwide",
      isTeamsOnline: false,
    });
  });

  it("keep a mark on an output that echoes a marked value under another name, and on a list that held one", () => {
    const received = { organizationName: secret("contoso.onmicrosoft.com"), items: [{ user: secret("megan@contoso.onmicrosoft.com") }] };
    const returned = { name: "contoso.onmicrosoft.com", items: [{ user: "megan@contoso.onmicrosoft.com" }], organizationId: "6b7c" };
    expect(withReceivedSecretsKept(returned, undefined, received)).to.deep.equal({ name: secret("contoso.onmicrosoft.com"), items: secret([{ user: "megan@contoso.onmicrosoft.com" }]), organizationId: "6b7c" });
  });

  it("mark nothing a preview left unknown, nor anything when no mark arrived", () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    expect(withReceivedSecretsKept({ description: unknown, organizationId: unknown }, { description: secret(unknown) })).to.deep.equal({ description: secret(unknown), organizationId: unknown });
    expect(withReceivedSecretsKept({ description: "gold" }, { description: "gold" })).to.deep.equal({ description: "gold" });
  });
});
