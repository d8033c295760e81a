import { isUnknown } from "../common/check";
import { withDefaultsOf } from "../common/definition";
import { TENANT_CERTIFICATE_FIELDS } from "./definition";
import type { TenantCertificateInputs } from "./types";

/**
 * Inputs as the provider runtime hands them over, minus `__provider` (the serialized provider,
 * which the runtime adds back itself) and minus nulls: an Output that resolves to undefined
 * reaches the provider as null (a secret one always does), and it means "not set".
 */
export function plainInputs(news: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(news)) {
    if (key === "__provider" || value === null) continue;
    inputs[key] = isPlainObject(value) ? withoutNulls(value) : value;
  }
  return inputs;
}

function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== null));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Fills in the documented defaults of generate mode. Import mode has none: there the PFX decides.
 * An unknown `importPfxBase64` counts as import mode, since at preview the mode itself is unknown.
 */
export function withDefaults(inputs: TenantCertificateInputs): TenantCertificateInputs {
  if (inputs.importPfxBase64 !== undefined) return inputs;
  const commonName: unknown = inputs.subject?.commonName;
  const defaultFriendlyName = typeof commonName === "string" && !isUnknown(commonName) ? commonName : undefined;
  return { ...withDefaultsOf(TENANT_CERTIFICATE_FIELDS, inputs), friendlyName: inputs.friendlyName ?? defaultFriendlyName };
}
