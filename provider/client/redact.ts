/** Replaces every occurrence of each secret (of useful length) in `text` with "[secret]". */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    // Very short values (e.g. "true") would mangle ordinary words and protect nothing.
    if (secret && secret.length >= 4) result = result.split(secret).join("[secret]");
  }
  return result;
}

/** The string values under keys that hold credentials, at any depth of a request body. */
export function secretValues(body: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key?: string) => {
    if (typeof value === "string") {
      if (key && SECRET_KEYS.includes(key.toLowerCase())) found.push(value);
    } else if (Array.isArray(value)) {
      value.forEach((item) => visit(item, key));
    } else if (value && typeof value === "object") {
      for (const [innerKey, inner] of Object.entries(value)) visit(inner, innerKey);
    }
  };
  visit(body);
  return found;
}

const SECRET_KEYS = [
  "password",
  "applicationsecret",
  "applicationcertificate",
  "applicationcertificatepassword",
  "usercode",
  "refresh_token",
  "access_token",
];
