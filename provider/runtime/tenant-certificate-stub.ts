import { stubFor } from "./index";

// The one provider object of every TenantCertificate; see organization-stub.ts for why it is a
// module's whole exports.
export = stubFor("tenantCertificate");
