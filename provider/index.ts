// Public API of pulumi-vb365: resources and their argument types.

// TenantCertificate (issue 4)
export { TenantCertificate } from "./tenant-certificate/resource";
export type { TenantCertificateArgs } from "./tenant-certificate/resource";
export type {
  CertificateSubject,
  KeySize,
  PfxEncryption,
  TenantCertificateInputs,
} from "./tenant-certificate/types";
