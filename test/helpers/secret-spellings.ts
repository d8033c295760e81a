/**
 * How a server may write back a secret it was sent, built without the product's redaction: the
 * tests' own oracle of what must never appear in an error or the CLI's output.
 */

/** JSON-escaped without the quotes, as .NET writes it: every character beyond printable ASCII as \uXXXX. */
export function jsonEscaped(value: string): string {
  return JSON.stringify(value)
    .slice(1, -1)
    .replace(/[^\x20-\x7e]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `value` as sent, JSON-escaped (as JavaScript and as .NET write it, and twice), URL- and form-encoded. */
export function secretSpellings(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  return [value, json, jsonEscaped(value), JSON.stringify(json).slice(1, -1), encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2)];
}
