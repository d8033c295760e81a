import type { RemoteOrganization } from "../client";
import { toPlainOutputs } from "../common/outputs";
import { type FieldMeta, namesWhere, stateOf } from "../common/definition";
import { ORGANIZATION_FIELDS, ORGANIZATION_OUTPUT_FIELDS, SERVICE_NAMES, SERVICES, SETTINGS_FIELDS, SETTINGS_OUTPUT_FIELDS } from "./definition";
import type { OrganizationInputs, OrganizationOutputs, ServiceConnectionState } from "./types";

/** Settings the server reports back (it never echoes secrets); drift in these shows on refresh. */
export const REPORTED_SETTINGS = [
  ...namesWhere(SETTINGS_FIELDS, (candidate) => candidate.reported === true),
  ...namesWhere(SETTINGS_OUTPUT_FIELDS, (candidate) => candidate.reported === true),
];
export const REPORTED_INPUTS = namesWhere(ORGANIZATION_FIELDS, (candidate) => candidate.reported === true && !candidate.fields);

/**
 * Outputs after create or update: the inputs (secrets stay under their own names) plus what
 * the server assigned, without the PFX files. Certificates are compared by thumbprint, and a
 * PFX is the largest thing in the state: the engine rewrites the whole state after every step,
 * so each copy costs time on every resource of a large stack.
 */
export function outputsFromInputs(inputs: OrganizationInputs, remote: { id: string; name?: string | null }, apiVersion: string): OrganizationOutputs {
  const outputs = { ...stateOf(ORGANIZATION_FIELDS, inputs), organizationId: remote.id, name: remote.name ?? "", apiVersion };
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
  for (const key of REPORTED_INPUTS) {
    const value = remote[key];
    const declared = previous[key] !== undefined;
    const meta: FieldMeta = ORGANIZATION_FIELDS[key];
    // Text the console added is drift to show; a flag the program leaves out is the server's.
    if (value !== undefined && value !== null) {
      if (declared || (typeof value === "string" && value !== "")) next[key] = value;
    } else if (declared && typeof previous[key] === "string" && meta.default === undefined) {
      // VB365 leaves out text it does not hold: removed in the console.
      next[key] = undefined;
    }
  }
  for (const service of SERVICE_NAMES) {
    const declared = previous[service];
    const reported = remote[service];
    // Settings of a service that is not selected are never sent (body.ts), so the server not
    // holding them is no drift; dropping them would show a change after every refresh.
    if (!declared || remote[SERVICES[service]] === false) continue;
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
  const inputs: Record<string, unknown> = { ...outputs };
  for (const key of Object.keys(ORGANIZATION_OUTPUT_FIELDS)) delete inputs[key];
  return inputs as OrganizationInputs;
}
