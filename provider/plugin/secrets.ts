import { UNKNOWN_SENTINEL } from "../common/check";
import type { Fields } from "../common/definition";

/**
 * How a secret crosses the provider protocol: a Struct value marked with Pulumi's signature key
 * (sdk/go/common/resource/sig, the same constants the Node SDK's runtime/rpc.ts uses). The
 * plugin accepts secrets, so the engine sends them marked; the implementations take plain values,
 * and what they return is marked again wherever a definition says a field is secret, whatever
 * the program's language did with it, and wherever the program marked it (withReceivedSecretsKept).
 */
const SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

type Values = Record<string, unknown>;

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

/** Whether `value`, or anything inside it (array items, object members), passes `test`. */
function anyWithin(value: unknown, test: (value: unknown) => boolean): boolean {
  if (test(value)) return true;
  if (Array.isArray(value)) return value.some((item) => anyWithin(item, test));
  if (value !== null && typeof value === "object") return Object.values(value).some((item) => anyWithin(item, test));
  return false;
}

/** Whether `value` carries a secret mark, at any depth. */
function holdsSecret(value: unknown): boolean {
  return anyWithin(value, isSecret);
}

/**
 * `values` (what the plugin returns) with every secret mark the engine sent in `received` kept:
 * a field whose counterpart of the same name arrived marked, or holding a mark inside it, leaves
 * marked whole, objects on both sides matched field by field (the engine's own rule for a
 * provider that takes no secrets, annotateSecrets in pulumi's provider_plugin.go); so does a
 * field that echoes the text of a marked value under another name (an organization's `name`).
 * The engine trusts a provider that takes secrets to return them marked, and a program may mark
 * any field (a description, an account), not only those the definition calls secret.
 */
export function withReceivedSecretsKept(values: Values, ...received: Array<Values | undefined>): Values {
  const sources = received.filter((source): source is Values => source !== undefined);
  const texts = new Set<string>();
  for (const source of sources) collectSecretTexts(source, false, texts);
  return kept(values, sources, texts);
}

function kept(values: Values, sources: Values[], texts: ReadonlySet<string>): Values {
  const result: Values = { ...values };
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || isSecret(value)) continue;
    const counterparts = sources.filter((source) => Object.hasOwn(source, name)).map((source) => source[name]);
    const markedWhole = counterparts.some((counterpart) => holdsSecret(counterpart) && !isPlainObject(counterpart));
    if (!markedWhole && isPlainObject(value)) result[name] = kept(value, counterparts.filter(isPlainObject), texts);
    else if (markedWhole || counterparts.some(holdsSecret) || echoes(value, texts)) result[name] = secret(revealed(value));
  }
  return result;
}

function isPlainObject(value: unknown): value is Values {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !isSecret(value);
}

/** The texts inside marked values; not a preview's unknown, which stands for no value at all. */
function collectSecretTexts(value: unknown, inSecret: boolean, texts: Set<string>): void {
  if (isSecret(value)) collectSecretTexts(value.value, true, texts);
  else if (Array.isArray(value)) for (const item of value) collectSecretTexts(item, inSecret, texts);
  else if (value !== null && typeof value === "object") for (const item of Object.values(value)) collectSecretTexts(item, inSecret, texts);
  else if (inSecret && typeof value === "string" && value !== "" && value !== UNKNOWN_SENTINEL) texts.add(value);
}

function echoes(value: unknown, texts: ReadonlySet<string>): boolean {
  return texts.size > 0 && anyWithin(value, (item) => typeof item === "string" && texts.has(item));
}
