/**
 * The module paths of pulumi-vb365 that users' state refers to: every resource stores its
 * provider as a stub that requires one of these by name (or, when the program lives inside this
 * repository, as the stub's code naming them), and `refresh` and `destroy` load them from
 * whichever version the program has installed. Renaming one breaks every existing stack, so
 * they are named here once, mapped in package.json's `exports` and pinned by
 * test/unit/runtime/entries.test.ts. Add an entry; never rename or drop one.
 */
export const RUNTIME_ENTRIES = {
  /** The host: loads a provider implementation in the provider process (runtime/index.ts `load`). */
  host: { specifier: "pulumi-vb365/runtime/host", file: "./dist/provider/runtime/index.js" },
  /** The stub of every Vb365Organization, a module whose whole exports is that stub. */
  organizationStub: { specifier: "pulumi-vb365/runtime/organization-provider", file: "./dist/provider/runtime/organization-stub.js" },
  /** The implementation behind it: exports OrganizationProvider. */
  organization: { specifier: "pulumi-vb365/runtime/organization", file: "./dist/provider/organization/provider.js" },
  /** The stub of every TenantCertificate. */
  tenantCertificateStub: { specifier: "pulumi-vb365/runtime/tenant-certificate-provider", file: "./dist/provider/runtime/tenant-certificate-stub.js" },
  /** The implementation behind it: exports TenantCertificateProvider. */
  tenantCertificate: { specifier: "pulumi-vb365/runtime/tenant-certificate", file: "./dist/provider/tenant-certificate/provider.js" },
  /** The stub of every Vb365BackupJob. */
  backupJobStub: { specifier: "pulumi-vb365/runtime/backup-job-provider", file: "./dist/provider/runtime/backup-job-stub.js" },
  /** The implementation behind it: exports BackupJobProvider. */
  backupJob: { specifier: "pulumi-vb365/runtime/backup-job", file: "./dist/provider/backup-job/provider.js" },
  /** The stub of every Vb365RestoreOperatorRole. */
  restoreOperatorRoleStub: { specifier: "pulumi-vb365/runtime/restore-operator-role-provider", file: "./dist/provider/runtime/restore-operator-role-stub.js" },
  /** The implementation behind it: exports RestoreOperatorRoleProvider. */
  restoreOperatorRole: { specifier: "pulumi-vb365/runtime/restore-operator-role", file: "./dist/provider/restore-operator-role/provider.js" },
} as const;

/** The implementations a stub can name, with the class each exports. */
export const IMPLEMENTATIONS = {
  organization: { specifier: RUNTIME_ENTRIES.organization.specifier, exportName: "OrganizationProvider" },
  tenantCertificate: { specifier: RUNTIME_ENTRIES.tenantCertificate.specifier, exportName: "TenantCertificateProvider" },
  backupJob: { specifier: RUNTIME_ENTRIES.backupJob.specifier, exportName: "BackupJobProvider" },
  restoreOperatorRole: { specifier: RUNTIME_ENTRIES.restoreOperatorRole.specifier, exportName: "RestoreOperatorRoleProvider" },
} as const;
