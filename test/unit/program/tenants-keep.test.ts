import { expect } from "chai";
import { describe, it } from "mocha";
import { parseTenants } from "../../../program/tenants-file";
import { tenantsFileProblems } from "../../helpers/tenants-file";

const FILE = "tenants.yaml";

function tenant(lines: string): string {
  return `tenants:
  - name: northwind
    organization: northwind.onmicrosoft.com
${lines}`;
}

const EXISTING = "    authentication: { kind: existingApplication, applicationId: 5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a }\n";

describe("tenants file: certificate: keep", () => {
  it("takes a tenant adopted with the server's credentials", () => {
    const [parsed] = parseTenants(tenant(`${EXISTING}    adoptExisting: true\n    certificate: keep\n`), FILE);
    expect(parsed.certificate).to.equal("keep");
    expect(parsed.adoptExisting).to.equal(true);
  });

  it("still makes a certificate with the defaults when certificate is left out", () => {
    const [parsed] = parseTenants(tenant(EXISTING), FILE);
    expect(parsed.certificate).to.deep.equal({ keySize: 2048, validityDays: 730, pfxEncryption: "3des", commonName: "northwind.onmicrosoft.com VB365" });
  });

  it("refuses keep without adoptExisting, and with a new application, naming the line", () => {
    expect(tenantsFileProblems(tenant(`${EXISTING}    certificate: keep\n`), FILE)).to.contain('tenant "northwind", certificate (line 5): keep takes over the credentials of an organization the server already has: set adoptExisting: true as well');
    const newApplication = tenantsFileProblems(tenant("    authentication: { kind: newApplication }\n    adoptExisting: true\n    certificate: keep\n"), FILE);
    expect(newApplication).to.contain('certificate (line 6): keep needs authentication kind "existingApplication"');
  });

  it("names other text than keep, and a mistake inside the mapping at its own field", () => {
    expect(tenantsFileProblems(tenant(`${EXISTING}    certificate: kept\n`), FILE)).to.contain('certificate (line 5): must be "keep" (the server\'s credentials stay as they are) or a mapping of keySize, validityDays, rotateBeforeDays, pfxEncryption, commonName, not "kept"');
    expect(tenantsFileProblems(tenant(`${EXISTING}    certificate: { keySise: 4096 }\n`), FILE)).to.match(/certificate\.keySise \(line 5\): is not a field in certificate; did you mean "keySize"\?/);
    expect(tenantsFileProblems(tenant(`${EXISTING}    certificate: { keySize: 1024 }\n`), FILE)).to.match(/certificate\.keySize \(line 5\): must be 2048, 3072 or 4096/);
  });
});

describe("tenants file: organizations with basic authentication or legacy protocols, kept", () => {
  it("takes them over with certificate: keep, their passwords and secrets staying on the server", () => {
    const [basic] = parseTenants(tenant("    authentication: { kind: basic, account: admin@northwind.onmicrosoft.com }\n    adoptExisting: true\n    certificate: keep\n"), FILE);
    expect(basic.authentication).to.deep.include({ kind: "basic", account: "admin@northwind.onmicrosoft.com" });
    const [legacy] = parseTenants(tenant(`    authentication: { kind: modernWithLegacy, applicationId: 5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a, account: admin@northwind.onmicrosoft.com }\n    adoptExisting: true\n    certificate: keep\n`), FILE);
    expect(legacy.authentication).to.deep.include({ kind: "modernWithLegacy", applicationId: "5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a" });
  });

  it("refuses them without certificate: keep, since the file holds no passwords", () => {
    expect(tenantsFileProblems(tenant("    authentication: { kind: basic, account: admin@northwind.onmicrosoft.com }\n"), FILE)).to.contain(
      "authentication.kind (line 4): basic is only for an organization the server already has, taken over with certificate: keep and adoptExisting: true: the tenants file holds no passwords or client secrets",
    );
  });
});
