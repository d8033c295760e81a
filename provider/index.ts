// Public API of pulumi-vb365: resources and their argument types.

// TenantCertificate: a tenant's certificate and PFX
export { TenantCertificate } from "./tenant-certificate/resource";
export type { TenantCertificateArgs } from "./tenant-certificate/resource";
export type {
  CertificateSubject,
  KeySize,
  PfxEncryption,
  TenantCertificateInputs,
} from "./tenant-certificate/types";

// Vb365Organization: an organization in VB365
export { Vb365Organization } from "./organization/resource";
export type { Vb365OrganizationArgs } from "./organization/resource";
export type { OrganizationInputs, Region, ServiceConnectionSettings } from "./organization/types";
export { Vb365ApiError, Vb365ConfigError, Vb365ConnectionError, Vb365Error } from "./client/errors";

// Vb365BackupJob: a backup job of an organization
export { Vb365BackupJob } from "./backup-job/resource";
export type { Vb365BackupJobArgs } from "./backup-job/resource";
export type { BackupJobInputs, JobItem, JobSchedule } from "./backup-job/types";

// Vb365RestoreOperatorRole: who of the tenant may restore what
export { Vb365RestoreOperatorRole } from "./restore-operator-role/resource";
export type { Vb365RestoreOperatorRoleArgs } from "./restore-operator-role/resource";
export type { RoleInputs, RoleReference } from "./restore-operator-role/types";

// Vb365Tenant: a certificate and the organization that uses it
export { Vb365Tenant } from "./tenant/component";
export type { Vb365TenantArgs } from "./tenant/component";

// vb365 device-code: the onboarding pause as a function that prints nothing
export { deviceCodeLogin, Vb365DeviceCodeError } from "./device-code";
export type {
  DeviceCodeClient,
  DeviceCodeErrorCode,
  DeviceCodeLoginOptions,
  DeviceCodeLoginResult,
  DeviceCodeProgress,
  DeviceCodeVerification,
} from "./device-code";
export { resolveConnection } from "./client/connection";
export type { ConnectionSettings } from "./client";
