import { z } from "zod";
import { validation, type ApiError } from "./errors";

// The VB365 server binds JSON with Newtonsoft/System.Text.Json the .NET way: property names are
// matched case-insensitively, enum names too, and "true"/"false" strings bind to booleans
// (vb365-api.md §4.2: older doc examples send "Type", "Password", "useMfa": "true", "worldwide").
// These helpers give zod the same leniency, so routes can declare bodies with their spec names.

/** An object whose keys are matched case-insensitively against `shape`; unknown keys are dropped as .NET ignores them. */
export function ciObject<S extends z.ZodRawShape>(shape: S) {
  const canonical = new Map(Object.keys(shape).map((key) => [key.toLowerCase(), key]));
  return z.preprocess((raw) => canonicalizeKeys(raw, canonical), z.object(shape));
}

function canonicalizeKeys(raw: unknown, canonical: ReadonlyMap<string, string>): unknown {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const name = canonical.get(key.toLowerCase());
    if (name !== undefined) result[name] = value;
  }
  return result;
}

/** A boolean that also accepts "true"/"false" in any case, as .NET's binder does. */
export function netBool() {
  return z.preprocess((raw) => {
    if (typeof raw !== "string") return raw;
    const text = raw.trim().toLowerCase();
    return text === "true" ? true : text === "false" ? false : raw;
  }, z.boolean());
}

/** An enum matched case-insensitively; the canonical spelling is what gets stored and echoed. */
export function ciEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess((raw) => {
    if (typeof raw !== "string") return raw;
    return values.find((value) => value.toLowerCase() === raw.trim().toLowerCase()) ?? raw;
  }, z.enum(values));
}

const GUID = /^[{(]?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})[)}]?$/i;

/** .NET's Guid.Parse formats (hyphens optional, braces allowed), normalized to lowercase "D" form. */
export function parseGuid(raw: string): string | undefined {
  const match = GUID.exec(raw.trim());
  return match ? match.slice(1, 6).join("-").toLowerCase() : undefined;
}

export function guid() {
  return z.string().transform((raw, context) => {
    const parsed = parseGuid(raw);
    if (parsed === undefined) {
      context.addIssue({ code: "custom", message: "expected a GUID such as 00000000-0000-0000-0000-000000000000", input: raw });
      return z.NEVER;
    }
    return parsed;
  });
}

/** Parses `raw` with `schema`, turning the first issue into a 400 with a readable sentence. */
export function bind<T extends z.ZodType>(schema: T, raw: unknown, what: string): z.output<T> {
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  throw bindingError(result.error.issues[0]!, what);
}

/** Builds the sentence for one zod issue: where, what was sent, what would be valid. */
export function bindingError(issue: z.core.$ZodIssue, what: string): ApiError {
  const path = issue.path.map((key) => (typeof key === "number" ? `[${key}]` : String(key))).join(".").replace(/\.\[/g, "[");
  const where = path === "" ? what : `'${path}'`;
  const input = "input" in issue ? issue.input : undefined;
  const shown = input === undefined ? "" : ` ${JSON.stringify(input)}`;
  const missing = input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value");
  if (missing) return validation(`${capitalize(where)} is required.`);
  switch (issue.code) {
    case "invalid_type":
      return validation(`The value${shown} is not valid for ${where}: expected ${article(issue.expected)}.`);
    case "invalid_value":
      return validation(
        `The value${shown} is not valid for ${where}. Valid values: ${issue.values.map(String).join(", ")}.`,
      );
    default:
      return validation(`The value${shown} is not valid for ${where}: ${issue.message}.`);
  }
}

function article(expected: string): string {
  const noun = expected === "int" ? "integer" : expected;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
