import type { ApiVersion, RemoteOrganization } from "../client";
import { REPORTED_INPUTS, REPORTED_SETTINGS } from "./state";
import { SERVICE_NAMES, SERVICES } from "./definition";
import type { OrganizationInputs, ServiceConnectionSettings } from "./types";
import { checkOrganization } from "./check";

/**
 * An organization the server has, as the inputs that declare it (`pulumi import`, the `import`
 * option, `Vb365Organization.get`): what the server reports, taken over with its credentials kept
 * (`adoptExisting`, `keepServerCredentials`), since VB365 never returns a PFX, password or secret.
 * The program those inputs make previews with no change; declaring the tenant's PFX and setting
 * keepServerCredentials to false later moves the credentials into the stack.
 */
export function importedInputs(remote: RemoteOrganization, apiVersion: ApiVersion): OrganizationInputs {
  // The name is what identifies the tenant once it is declared (adoption takes nothing else).
  const declared: Record<string, unknown> = { organizationName: remote.name || remote.officeName || undefined, adoptExisting: true, keepServerCredentials: true, ...reportedValues(remote, REPORTED_INPUTS) };
  for (const service of SERVICE_NAMES) {
    const reported = remote[service];
    if (remote[SERVICES[service]] !== true || !reported) continue;
    // The thumbprint is an output: the server's, recorded because the credentials are kept.
    const settings = REPORTED_SETTINGS.filter((key) => key !== "applicationCertificateThumbprint");
    declared[service] = reportedValues(reported, settings) as ServiceConnectionSettings;
  }
  const checked = checkOrganization(declared, apiVersion);
  if (!checked.inputs) {
    const reasons = (checked.failures ?? []).map((failure) => `${failure.property}: ${failure.reason}`).join("; ");
    throw new Error(`The organization ${remote.name ?? remote.id} cannot be declared from what the server reports (${reasons}); declare it with its organizationName and adoptExisting: true instead.`);
  }
  return checked.inputs;
}

/** The members of `reported` named in `keys` that the server gave a value (not null, absent or empty). */
function reportedValues<T extends object>(reported: T, keys: readonly (keyof T)[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const key of keys) {
    const value = reported[key];
    if (value !== null && value !== undefined && value !== "") values[key as string] = value;
  }
  return values;
}
