import { inspect } from "node:util";
import { expect } from "chai";
import { describe, it } from "mocha";
import { redact, SecretRegistry, secretValues } from "../../../provider/client/redaction";
import { jsonEscaped } from "../../helpers/secret-spellings";

describe("redaction", () => {
  const password = 'Grüße "aus" C:\\Temp 😀';

  it("finds a secret as sent, JSON-escaped (nested too), form- and URL-encoded, and in another case", () => {
    const forms = [
      password,
      JSON.stringify(password).slice(1, -1),
      JSON.stringify(JSON.stringify(password).slice(1, -1)).slice(1, -1),
      jsonEscaped(password),
      jsonEscaped(password).replace(/\\u[0-9a-f]{4}/g, (escape) => `\\u${escape.slice(2).toUpperCase()}`),
      new URLSearchParams({ password }).toString().slice("password=".length),
      encodeURIComponent(password),
      encodeURIComponent(password).toLowerCase(),
      password.toUpperCase(),
      password.toLowerCase(),
    ];
    expect(forms.map((form) => redact(`<${form}>`, [password]))).to.deep.equal(forms.map(() => "<[secret]>"));
  });

  it("leaves the rest of the text, short values and the parts of a longer secret alone", () => {
    const pfx = "MIIKcQIBAzCCCjcGCSqGSIb3DQEHAaCCCig+/==";
    expect(redact(`The PFX ${pfx} with password abc was refused.`, ["abc", "MIIK", pfx])).to.equal("The PFX [secret] with password abc was refused.");
  });

  it("finds the credentials of a request body at any depth", () => {
    const body = {
      name: "contoso.onmicrosoft.com",
      exchangeOnlineSettings: { account: "backup@contoso", password: "p1", applicationSecret: "s1", applicationCertificate: "c1", applicationCertificatePassword: "cp1", applicationCertificateThumbprint: "AB12" },
      devices: [{ userCode: "u1" }],
    };
    expect(secretValues(body)).to.deep.equal(["p1", "s1", "c1", "cp1", "u1"]);
  });

  it("keeps a connection's secrets until they are replaced, and shows only how many it holds", () => {
    const registry = new SecretRegistry(["admin-password"]);
    registry.add("token-one");
    expect(registry.redact("admin-password token-one body-secret", ["body-secret"])).to.equal("[secret] [secret] [secret]");
    registry.delete("token-one");
    expect(registry.redact("token-one body-secret")).to.equal("token-one body-secret");
    expect(inspect(registry)).to.equal("SecretRegistry { 1 secrets }");
    expect(JSON.stringify({ registry })).to.equal('{"registry":{"secrets":1}}');
  });
});
