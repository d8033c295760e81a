import type { RemoteOrganization } from "../client";
import { toPlainOutputs } from "../common/outputs";
import type { OrganizationInputs, OrganizationOutputs, ServiceConnectionState } from "./types";

export const SERVICES = ["exchangeOnlineSettings", "sharePointOnlineSettings"] as const;
const SELECTED_BY = { exchangeOnlineSettings: "isExchangeOnline", sharePointOnlineSettings: "isSharePointOnline" } as const;
const FLAGS = ["isExchangeOnline", "isSharePointOnline", "isTeamsOnline", "isTeamsChatsOnline"] as const;

/** Settings the server reports back (it never echoes secrets); drift in these shows on refresh. */
export const REPORTED_SETTINGS = [
  "useApplicationOnlyAuth",
  "useMfa",
  "account",
  "grantAdminAccess",
  "useCustomVeeamAADApplication",
  "applicationId",
  "officeOrganizationName",
  "sharePointSaveAllWebParts",
  "applicationCertificateThumbprint",
] as const;

/**
 * Outputs after create or update: the inputs (secrets stay under their own names) plus what
 * the server assigned, without the PFX files. Certificates are compared by thumbprint, and a
 * PFX is the largest thing in the state: the engine rewrites the whole state after every step,
 * so each copy costs time on every resource of a large stack.
 */
export function outputsFromInputs(inputs: OrganizationInputs, remote: { id: string; name?: string | null }, apiVersion: string): OrganizationOutputs {
  const { applicationCertificate: _pfx, applicationCertificatePassword: _password, ...kept } = inputs;
  const outputs: Record<string, unknown> = { ...kept, organizationId: remote.id, name: remote.name ?? "", apiVersion };
  for (const service of SERVICES) {
    const settings = inputs[service];
    if (settings && typeof settings === "object") {
      const { applicationCertificate: _servicePfx, applicationCertificatePassword: _servicePassword, ...rest } = settings;
      outputs[service] = rest;
    }
  }
  return toPlainOutputs(outputs) as unknown as OrganizationOutputs;
}

/**
 * Outputs after a refresh: the previous outputs with every declared, server-visible value
 * replaced by what the server reports now, so that drift shows up in the next preview.
 * Settings the program never declared stay undeclared (a value the server chose, such as the
 * id of an application it registered, is not drift).
 */
export function outputsFromRemote(previous: OrganizationOutputs, remote: RemoteOrganization): OrganizationOutputs {
  const next: Record<string, unknown> = { ...previous, organizationId: remote.id, name: remote.name ?? previous.name };
  if (remote.region) next.region = remote.region;
  for (const flag of FLAGS) {
    if (typeof remote[flag] === "boolean" && (flag !== "isTeamsChatsOnline" || previous[flag] !== undefined)) next[flag] = remote[flag];
  }
  if (previous.description !== undefined || remote.description) next.description = remote.description ?? undefined;
  for (const service of SERVICES) {
    const declared = previous[service];
    const reported = remote[service];
    // Settings of a service that is not selected are never sent (body.ts), so the server not
    // holding them is no drift; dropping them would show a change after every refresh.
    if (!declared || remote[SELECTED_BY[service]] === false) continue;
    if (!reported) {
      next[service] = undefined;
      continue;
    }
    const merged: ServiceConnectionState = { ...declared };
    for (const key of REPORTED_SETTINGS) {
      const value = reported[key];
      if (key in declared && value !== null && value !== undefined) (merged as Record<string, unknown>)[key] = value;
    }
    next[service] = merged;
  }
  return toPlainOutputs(next) as unknown as OrganizationOutputs;
}

/** Read's `inputs` (Pulumi >= 3.216): the outputs minus what only the server assigns. */
export function inputsFromOutputs(outputs: OrganizationOutputs): OrganizationInputs {
  const { organizationId: _id, name: _name, apiVersion: _version, ...inputs } = outputs;
  return inputs;
}
