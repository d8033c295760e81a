/**
 * A user's program of the root program's kinds: a new application by device code and an
 * existing application, each with its own certificate, and a Vb365Tenant. It reads the device
 * code from the stack secret `userCode`, signed in to fabrikam.onmicrosoft.com.
 */
export const TENANTS_PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { TenantCertificate, Vb365Organization, Vb365Tenant } from "pulumi-vb365";

const config = new pulumi.Config();
const applicationId = "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10";
const contoso = new TenantCertificate("contoso", { subject: { commonName: "contoso.onmicrosoft.com VB365" }, keySize: 2048 });
const fabrikam = new TenantCertificate("fabrikam", { subject: { commonName: "fabrikam.onmicrosoft.com VB365" }, keySize: 2048 });
const existing = new Vb365Organization("contoso", {
  organizationName: "contoso.onmicrosoft.com",
  isExchangeOnline: true,
  isSharePointOnline: true,
  applicationCertificate: contoso.pfxBase64,
  applicationCertificatePassword: contoso.password,
  exchangeOnlineSettings: { applicationId, account: "backup@contoso.onmicrosoft.com" },
  sharePointOnlineSettings: { applicationId, officeOrganizationName: "contoso.onmicrosoft.com" },
});
const registered = new Vb365Organization("fabrikam", {
  organizationName: "fabrikam.onmicrosoft.com",
  isExchangeOnline: true,
  isSharePointOnline: true,
  isTeamsOnline: true,
  newApplicationName: "VB365 Fabrikam",
  userCode: config.requireSecret("userCode"),
  applicationCertificate: fabrikam.pfxBase64,
  applicationCertificatePassword: fabrikam.password,
  exchangeOnlineSettings: {},
  sharePointOnlineSettings: {},
});
const bundled = new Vb365Tenant("northwind", {
  organizationName: "northwind.onmicrosoft.com",
  certificate: { keySize: 2048 },
  organization: {
    isExchangeOnline: true,
    isSharePointOnline: true,
    exchangeOnlineSettings: { applicationId, account: "backup@northwind.onmicrosoft.com" },
    sharePointOnlineSettings: { applicationId, officeOrganizationName: "northwind.onmicrosoft.com" },
  },
});
export const organizationIds = [existing.organizationId, registered.organizationId, bundled.organization.organizationId];
export const nodeVersion = process.version;
`;

/** The organizations TENANTS_PROGRAM adds, sorted. */
export const TENANTS_PROGRAM_ORGANIZATIONS = ["contoso.onmicrosoft.com", "fabrikam.onmicrosoft.com", "northwind.onmicrosoft.com"];

/**
 * What the customers of TENANTS_PROGRAM's existing-application tenants do before it can add them:
 * register each tenant's certificate on the application (registeredByCustomer).
 */
export const TENANTS_PROGRAM_REGISTRATIONS = {
  registrations: ["contoso", "northwind"].map((tenant) => ({ certificate: tenant, organizationName: `${tenant}.onmicrosoft.com`, applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10" })),
  targets: ["**:Tenant::northwind"],
};
