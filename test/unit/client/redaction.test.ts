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
    const longerInOtherCases = "İstanbul-Straße";
    const casings = [longerInOtherCases.toLowerCase(), longerInOtherCases.toUpperCase(), jsonEscaped(longerInOtherCases.toUpperCase())];
    expect(casings.map((form) => redact(`<${form}>`, [longerInOtherCases]))).to.deep.equal(casings.map(() => "<[secret]>"));
  });

  it("leaves the rest of the text, short values and the parts of a longer secret alone", () => {
    const pfx = "MIIKcQIBAzCCCjcGCSqGSIb3DQEHAaCCCig+/==";
    expect(redact(`The PFX ${pfx} with password abc was refused.`, ["abc", "MIIK", pfx])).to.equal("The PFX [secret] with password abc was refused.");
  });

  it("redacts a megabyte of backslashes, and of near-matches of the password's spellings behind runs of them, in well under a second", () => {
    const twiceEscaped = JSON.stringify(JSON.stringify(password).slice(1, -1)).slice(1, -1);
    const nearMatch = `${"\\".repeat(4096)}${twiceEscaped.slice(0, -2)}#`;
    const registry = new SecretRegistry([password]);
    for (const text of ["\\".repeat(1_048_576), nearMatch.repeat(Math.ceil(1_048_576 / nearMatch.length)), `${"x".repeat(1_048_576)}${password}`]) {
      const started = performance.now();
      const redacted = registry.redact(text);
      const elapsedMs = performance.now() - started;
      expect(redacted).to.equal(text.endsWith(password) ? `${"x".repeat(1_048_576)}[secret]` : text);
      expect(elapsedMs, `${Math.round(elapsedMs)} ms for ${text.slice(0, 20)}…`).to.be.below(1_000);
    }
  });

  it("withholds a text it could not check, and never shows why in its place", () => {
    const unreadable: Iterable<string> = {
      [Symbol.iterator]: () => {
        throw new Error(`cannot read ${password}`);
      },
    };
    const withheld = "(message withheld: it could not be checked for secrets)";
    expect(redact(`The password ${password} was refused.`, unreadable)).to.equal(withheld);
    expect(new SecretRegistry(["admin-password"]).redact(`The password ${password} was refused.`, unreadable)).to.equal(withheld);
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

  it("remembers the credentials requests sent, the newest 32 of them, beside what it keeps until replaced", () => {
    const registry = new SecretRegistry(["admin-password"]);
    const sent = Array.from({ length: 33 }, (_, index) => `application-secret-${index}`);
    for (const value of sent) registry.remember(value);
    expect(registry.redact(`admin-password ${sent[0]} ${sent[1]} ${sent[32]}`)).to.equal(`[secret] ${sent[0]} [secret] [secret]`);
    expect(inspect(registry)).to.equal("SecretRegistry { 33 secrets }");
  });
});
