import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { expect } from "chai";
import { before, describe, it } from "mocha";
import type { Registration } from "./tenant-under-mocks";

interface Declared {
  registered: Record<string, Registration>;
  tenantUrn: string;
  organizationUrn: string;
  restoreOperatorRoleIds: Record<string, string>;
  backupJobIds: Record<string, string>;
  kept: { thumbprint: string; notAfter: string | null; certificate: "none" | "declared" };
  rotating: { thumbprint: string; nextThumbprint: string; nextCertificatePem: string; certificateRotation: string; warnings: string[] };
}

// Mocks are global to the Pulumi runtime, so the tenant is declared in a process of its own.
function declareUnderMocks(): Declared {
  const script = path.join(__dirname, "tenant-under-mocks.ts");
  return JSON.parse(execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", script], { encoding: "utf8" })) as Declared;
}

describe("Vb365Tenant against Pulumi's mock engine", () => {
  let declared: Declared;

  before(function () {
    this.timeout(60_000);
    declared = declareUnderMocks();
  });

  describe("its restore-operator roles", () => {
    it("declares one Vb365RestoreOperatorRole per role, named <tenant>-<name>", () => {
      const roles = Object.keys(declared.registered).filter((key) => key.startsWith("RestoreOperatorRole/"));
      expect(roles).to.have.members(["RestoreOperatorRole/fabrikam-helpdesk", "RestoreOperatorRole/fabrikam-it-admins"]);
    });

    it("gives each the organization's id and connection, the name <tenant>-<name> in VB365 unless it has a roleName, and its own settings", () => {
      expect(declared.registered["RestoreOperatorRole/fabrikam-helpdesk"].inputs).to.deep.equal({
        name: "fabrikam-helpdesk",
        organizationId: "organizationId-of-fabrikam",
        connection: "eu-west",
        roleType: "SpecificObjects",
        operators: [{ type: "User", user: "admin@fabrikam.onmicrosoft.com" }],
        selectedItems: [{ type: "Group", group: "Sales" }],
      });
      expect(declared.registered["RestoreOperatorRole/fabrikam-it-admins"].inputs).to.deep.equal({
        name: "IT admins",
        organizationId: "organizationId-of-fabrikam",
        connection: "eu-west",
        operators: [{ type: "Group", group: "All Company" }],
      });
    });

    it("makes each a child of the tenant that depends on its organization, so destroy removes the roles first", () => {
      for (const role of ["fabrikam-helpdesk", "fabrikam-it-admins"]) {
        const registration = declared.registered[`RestoreOperatorRole/${role}`];
        expect(registration.parent).to.equal(declared.tenantUrn);
        expect(registration.dependencies).to.deep.equal([declared.organizationUrn]);
      }
    });

    it("exports each role's id on the server by the role's name", () => {
      expect(declared.restoreOperatorRoleIds).to.deep.equal({ helpdesk: "roleId-of-fabrikam-helpdesk", "it-admins": "roleId-of-fabrikam-it-admins" });
    });
  });

  it("keeps its backup jobs beside the roles, on the same organization", () => {
    expect(declared.backupJobIds).to.deep.equal({ exchange: "jobId-of-fabrikam-exchange" });
    const job = declared.registered["BackupJob/fabrikam-exchange"];
    expect(job.parent).to.equal(declared.tenantUrn);
    expect(job.dependencies).to.deep.equal([declared.organizationUrn]);
    expect(job.inputs).to.deep.include({ name: "fabrikam-exchange", organizationId: "organizationId-of-fabrikam", connection: "eu-west" });
  });

  describe("a tenant that keeps the server's credentials (certificate: \"keep\")", () => {
    it("makes no certificate and declares the organization with keepServerCredentials and no credential", () => {
      expect(Object.keys(declared.registered).filter((key) => key.endsWith("/northwind"))).to.have.members(["Tenant/northwind", "Organization/northwind"]);
      expect(declared.kept.certificate).to.equal("none");
      const inputs = declared.registered["Organization/northwind"].inputs;
      expect(inputs).to.deep.include({ keepServerCredentials: true, adoptExisting: true, organizationName: "northwind.onmicrosoft.com" });
      expect(inputs).to.not.have.any.keys("applicationCertificate", "applicationCertificatePassword");
    });

    it("reports the thumbprint the server has, and no expiry it cannot know", () => {
      expect(declared.kept.thumbprint).to.equal("C0FFEE".padEnd(40, "0"));
      expect(declared.kept.notAfter).to.equal(null);
    });
  });

  describe("a tenant whose certificate rotates", () => {
    const CURRENT = "A".repeat(40);
    const NEXT = "B".repeat(40);
    const SECRET = "4dabf18193072939515e22adb298388d";

    it("wires the next PFX (secret), its password and the confirmed thumbprints into the organization", () => {
      const inputs = declared.registered["Organization/contoso"].inputs;
      expect(inputs.registeredThumbprints).to.deep.equal([CURRENT]);
      expect(inputs.nextApplicationCertificate).to.deep.include({ [SECRET]: "1b47061264138c4ac30d75fd1eb44270", value: "TkVYVA==" });
      expect((inputs.nextApplicationCertificatePassword as Record<string, unknown>)[SECRET]).to.equal("1b47061264138c4ac30d75fd1eb44270");
    });

    it("exports the thumbprint the organization uses, the next certificate and where the rotation stands", () => {
      expect(declared.rotating).to.deep.include({
        thumbprint: CURRENT,
        nextThumbprint: NEXT,
        nextCertificatePem: "-----BEGIN CERTIFICATE-----\nNEXT\n-----END CERTIFICATE-----\n",
      });
      expect(declared.rotating.certificateRotation).to.match(/^waiting: the customer to register certificate B{40} /);
    });

    it("warns, once per tenant, what the rotation waits for and until when the certificate in use lasts", () => {
      expect(declared.rotating.warnings).to.deep.equal([
        `warning: [runtime] contoso: certificate rotation waiting: the customer to register certificate ${NEXT} on application 5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a in contoso.onmicrosoft.com (their Entra app registration), then to add it to registeredThumbprints; ${CURRENT} stays in use until then, valid until 2027-01-01T00:00:00.000Z.`,
      ]);
    });
  });
});
