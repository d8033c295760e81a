import * as path from "node:path";
import { expect } from "chai";
import { describe, it } from "mocha";
import { RUNTIME_ENTRIES } from "../../../provider/runtime/entries";

const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
// Boundary: package.json as JSON.
const packageJson = require(path.join(REPO_ROOT, "package.json")) as { exports: Record<string, unknown> };

// Every released stack's state names these (its providers' stubs, and the modules they load);
// the list is literal on purpose: renaming an entry must fail here, not in a user's refresh.
const STORED_IN_RELEASED_STATE = [
  "pulumi-vb365/runtime/host",
  "pulumi-vb365/runtime/organization",
  "pulumi-vb365/runtime/organization-provider",
  "pulumi-vb365/runtime/tenant-certificate",
  "pulumi-vb365/runtime/tenant-certificate-provider",
];

function exportKey(specifier: string): string {
  return `.${specifier.slice("pulumi-vb365".length)}`;
}

describe("runtime entries: the module paths users' state refers to", () => {
  it("keeps every path a released stack stores", () => {
    expect(Object.values(RUNTIME_ENTRIES).map((entry) => entry.specifier)).to.include.members(STORED_IN_RELEASED_STATE);
  });

  it("maps each entry in package.json exports, and no runtime path that entries.ts does not name", () => {
    for (const entry of Object.values(RUNTIME_ENTRIES)) expect(packageJson.exports[exportKey(entry.specifier)], entry.specifier).to.equal(entry.file);
    const runtimeExports = Object.keys(packageJson.exports).filter((key) => key.startsWith("./runtime/"));
    expect(runtimeExports.sort()).to.deep.equal(Object.values(RUNTIME_ENTRIES).map((entry) => exportKey(entry.specifier)).sort());
  });

  it("resolves each path by the package's name to the built module of its role", () => {
    const load = (entry: keyof typeof RUNTIME_ENTRIES) => require(require.resolve(RUNTIME_ENTRIES[entry].specifier, { paths: [REPO_ROOT] })) as Record<string, unknown>;
    expect(load("host").load).to.be.a("function");
    expect(load("organization").OrganizationProvider).to.be.a("function");
    expect(load("tenantCertificate").TenantCertificateProvider).to.be.a("function");
    expect(load("backupJob").BackupJobProvider).to.be.a("function");
    expect(load("restoreOperatorRole").RestoreOperatorRoleProvider).to.be.a("function");
    for (const stub of ["organizationStub", "tenantCertificateStub", "backupJobStub", "restoreOperatorRoleStub"] as const) {
      expect(load(stub).check, stub).to.be.a("function");
      expect(load(stub).constructor.name, stub).to.equal("ProviderStub");
    }
  });
});
