/**
 * The stack config keys `vb365 device-code --config-key` may write a device code to.
 *
 * Pulumi itself takes nearly anything as a key (`[namespace:]name`, any characters but ":" in
 * either part; `<namespace>:config:<name>` as an old spelling of `<namespace>:<name>`), so its
 * own check stops nothing. The rule here is narrower: the characters of a project name (which is
 * what a key without a namespace gets) in both parts, so that the key cannot be taken for a flag,
 * cannot hide in white space or control characters, and reads back as written.
 */

/**
 * Namespaces a device code must never be written into: vb365: holds the provider's connection
 * (vb365:password among it), pulumi: the engine's own settings.
 */
const RESERVED_NAMESPACES = ["vb365", "pulumi"] as const;

/** One part of a key: letters, digits, "_", "." and "-", not starting with "-" or ".". */
const PART = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** Pulumi's limit for a project name, which a key without a namespace is prefixed with; the same for each part. */
const MAX_PART_LENGTH = 100;

export const CONFIG_KEY_RULE =
  'A config key is [namespace:]name, each part of letters, digits, "_", "." and "-", not starting with "-" or ".", ' +
  `at most ${MAX_PART_LENGTH} characters, and never in the ${RESERVED_NAMESPACES.map((namespace) => `${namespace}:`).join(" or ")} namespace ` +
  "(for example deviceCode-contoso or contoso:userCode).";

/** Why `key` cannot be written to, as the end of a sentence that starts with the key; undefined when it can. */
export function configKeyProblem(key: string): string | undefined {
  const parts = key.split(":");
  if (parts.length > 2) return 'has more than one ":"';
  const namespace = parts.length === 2 ? parts[0] : undefined;
  const reserved = RESERVED_NAMESPACES.find((name) => name === namespace?.toLowerCase());
  if (reserved === "vb365") return "is in the vb365: namespace, which holds the provider's connection settings (vb365:password among them)";
  if (reserved === "pulumi") return "is in the pulumi: namespace, which holds Pulumi's own settings";
  if (key.startsWith("-")) return 'starts with "-", so it would be taken for a flag';
  for (const part of parts) {
    if (part === "") return parts.length === 2 ? "has an empty namespace or name" : "is empty";
    if (part.length > MAX_PART_LENGTH) return `has a part longer than ${MAX_PART_LENGTH} characters`;
    if (!PART.test(part)) return "has characters a config key cannot have";
  }
  return undefined;
}
