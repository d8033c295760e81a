export const REDACTED = "[REDACTED]";

/** Spelled as compared: lower case, without `_` and `-`, so `refresh_token` and `refreshToken` are one key. */
function normalized(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, "");
}

/** Credentials: never shown anywhere, in the state dump or the request log. */
const CREDENTIAL_KEYS = new Set(
  [
    "password",
    "applicationSecret",
    "applicationCertificate",
    "applicationCertificatePassword",
    "assertion",
    "integration_token",
    "client_secret",
    "access_token",
    "refresh_token",
    "id_token",
  ].map(normalized),
);

/**
 * Device codes too, in the request log: a signed-in user code adds an organization with the
 * customer's consent. The control API's own device-code listing (and the state dump, which
 * repeats it) shows them: handing them to the test that plays the customer is its job.
 */
const LOGGED_KEYS = new Set([...CREDENTIAL_KEYS, ...["userCode", "device_code"].map(normalized)]);

/** Values shorter than this are only redacted under their key: replacing "a" everywhere would garble the log. */
const MIN_ECHOED_LENGTH = 6;

/** A deep copy of `value` with credential members replaced by "[REDACTED]" (the state dump). */
export function redact(value: unknown): unknown {
  return redactKeys(value, CREDENTIAL_KEYS, new Set());
}

/**
 * The request and response bodies of one logged exchange, redacted: secret members by key (any
 * case, `_` or camelCase), and the values found there wherever else they appear in either body,
 * so a token or user code echoed in a message (the device code's "enter the code …", an error
 * naming the code) goes too.
 */
export function redactExchange(request: unknown, response: unknown): [unknown, unknown] {
  const found = new Set<string>();
  const bodies = [request, response].map((body) => (typeof body === "string" ? redactUnparsed(body) : redactKeys(body, LOGGED_KEYS, found)));
  const echoed = [...found].filter((value) => value.length >= MIN_ECHOED_LENGTH && value !== REDACTED);
  if (echoed.length === 0) return [bodies[0], bodies[1]];
  const [redactedRequest, redactedResponse] = bodies.map((body) => replaceValues(body, echoed));
  return [redactedRequest, redactedResponse];
}

/**
 * A body that is neither JSON nor a form cannot be redacted member by member; when it names a
 * secret member it is not kept at all. A linear scan: bodies come from strangers.
 */
function redactUnparsed(text: string): string {
  const words = normalized(text);
  for (const key of LOGGED_KEYS) {
    if (words.includes(key)) return `${REDACTED} (a body of ${text.length} characters that is not JSON and names a secret member)`;
  }
  return text;
}

function redactKeys(value: unknown, keys: ReadonlySet<string>, found: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => redactKeys(item, keys, found));
  if (value === null || typeof value !== "object") return value;
  // fromEntries, not assignment: a body's "__proto__" member stays a member.
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => {
      if (!keys.has(normalized(key)) || member === null || member === "") return [key, redactKeys(member, keys, found)];
      if (typeof member === "string") found.add(member);
      return [key, REDACTED];
    }),
  );
}

function replaceValues(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return secrets.reduce((text, secret) => (text.includes(secret) ? text.split(secret).join(REDACTED) : text), value);
  if (Array.isArray(value)) return value.map((item) => replaceValues(item, secrets));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, replaceValues(member, secrets)]));
}
