/** Every value in `secrets` (of a length worth finding) that occurs in `text`, by label. */
export function plaintextSecretsIn(text: string, secrets: Record<string, string | undefined>): string[] {
  return Object.entries(secrets)
    .filter(([, value]) => value !== undefined && value.length >= 6 && text.includes(value))
    .map(([label]) => label);
}

/**
 * A value from `pulumi stack export --show-secrets` (what Automation API's exportStack runs):
 * secrets come as {"4dabf18193072939515e22adb298388d": ..., plaintext: "<JSON>"}.
 */
export function revealed(value: unknown): unknown {
  if (value && typeof value === "object" && "plaintext" in value) return JSON.parse(String((value as { plaintext: unknown }).plaintext));
  return value;
}
