import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { TenantCertificate, Vb365Organization } from "pulumi-vb365";

// N tenants, as a platform team declares them: a certificate and an organization each, named
// tenant<offset> to tenant<offset + count - 1> (a shard of a larger fleet starts at its offset).
// With `pfxFile` (a JSON array of { pfxBase64, password }, made before the timed run), tenant i
// adopts entry i modulo its length instead of generating a key; the floor program reads the same
// file the same way, so both carry the same bytes. The application is the bench's multi-tenant
// one (bench/lib/pfx-file.ts BENCH_APPLICATION_ID), which trusts those certificates beforehand.
const config = new pulumi.Config();
const count = config.requireNumber("count");
const offset = config.getNumber("offset") ?? 0;
const pfxFile = config.get("pfxFile");
const pfxs: Array<{ pfxBase64: string; password: string }> = pfxFile ? JSON.parse(fs.readFileSync(pfxFile, "utf8")) : [];
for (let i = offset; i < offset + count; i++) {
  const tenant = `tenant${i}.onmicrosoft.com`;
  const pfx = pfxs.length > 0 ? pfxs[i % pfxs.length] : undefined;
  const certificate = new TenantCertificate(
    `tenant${i}`,
    pfx ? { importPfxBase64: pulumi.secret(pfx.pfxBase64), password: pulumi.secret(pfx.password) } : { subject: { commonName: `${tenant} VB365` } },
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
