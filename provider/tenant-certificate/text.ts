/** Short, quoted rendering of a rejected value for a message. Never use it on secrets. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  return Array.isArray(value) ? "an array" : `a value of type ${typeof value}`;
}

/** Length in Unicode code points, which is what RFC 5280's upper bounds count. */
export function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/** C0 controls, DEL and C1 controls: they have no business in a certificate name. */
export function findControlCharacter(value: string): { codePoint: number; position: number } | undefined {
  let position = 0;
  for (const character of value) {
    position++;
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f)) return { codePoint, position };
  }
  return undefined;
}

/** UTF-8 (and so X.509 UTF8String) cannot encode half a surrogate pair. */
export function findLoneSurrogate(value: string): number | undefined {
  let position = 0;
  for (const character of value) {
    position++;
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) return position;
  }
  return undefined;
}

export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}
