import { inspect } from "node:util";
import { foldedSpellings, secretRanges } from "./secret-search";

/** What stands in for a secret in any text the product shows: errors, warnings, the CLI's output. */
export const REDACTED = "[secret]";

/** Very short values (e.g. "true") would mangle ordinary words and protect nothing. */
const MIN_SECRET_LENGTH = 4;

/** What stands in for a text that could not be checked: the text may hold a secret, and so may the reason. */
export const WITHHELD = "(message withheld: it could not be checked for secrets)";

/**
 * `text` with every secret replaced by REDACTED, in whatever form a server may echo it: as sent,
 * JSON-escaped (`\"`, `\\`, `\uXXXX`, once or twice), form- or URL-encoded (`%XX`, `+`), and in
 * another case. A server's error text is untrusted: it may quote the request it refused. Fails
 * closed: a text that could not be checked is WITHHELD, never shown, nor the error that stopped it.
 */
export function redact(text: string, secrets: Iterable<string | undefined>): string {
  return failingClosed(() => redactedWith(text, spellingsOf(secrets)));
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

/** Credentials the connection sent in request bodies, kept for later errors: the newest this many... */
const MAX_REMEMBERED_VALUES = 32;
/** ...and no more than this many characters of them in all: a PFX may be 87,000 characters of base64. */
const MAX_REMEMBERED_CHARACTERS = 512 * 1024;

/**
 * The secrets one connection knows: the password and the tokens the server issued (each kept
 * until its successor came) and, bounded (the newest MAX_REMEMBERED_VALUES, at most
 * MAX_REMEMBERED_CHARACTERS in all), the credentials its requests carried (application secrets,
 * PFXs and their passwords, device codes). Every error the connection builds from a server's
 * answer goes through `redact`, with the secrets of the request that failed added for that one
 * call. The values never leave: the registry prints as a count.
 */
export class SecretRegistry {
  private readonly kept = new Set<string>();
  /** Oldest first. */
  private readonly remembered: string[] = [];
  private rememberedCharacters = 0;
  /** The folded spellings of all, built on first use after a change: a server that fails every request is redacted many times. */
  private spellings?: string[];

  constructor(values: Iterable<string | undefined> = []) {
    for (const value of values) this.add(value);
  }

  /** Keeps `value` until it is deleted: the password, a token. */
  add(value: string | undefined): void {
    if (!isSecret(value) || this.kept.has(value)) return;
    this.forget(value);
    this.kept.add(value);
    this.spellings = undefined;
  }

  /** Forgets `value`, e.g. a token its successor replaced. */
  delete(value: string | undefined): void {
    if (value !== undefined && this.kept.delete(value)) this.spellings = undefined;
  }

  /** Remembers `value`, a credential a request carried, among the newest; the oldest ones make room. */
  remember(value: string | undefined): void {
    if (!isSecret(value) || this.kept.has(value) || value.length > MAX_REMEMBERED_CHARACTERS) return;
    const sentBefore = this.forget(value);
    this.remembered.push(value);
    this.rememberedCharacters += value.length;
    // Sent again: now among the newest, with the spellings already built.
    if (sentBefore) return;
    while (this.remembered.length > MAX_REMEMBERED_VALUES || this.rememberedCharacters > MAX_REMEMBERED_CHARACTERS) {
      this.rememberedCharacters -= this.remembered.shift()!.length;
    }
    this.spellings = undefined;
  }

  /** `text` with every known secret, and each of `extra` (the failed request's own), redacted; WITHHELD if it could not be checked. */
  redact(text: string, extra: Iterable<string | undefined> = []): string {
    return failingClosed(() => {
      this.spellings ??= spellingsOf([...this.kept, ...this.remembered]);
      const more = [...extra].filter((value) => isSecret(value) && !this.kept.has(value) && !this.remembered.includes(value));
      return redactedWith(text, more.length ? [...this.spellings, ...spellingsOf(more)] : this.spellings);
    });
  }

  get size(): number {
    return this.kept.size + this.remembered.length;
  }

  toJSON(): { secrets: number } {
    return { secrets: this.size };
  }

  [inspect.custom](): string {
    return `SecretRegistry { ${this.size} secrets }`;
  }

  /** Whether `value` was remembered; it is not any more. */
  private forget(value: string): boolean {
    const index = this.remembered.indexOf(value);
    if (index === -1) return false;
    this.remembered.splice(index, 1);
    this.rememberedCharacters -= value.length;
    return true;
  }
}

function isSecret(value: string | undefined): value is string {
  return value !== undefined && value.length >= MIN_SECRET_LENGTH;
}

/** The folded spellings of every secret among `secrets`, without duplicates. */
function spellingsOf(secrets: Iterable<string | undefined>): string[] {
  const values = new Set<string>();
  for (const secret of secrets) if (isSecret(secret)) values.add(secret);
  return [...new Set([...values].flatMap(foldedSpellings))];
}

/** `text` with REDACTED over each range where one of `spellings` occurs. */
function redactedWith(text: string, spellings: readonly string[]): string {
  if (!text || spellings.length === 0) return text;
  const ranges = secretRanges(text, spellings);
  if (ranges.length === 0) return text;
  let redacted = "";
  let shown = 0;
  for (const [start, end] of ranges) {
    redacted += text.slice(shown, start) + REDACTED;
    shown = end;
  }
  return redacted + text.slice(shown);
}

/** What `redaction` makes of a text, or WITHHELD when it failed: whatever it threw may quote the text or a secret. */
function failingClosed(redaction: () => string): string {
  try {
    return redaction();
  } catch {
    return WITHHELD;
  }
}
