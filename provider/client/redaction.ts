import { inspect } from "node:util";

/** What stands in for a secret in any text the product shows: errors, warnings, the CLI's output. */
export const REDACTED = "[secret]";

/** Very short values (e.g. "true") would mangle ordinary words and protect nothing. */
const MIN_SECRET_LENGTH = 4;

/**
 * `text` with every secret replaced by REDACTED, in whatever form a server may echo it: as sent,
 * JSON-escaped (`\"`, `\\`, `\uXXXX`, nested escapes), form- or URL-encoded (`%XX`, `+`), and in
 * another case. A server's error text is untrusted: it may quote the request it refused.
 */
export function redact(text: string, secrets: Iterable<string | undefined>): string {
  const pattern = secretPattern(secrets);
  return pattern ? text.replace(pattern, REDACTED) : text;
}

/** Keys of a request body whose values are credentials, lower-cased; any key naming a password, secret or token is one too. */
const SECRET_KEYS = new Set(["applicationcertificate", "usercode", "pfxbase64"]);
const SECRET_KEY_PATTERN = /password|secret|token/i;

/** The string values under keys that hold credentials, at any depth of a request body. */
export function secretValues(body: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key?: string) => {
    if (typeof value === "string") {
      if (key && (SECRET_KEYS.has(key.toLowerCase()) || SECRET_KEY_PATTERN.test(key))) found.push(value);
    } else if (Array.isArray(value)) {
      value.forEach((item) => visit(item, key));
    } else if (value && typeof value === "object") {
      for (const [innerKey, inner] of Object.entries(value)) visit(inner, innerKey);
    }
  };
  visit(body);
  return found;
}

/**
 * The secrets one connection knows for as long as it needs them: the password, the tokens the
 * server issued (each dropped once its successor came), the device codes it was given. Every
 * error the connection builds from a server's answer goes through `redact`, with the secrets of
 * the request that failed added for that one call. The values never leave: the registry prints
 * as a count.
 */
export class SecretRegistry {
  private readonly values = new Set<string>();
  /** Built on first use after a change: a server that fails every request is redacted many times. */
  private pattern?: RegExp | null;

  constructor(values: Iterable<string | undefined> = []) {
    for (const value of values) this.add(value);
  }

  add(value: string | undefined): void {
    if (!value || value.length < MIN_SECRET_LENGTH || this.values.has(value)) return;
    this.values.add(value);
    this.pattern = undefined;
  }

  /** Forgets `value`, e.g. a token its successor replaced. */
  delete(value: string | undefined): void {
    if (value !== undefined && this.values.delete(value)) this.pattern = undefined;
  }

  /** `text` with every known secret, and each of `extra` (the failed request's own), redacted. */
  redact(text: string, extra: Iterable<string | undefined> = []): string {
    const more = [...extra].filter((value): value is string => !!value && !this.values.has(value));
    if (more.length) return redact(text, [...this.values, ...more]);
    if (this.pattern === undefined) this.pattern = secretPattern(this.values) ?? null;
    return this.pattern ? text.replace(this.pattern, REDACTED) : text;
  }

  get size(): number {
    return this.values.size;
  }

  toJSON(): { secrets: number } {
    return { secrets: this.values.size };
  }

  [inspect.custom](): string {
    return `SecretRegistry { ${this.values.size} secrets }`;
  }
}

/**
 * One expression for all the secrets, longest first (a secret inside a longer one must not cut
 * the longer one short). Case-insensitive with Unicode folding; a value whose upper or lower case
 * is longer (ß, İ) adds that form, which folding alone would miss.
 */
function secretPattern(secrets: Iterable<string | undefined>): RegExp | undefined {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    for (const changed of [secret.toUpperCase(), secret.toLowerCase()]) if (changed.length !== secret.length) forms.add(changed);
  }
  if (forms.size === 0) return undefined;
  const sources = [...forms].sort((a, b) => b.length - a.length).map((form) => Array.from(form, characterForms).join(""));
  return new RegExp(sources.join("|"), "giu");
}

/** JSON's two-character escapes, by the character they stand for. */
const JSON_SHORT_ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\\\", "/": "/", "\n": "n", "\r": "r", "\t": "t", "\b": "b", "\f": "f" };

/**
 * Every spelling of one character (a code point) a server may echo: itself; JSON's `\uXXXX`
 * (UTF-16 units, a surrogate pair above U+FFFF) and short escapes, behind any number of
 * backslashes (JSON quoted inside JSON); its UTF-8 bytes as `%XX`; `+` for a space in a form.
 */
function characterForms(character: string): string {
  const codePoint = character.codePointAt(0)!;
  const alternatives = [`\\u{${codePoint.toString(16)}}`];
  const units = Array.from({ length: character.length }, (_, index) => character.charCodeAt(index));
  alternatives.push(units.map((unit) => `\\\\+u${unit.toString(16).padStart(4, "0")}`).join(""));
  const short = JSON_SHORT_ESCAPES[character];
  if (short !== undefined) alternatives.push(`\\\\+${short === '"' ? '"' : short === "/" ? "\\/" : short}`);
  alternatives.push(Array.from(Buffer.from(character, "utf8"), (byte) => `%${byte.toString(16).padStart(2, "0")}`).join(""));
  if (character === " ") alternatives.push("\\+");
  return `(?:${alternatives.join("|")})`;
}
