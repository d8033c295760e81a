/**
 * JSON as VB365's .NET server reads it: Json.NET accepts comments (`//` and `/* *\/`) and a
 * trailing comma before `}` or `]` (vb365-api.md §10), and hand-written bodies from Veeam's own
 * examples carry them. Everything else is JSON.parse, errors included. Strings are copied as
 * they are, so a `//` or `,}` inside one is data.
 */
export function parseLenientJson(text: string): unknown {
  return JSON.parse(withoutExtensions(text));
}

function withoutExtensions(text: string): string {
  let out = "";
  // Index in `out` of a comma that only whitespace or comments have followed so far.
  let pendingComma = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end - 1;
      pendingComma = -1;
    } else if (char === "/" && text[i + 1] === "/") {
      const newline = text.indexOf("\n", i);
      i = newline === -1 ? text.length : newline - 1;
    } else if (char === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      // An unclosed comment is left for JSON.parse to refuse.
      if (close === -1) return out + text.slice(i);
      i = close + 1;
      out += " ";
    } else if (char === "}" || char === "]") {
      if (pendingComma !== -1) out = out.slice(0, pendingComma) + out.slice(pendingComma + 1);
      out += char;
      pendingComma = -1;
    } else {
      // Only a comma after a value can be trailing: `{,}` and `[1,,]` stay errors.
      if (char === ",") pendingComma = /[{[,]$/.test(out.trimEnd()) ? -1 : out.length;
      else if (!/\s/.test(char)) pendingComma = -1;
      out += char;
    }
  }
  return out;
}

/** Index just past the string that opens at `start`, honouring backslash escapes. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}
