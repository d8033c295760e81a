/**
 * The demo's customers who register certificates on their own applications (tenants.yaml
 * `certificateRegistration: { by: customer }`): against the embedded emulator, `npm start`
 * plays them. Each tenant's certificates (the current one, and the next one of a rotation) are
 * registered on its application in the emulator's Entra, and their thumbprints, the customer's
 * confirmation, are listed in a copy of tenants.yaml that the demo stack reads: the user's file
 * is never rewritten.
 */
import * as fs from "node:fs";
import type { Stack } from "@pulumi/pulumi/automation";
import { parseDocument } from "yaml";
import type { Emulator } from "../emulator";
import type { TenantDeclaration } from "../program/tenants-file";

/** A tenant whose customer registers its certificates on their application. */
type CustomerTenant = TenantDeclaration & { authentication: { applicationId: string }; certificateRegistration: { by: "customer"; thumbprints: string[] } };

/** The root program's `certificates` output: each tenant's certificates, public parts. */
type Certificates = Record<string, { thumbprint: string; certificatePem: string; nextThumbprint?: string; nextCertificatePem?: string }>;

export function customerTenants(tenants: readonly TenantDeclaration[]): CustomerTenant[] {
  return tenants.filter((tenant): tenant is CustomerTenant => tenant.certificateRegistration?.by === "customer" && tenant.certificate !== "keep" && "applicationId" in tenant.authentication);
}

/**
 * Registers on each customer tenant's application the certificates `certificates` holds that it
 * does not trust yet, and writes the copy of the tenants file confirming every one of them;
 * returns the tenants that got a new registration.
 */
export function playCustomers(emulator: Emulator, tenants: readonly CustomerTenant[], certificates: Certificates, sourceFile: string, copyFile: string): string[] {
  const confirmations = new Map<string, string[]>();
  const added: string[] = [];
  for (const tenant of tenants) {
    const made = certificates[tenant.name];
    if (!made) continue;
    const confirmed = [...tenant.certificateRegistration.thumbprints];
    for (const [thumbprint, certificatePem] of [[made.thumbprint, made.certificatePem], [made.nextThumbprint, made.nextCertificatePem]] as const) {
      if (!thumbprint || !certificatePem) continue;
      if (!trusts(emulator, tenant, thumbprint)) {
        emulator.addApplicationCertificate(tenant.authentication.applicationId, { certificatePem, organizationName: tenant.organization });
        if (!added.includes(tenant.name)) added.push(tenant.name);
      }
      if (!confirmed.includes(thumbprint)) confirmed.push(thumbprint);
    }
    confirmations.set(tenant.name, confirmed);
  }
  fs.writeFileSync(copyFile, withConfirmations(fs.readFileSync(sourceFile, "utf8"), confirmations), { mode: 0o600 });
  return added;
}

/** Whether the tenant's application in the emulator's Entra has the certificate already (in its registration or the application's own). */
function trusts(emulator: Emulator, tenant: CustomerTenant, thumbprint: string): boolean {
  const organization = tenant.organization.toLowerCase();
  return emulator
    .applications()
    .some(
      (application) =>
        application.applicationId === tenant.authentication.applicationId.toLowerCase() &&
        (application.organizationName === null || application.organizationName.toLowerCase() === organization) &&
        application.certificates.some((certificate) => certificate.thumbprint === thumbprint),
    );
}

/** The file's text with each named tenant's certificateRegistration listing its confirmations; comments and order kept. */
export function withConfirmations(text: string, confirmations: ReadonlyMap<string, string[]>): string {
  const document = parseDocument(text);
  const tenants = document.get("tenants", true) as { items?: Array<{ get(key: string): unknown }> } | undefined;
  (tenants?.items ?? []).forEach((item, index) => {
    const thumbprints = confirmations.get(String(item.get("name")));
    if (thumbprints) document.setIn(["tenants", index, "certificateRegistration"], document.createNode({ by: "customer", thumbprints }));
  });
  return `# Written by npm start from tenants.yaml: the demo plays the customers who register certificates,\n# and lists their confirmations here. Edit tenants.yaml, not this copy.\n${document.toString()}`;
}

/** The tenants whose certificate the stack has not made yet: made alone first, for their customers. */
export function missingCertificates(tenants: readonly CustomerTenant[], certificates: Certificates): string[] {
  return tenants.filter((tenant) => !certificates[tenant.name]).map((tenant) => tenant.name);
}

export async function certificatesOf(stack: Stack): Promise<Certificates> {
  return ((await stack.outputs()).certificates?.value ?? {}) as Certificates;
}
