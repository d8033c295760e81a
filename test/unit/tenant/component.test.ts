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
});
