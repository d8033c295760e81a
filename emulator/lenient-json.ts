/**
 * JSON as VB365's .NET server reads it: Json.NET accepts comments (`//` and `/* *\/`) and a
 * trailing comma before `}` or `]` (vb365-api.md §10), and hand-written bodies from Veeam's own
 * examples carry them. Everything else is JSON.parse, errors included. Strings are copied as
 * they are, so a `//` or `,}` inside one is data.
 *
 * One pass, linear in the length of the text: bodies arrive before any authentication (the token
 * route, the control API), so no input may cost more than a constant per character.
 */
export function parseLenientJson(text: string): unknown {
  return JSON.parse(withoutExtensions(text));
}

const SLASH = 0x2f;
const STAR = 0x2a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

/** The four characters JSON calls whitespace. */
function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function withoutExtensions(text: string): string {
  // The output as slices of the text; a comma that may turn out to be trailing is a part of its
  // own, so dropping it later is one assignment, not a copy of everything before it.
  const parts: string[] = [];
  let copiedUpTo = 0;
  let pendingComma = -1;
  // Last character kept that is neither whitespace nor inside a comment; 0 before any.
  let previous = 0;
  const keepUpTo = (end: number) => {
    if (end > copiedUpTo) parts.push(text.slice(copiedUpTo, end));
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = stringEnd(text, i) - 1;
      pendingComma = -1;
      previous = QUOTE;
    } else if (code === SLASH && text.charCodeAt(i + 1) === SLASH) {
      keepUpTo(i);
      const newline = text.indexOf("\n", i);
      i = newline === -1 ? text.length : newline - 1;
      copiedUpTo = i + 1;
    } else if (code === SLASH && text.charCodeAt(i + 1) === STAR) {
      const close = text.indexOf("*/", i + 2);
      // An unclosed comment is left for JSON.parse to refuse.
      if (close === -1) break;
      keepUpTo(i);
      parts.push(" ");
      i = close + 1;
      copiedUpTo = i + 1;
    } else if (code === 0x7d || code === 0x5d) {
      // `}` or `]`: a comma only whitespace and comments followed was trailing.
      if (pendingComma !== -1) parts[pendingComma] = "";
      pendingComma = -1;
      previous = code;
    } else if (code === COMMA) {
      // Only a comma after a value can be trailing: `{,}` and `[1,,]` stay errors.
      if (previous === 0 || previous === 0x7b || previous === 0x5b || previous === COMMA) {
        pendingComma = -1;
      } else {
        keepUpTo(i);
        pendingComma = parts.push(",") - 1;
        copiedUpTo = i + 1;
      }
      previous = COMMA;
    } else if (!isJsonWhitespace(code)) {
      pendingComma = -1;
      previous = code;
    }
  }
  keepUpTo(text.length);
  return parts.join("");
}

/** Index just past the string that opens at `start`, honouring backslash escapes. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === QUOTE) return i + 1;
  }
  return text.length;
}
