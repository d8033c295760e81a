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
  const declared: Record<string, unknown> = { organizationName: remote.name ?? undefined, adoptExisting: true, keepServerCredentials: true };
  for (const key of REPORTED_INPUTS) {
    const value = remote[key];
    if (value !== null && value !== undefined && value !== "") declared[key] = value;
  }
  for (const service of SERVICE_NAMES) {
    const reported = remote[service];
    if (remote[SERVICES[service]] !== true || !reported) continue;
    const settings: Record<string, unknown> = {};
    for (const key of REPORTED_SETTINGS) {
      const value = reported[key];
      if (key !== "applicationCertificateThumbprint" && value !== null && value !== undefined && value !== "") settings[key] = value;
    }
    declared[service] = settings as ServiceConnectionSettings;
  }
  const checked = checkOrganization(declared, apiVersion);
  if (!checked.inputs) {
    const reasons = (checked.failures ?? []).map((failure) => `${failure.property}: ${failure.reason}`).join("; ");
    throw new Error(`The organization ${remote.name ?? remote.id} cannot be declared from what the server reports (${reasons}); add it with adoptExisting: true instead.`);
  }
  return checked.inputs;
}
