import { LazyProvider } from "../common/lazy-provider";

// The one provider object of every TenantCertificate; see organization/shared-provider.ts for
// why it is a module's whole exports.
export = new LazyProvider("pulumi-vb365/runtime/tenant-certificate", "TenantCertificateProvider");
