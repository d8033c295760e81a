import * as pulumi from "@pulumi/pulumi";
import type { TenantDeclaration } from "./tenants-file";

/**
 * The thumbprints a tenant's application is confirmed to trust, as its file says who registers
 * them: the customer's confirmations listed in the file, or an azuread stack's output; none for
 * VB365, whose confirmation is a fresh device code. Nothing switches without them.
 */
export function registeredThumbprints(tenant: TenantDeclaration): pulumi.Input<string[]> | undefined {
  const registration = tenant.certificateRegistration;
  if (registration?.by === "customer") return registration.thumbprints;
  if (registration?.by === "azuread") return fromStack(registration.stack, registration.output, tenant.organization);
  return undefined;
}

const references = new Map<string, pulumi.StackReference>();

/**
 * The azuread stack's output maps each Microsoft 365 organization name (any case) to the
 * thumbprints it registered on that tenant's application: by the organization, which is the
 * tenant's identity, never by a name this stack gives it. One reference per stack.
 */
function fromStack(stack: string, output: string, organization: string): pulumi.Output<string[]> {
  let reference = references.get(stack);
  if (!reference) {
    reference = new pulumi.StackReference(`azuread-${stack.replace(/\//g, "-")}`, { name: stack });
    references.set(stack, reference);
  }
  return reference.getOutput(output).apply((registered: unknown) => thumbprintsOf(registered, organization, `${stack} output ${output}`));
}

/** The thumbprints listed for `organization` in an azuread stack's output; an output of another shape stops the program, naming it. */
export function thumbprintsOf(registered: unknown, organization: string, source: string): string[] {
  if (registered === undefined || registered === null) return [];
  if (typeof registered !== "object" || Array.isArray(registered)) {
    throw new pulumi.RunError(`${source} must map each Microsoft 365 organization name to the thumbprints registered on its application, e.g. { "${organization}": ["86F1769B6E0544E16A6EA1E9E9BC0BB71A8DE900"] }; it is ${Array.isArray(registered) ? "a list" : typeof registered}.`);
  }
  const wanted = organization.toLowerCase();
  const entry = Object.entries(registered as Record<string, unknown>).find(([name]) => name.toLowerCase() === wanted)?.[1];
  if (entry === undefined) return [];
  if (!Array.isArray(entry) || entry.some((thumbprint) => typeof thumbprint !== "string")) {
    throw new pulumi.RunError(`${source} lists for ${organization} ${JSON.stringify(entry)}; it must be a list of certificate thumbprints.`);
  }
  return entry as string[];
}
