import * as pulumi from "@pulumi/pulumi";
import { TenantCertificate, Vb365Organization } from "pulumi-vb365";

// N tenants, as a platform team declares them: a certificate and an organization each. With
// `importPfx`, the certificates adopt that PFX instead of generating keys (the no-keygen variant).
const config = new pulumi.Config();
const count = config.requireNumber("count");
const importPfx = config.getSecret("importPfx");
const importPassword = config.getSecret("importPassword");
for (let i = 0; i < count; i++) {
  const tenant = `tenant${i}.onmicrosoft.com`;
  const certificate = new TenantCertificate(
    `tenant${i}`,
    importPfx ? { importPfxBase64: importPfx, password: importPassword } : { subject: { commonName: `${tenant} VB365` } },
  );
  new Vb365Organization(`tenant${i}`, {
    isExchangeOnline: true,
    isSharePointOnline: true,
    applicationCertificate: certificate.pfxBase64,
    applicationCertificatePassword: certificate.password,
    exchangeOnlineSettings: { applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", account: `backup@${tenant}` },
    sharePointOnlineSettings: { applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", officeOrganizationName: tenant },
  });
}
