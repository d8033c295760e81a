/**
 * Where a secret occurs in a text, in whatever form a server may write it back, found without a
 * regular expression: each spelling of each secret is looked up with indexOf in a case-folded copy
 * of the text, so the work is linear in the text for each spelling, however the text was built to
 * make a matcher backtrack, and a long secret (a PFX of 64 KiB) costs no more than its length.
 */

/**
 * `text` in lower case, one code point at a time, where that keeps its length in UTF-16 units (İ,
 * whose lower case is two, stays as it is): an index into the result is an index into `text`. Code
 * point by code point, so that a letter folds the same whatever surrounds it (Σ, whose lower case
 * depends on the next letter, is always σ).
 */
export function folded(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase()).replace(/[^\0-\x7f]/gu, foldedCharacter);
}

function foldedCharacter(character: string): string {
  const lower = character.toLowerCase();
  return lower.length === character.length ? lower : character;
}

/** JSON's two-character escapes, by the character they stand for; any other character a writer escapes is \uXXXX. */
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

interface JsonWriter {
  /** The characters it escapes, one UTF-16 unit each (no `u` flag): quotes, backslashes and control characters, and maybe more. */
  escapes: RegExp;
  /** Writes `/` as `\/`. */
  slash?: boolean;
  /** Writes `"` as `\u0022`. */
  quoteAsUnicode?: boolean;
}

/** `character` (one UTF-16 unit) as `writer` escapes it: short escapes where JSON has them, \uXXXX for the rest. */
function escapedCharacter(character: string, writer: JsonWriter): string {
  if (writer.slash && character === "/") return "\\/";
  const short = writer.quoteAsUnicode && character === '"' ? undefined : SHORT_ESCAPES[character];
  return short ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** The JSON writers a server may be built on. */
const JSON_WRITERS: readonly JsonWriter[] = [
  // JavaScript, Json.NET's default.
  { escapes: /["\\\x00-\x1f]/g },
  // Json.NET with EscapeNonAscii, and most .NET and Java writers told to keep to ASCII.
  { escapes: /["\\\x00-\x1f\x7f-\uffff]/g },
  // System.Text.Json's default encoder: beyond ASCII, and what HTML treats specially (+ of base64 too).
  { escapes: /["\\\x00-\x1f\x7f-\uffff&'+<>`]/g, quoteAsUnicode: true },
  // PHP and some Java writers: / as \/ (of base64 too).
  { escapes: /["\\\x00-\x1f/]/g, slash: true },
];

/** `text` as the inside of a JSON string, as `writer` writes it. */
function jsonEscaped(text: string, writer: JsonWriter): string {
  return text.replace(writer.escapes, (character) => escapedCharacter(character, writer));
}

/**
 * Every spelling of `secret` a server may echo, folded: as sent; JSON-escaped by any of the
 * writers, once or twice (JSON quoted inside JSON); URL- and form-encoded (`%XX`, `+` for a space).
 * Another case is found by folding; a secret whose upper or lower case is longer (ß, İ) adds
 * that form's spellings, which folding alone would miss.
 */
export function foldedSpellings(secret: string): string[] {
  const forms = new Set([secret]);
  for (const changed of [secret.toUpperCase(), secret.toLowerCase()]) if (changed.length !== secret.length) forms.add(changed);
  const spellings = new Set<string>();
  for (const form of forms) {
    spellings.add(form);
    for (const onceBy of JSON_WRITERS) {
      const once = jsonEscaped(form, onceBy);
      spellings.add(once);
      for (const twiceBy of JSON_WRITERS) spellings.add(jsonEscaped(once, twiceBy));
    }
    // A lone surrogate travels as U+FFFD in UTF-8; encodeURIComponent would throw on it.
    const wellFormed = form.replace(/[\ud800-\udfff]/gu, "\ufffd");
    spellings.add(encodeURIComponent(wellFormed));
    spellings.add(new URLSearchParams({ s: wellFormed }).toString().slice("s=".length));
  }
  return [...new Set(Array.from(spellings, folded))];
}

/**
 * The ranges of `text` (start inclusive, end exclusive, in order, overlapping ones merged) where
 * any of `spellings` (folded, see foldedSpellings) occurs, in any case.
 */
export function secretRanges(text: string, spellings: Iterable<string>): [number, number][] {
  const haystack = folded(text);
  const found: [number, number][] = [];
  for (const spelling of spellings) {
    if (!spelling) continue;
    for (let at = haystack.indexOf(spelling); at !== -1; at = haystack.indexOf(spelling, at + spelling.length)) found.push([at, at + spelling.length]);
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range[0] < last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
