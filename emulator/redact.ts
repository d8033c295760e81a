/** Keys whose values never leave the emulator: request bodies in the log, the state dump. */
const SECRET_KEYS = new Set(
  ["password", "applicationSecret", "applicationCertificate", "applicationCertificatePassword", "assertion", "integration_token"].map(
    (key) => key.toLowerCase(),
  ),
);

export const REDACTED = "[REDACTED]";

/** A deep copy of `value` with secret-looking members replaced by "[REDACTED]". */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== "object") return value;
  const result: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    result[key] = SECRET_KEYS.has(key.toLowerCase()) && member !== null && member !== "" ? REDACTED : redact(member);
  }
  return result;
}
