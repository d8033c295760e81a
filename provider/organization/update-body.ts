import type { RemoteOrganization } from "../client";
import { namesWhere } from "../common/definition";
import { SERVICE_NAMES, SETTINGS_FIELDS } from "./definition";

/** RestOrganizationComposed's writable top-level properties (SPEC6/7/8), on-premises parts included. */
const WRITABLE = [
  "type",
  "region",
  "description",
  "isExchangeOnline",
  "isSharePointOnline",
  "isTeamsOnline",
  "isTeamsChatsOnline",
  "isExchange",
  "exchangeSettings",
  "isSharepoint",
  "sharepointSettings",
] as const;

/** What the server reports of a service connection and takes back; the thumbprint follows the PFX sent. */
const RETURNED_SETTINGS = namesWhere(SETTINGS_FIELDS, (candidate) => candidate.reported === true);

/**
 * The PUT body of an update: the organization as the server reports it now, with the declared
 * body (credentials included, which the server never returns) laid over it. Right whether the
 * server merges a PUT into what it has or replaces the organization with the body (vb365-api.md
 * §4.5): nothing the declaration leaves out, such as the application VB365 registered, is lost.
 */
export function updateBody(remote: RemoteOrganization, declared: Record<string, unknown>): Record<string, unknown> {
  const reported = remote as unknown as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const key of WRITABLE) {
    if (reported[key] !== undefined && reported[key] !== null) body[key] = reported[key];
  }
  for (const service of SERVICE_NAMES) {
    const settings = reported[service] as Record<string, unknown> | null | undefined;
    if (!settings) continue;
    const kept: Record<string, unknown> = {};
    for (const key of RETURNED_SETTINGS) {
      if (settings[key] !== undefined && settings[key] !== null) kept[key] = settings[key];
    }
    body[service] = kept;
  }
  for (const [key, value] of Object.entries(declared)) {
    const base = body[key];
    body[key] = isObject(base) && isObject(value) ? { ...base, ...value } : value;
  }
  return body;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
