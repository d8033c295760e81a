import { createHash, randomBytes, randomUUID } from "node:crypto";

/** ASP.NET serializes Guids in lowercase "D" form. */
export function newId(): string {
  return randomUUID();
}

/** Opaque bearer/refresh token: the v1 docs show opaque tokens, and clients must not parse them (vb365-api.md §2.2). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

// Microsoft's device-login codes are 9 characters of uppercase letters and digits (e.g. "FDSBK3LVQ").
const USER_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function newUserCode(): string {
  const bytes = randomBytes(9);
  return Array.from(bytes, (byte) => USER_CODE_ALPHABET[byte % USER_CODE_ALPHABET.length]).join("");
}

/**
 * A stable tenant id for an organization name, so that the same Microsoft 365 organization gets
 * the same `msid` however it was added.
 */
export function tenantIdFor(organizationName: string): string {
  return nameBasedId(`vb365-emulator:${organizationName.toLowerCase()}`);
}

/** A name-based UUID (RFC 4122 §4.3 layout with SHA-1): the same key always gives the same id. */
export function nameBasedId(key: string): string {
  const hash = createHash("sha1").update(key).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
