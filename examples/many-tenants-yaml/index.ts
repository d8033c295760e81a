import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { z } from "zod";
// In your own project: import { Vb365Tenant } from "pulumi-vb365";
import { Vb365Tenant } from "../../provider";

// A platform team's list of customers, kept in a YAML file that a pull request edits: one
// Vb365Tenant (its own certificate and organization) per entry. The repository's root program
// reads a richer format (docs/tenants-file.md); this is the pattern at its smallest.
const tenantSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9-]+$/, "lower case letters, digits and dashes: it names the tenant's resources"),
  organization: z.string().min(3),
  applicationId: z.guid(),
  account: z.string().optional(),
  services: z.array(z.enum(["exchange", "sharePoint", "teams"])).min(1).default(["exchange", "sharePoint", "teams"]),
  description: z.string().optional(),
});
const fileSchema = z.strictObject({ tenants: z.array(tenantSchema).min(1) });

const config = new pulumi.Config();
const file = path.resolve(pulumi.runtime.getRootDirectory(), config.get("tenantsFile") ?? "tenants.yaml");
const parsed = fileSchema.safeParse(parse(fs.readFileSync(file, "utf8")));
if (!parsed.success) {
  // A RunError shows its message alone, without a stack trace pointing here.
  throw new pulumi.RunError(`${file} is not a valid tenants file:\n${z.prettifyError(parsed.error)}`);
}

const tenants = parsed.data.tenants.map((tenant) => {
  const uses = (service: "exchange" | "sharePoint" | "teams") => tenant.services.includes(service);
  return new Vb365Tenant(tenant.name, {
    organizationName: tenant.organization,
    certificate: { keySize: 2048, validityDays: 730 },
    organization: {
      isExchangeOnline: uses("exchange"),
      isSharePointOnline: uses("sharePoint"),
      isTeamsOnline: uses("teams"),
      description: tenant.description,
      exchangeOnlineSettings: { applicationId: tenant.applicationId, account: tenant.account ?? `veeam-backup@${tenant.organization}` },
      sharePointOnlineSettings: { applicationId: tenant.applicationId, officeOrganizationName: tenant.organization },
    },
  });
});

/** Tenant name → its VB365 organization id and certificate thumbprint. */
export const summary = pulumi
  .all(tenants.map((tenant) => pulumi.all([tenant.organizationId, tenant.thumbprint])))
  .apply((rows) => Object.fromEntries(rows.map(([organizationId, thumbprint], i) => [parsed.data.tenants[i].name, { organizationId, thumbprint }])));
