import type * as pulumi from "@pulumi/pulumi";
import { isUnknown } from "../common/check";
import type { OrganizationInputs, OrganizationOutputs, ServiceConnectionState } from "./types";

/** Inputs that identify the organization: a change means another organization. */
const REPLACING = ["type", "region", "organizationName", "connection"] as const;

/** Inputs VB365 lets a PUT change. */
const IN_PLACE = ["isExchangeOnline", "isSharePointOnline", "isTeamsOnline", "isTeamsChatsOnline", "description"] as const;

/**
 * Secret or derived settings compared differently: the certificate by thumbprint (a PFX
 * re-encrypted with another password is the same certificate), its password not at all.
 */
// An array, not a Set: closure serialization turns a captured Set into a plain object.
const SETTINGS_NOT_COMPARED = ["applicationCertificate", "applicationCertificatePassword"];

/**
 * Replaces for identity changes, updates in place for what PUT accepts. `userCode`,
 * `newApplicationName`, `configureApplication` and `adoptExisting` only matter when the
 * organization is created: after that their change or removal triggers nothing.
 * `olds` are the old outputs (pulumi/pulumi provider_plugin.go), normalised by check like `news`.
 */
export function diffOrganization(olds: OrganizationOutputs, news: OrganizationInputs): pulumi.dynamic.DiffResult {
  const replaces = REPLACING.filter((key) => changed(olds[key], news[key]));
  const updates: string[] = IN_PLACE.filter((key) => changed(olds[key] ?? defaultOf(key), news[key] ?? defaultOf(key)));
  for (const service of ["exchangeOnlineSettings", "sharePointOnlineSettings"] as const) {
    if (settingsChanged(olds[service], news[service] as ServiceConnectionState | undefined)) updates.push(service);
  }
  const changes = replaces.length > 0 || updates.length > 0;
  // Same Microsoft 365 organization on the same server (a new region or type): VB365 refuses to
  // add it twice (409), so the old one has to go first. Another name or server can overlap.
  const sameOrganization = replaces.length > 0 && !replaces.includes("organizationName") && !replaces.includes("connection");
  return sameOrganization ? { changes, replaces: [...replaces], deleteBeforeReplace: true } : { changes, replaces: [...replaces] };
}

function defaultOf(key: (typeof IN_PLACE)[number]): unknown {
  return key === "description" ? undefined : false;
}

function settingsChanged(olds: ServiceConnectionState | undefined, news: ServiceConnectionState | undefined): boolean {
  if (!olds || !news) return !olds !== !news;
  if (isUnknown(news)) return true;
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  for (const key of keys) {
    if (SETTINGS_NOT_COMPARED.includes(key)) continue;
    const before = olds[key as keyof ServiceConnectionState];
    const after = news[key as keyof ServiceConnectionState];
    if (changed(before, after)) return true;
  }
  return false;
}

function changed(before: unknown, after: unknown): boolean {
  if (isUnknown(after)) return true;
  return JSON.stringify(before ?? null) !== JSON.stringify(after ?? null);
}
