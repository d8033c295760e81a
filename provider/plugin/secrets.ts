import type { Fields } from "../common/definition";

/**
 * How a secret crosses the provider protocol: a Struct value marked with Pulumi's signature key
 * (sdk/go/common/resource/sig, the same constants the Node SDK's runtime/rpc.ts uses). The
 * plugin accepts secrets, so the engine sends them marked; the implementations take plain values,
 * and what they return is marked again wherever a definition says a field is secret, whatever
 * the program's language did with it.
 */
const SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

export interface SecretValue {
  [SIGNATURE_KEY]: typeof SECRET_SIGNATURE;
  value: unknown;
}

export function secret(value: unknown): SecretValue {
  return { [SIGNATURE_KEY]: SECRET_SIGNATURE, value };
}

export function isSecret(value: unknown): value is SecretValue {
  return value !== null && typeof value === "object" && (value as Record<string, unknown>)[SIGNATURE_KEY] === SECRET_SIGNATURE;
}

/** `value` with every secret mark taken off, at any depth. */
export function revealed(value: unknown): unknown {
  if (isSecret(value)) return revealed(value.value);
  if (Array.isArray(value)) return value.map(revealed);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, revealed(inner)]));
  return value;
}

/**
 * `values` with the fields the definition calls secret marked, and inside object-valued fields
 * (a service's settings) theirs: the state then holds them encrypted, whichever language's SDK
 * declared the resource and whether or not it marked them itself.
 */
export function withSecretsMarked(values: Record<string, unknown>, fields: Fields): Record<string, unknown> {
  const marked: Record<string, unknown> = { ...values };
  for (const [name, value] of Object.entries(values)) {
    const field = fields[name];
    if (value === undefined || value === null || !field) continue;
    if (field.secret) marked[name] = secret(value);
    else if (field.fields && typeof value === "object" && !Array.isArray(value)) marked[name] = withSecretsMarked(value as Record<string, unknown>, field.fields);
  }
  return marked;
}
