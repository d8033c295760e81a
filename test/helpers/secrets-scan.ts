/** Every value in `secrets` (of a length worth finding) that occurs in `text`, by label. */
export function plaintextSecretsIn(text: string, secrets: Record<string, string | undefined>): string[] {
  return Object.entries(secrets)
    .filter(([, value]) => value !== undefined && value.length >= 6 && text.includes(value))
    .map(([label]) => label);
}
