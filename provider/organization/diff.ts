import type * as pulumi from "@pulumi/pulumi";
import { isUnknown } from "../common/check";
import { type FieldMeta, namesWhere } from "../common/definition";
import { ORGANIZATION_FIELDS, SERVICE_NAMES, SETTINGS_FIELDS } from "./definition";
import type { OrganizationInputs, OrganizationOutputs, ServiceConnectionState } from "./types";

const REPLACING = namesWhere(ORGANIZATION_FIELDS, (candidate) => candidate.change === "replace");
/** What PUT changes in place and is compared as a value; the services' settings are compared setting by setting. */
const IN_PLACE = namesWhere(ORGANIZATION_FIELDS, (candidate) => candidate.change === "update" && candidate.compared !== false && !candidate.fields);
/** Settings judged by another (the certificate by its thumbprint) or not at all (its password). */
const SETTINGS_NOT_COMPARED = namesWhere(SETTINGS_FIELDS, (candidate) => candidate.compared === false);

/**
 * Replaces for identity changes, updates in place for what PUT accepts; inputs used only when
 * the organization is created (change: "createOnly") trigger nothing after that.
 * `olds` are the old outputs (pulumi/pulumi provider_plugin.go), normalised by check like `news`.
 */
export function diffOrganization(olds: OrganizationOutputs, news: OrganizationInputs): pulumi.dynamic.DiffResult {
  const replaces = REPLACING.filter((key) => changed(olds[key], news[key]));
  const updates: string[] = IN_PLACE.filter((key) => changed(olds[key] ?? defaultOf(key), news[key] ?? defaultOf(key)));
  // Kept credentials are the server's: their thumbprint is a record, not a declaration.
  const uncompared = news.keepServerCredentials === true ? [...SETTINGS_NOT_COMPARED, "applicationCertificateThumbprint"] : SETTINGS_NOT_COMPARED;
  for (const service of SERVICE_NAMES) {
    if (settingsChanged(olds[service], news[service] as ServiceConnectionState | undefined, uncompared)) updates.push(service);
  }
  const changes = replaces.length > 0 || updates.length > 0;
  // Same Microsoft 365 organization on the same server (a new region or type): VB365 refuses to
  // add it twice (409), so the old one has to go first. Another name or server can overlap.
  const sameOrganization = replaces.length > 0 && !replaces.includes("organizationName") && !replaces.includes("connection");
  return sameOrganization ? { changes, replaces: [...replaces], deleteBeforeReplace: true } : { changes, replaces: [...replaces] };
}

/** What an input left out means: its default, or what the server takes it for. */
function defaultOf(key: (typeof IN_PLACE)[number]): unknown {
  const known: FieldMeta = ORGANIZATION_FIELDS[key];
  return known.default ?? known.absentMeans;
}

function settingsChanged(olds: ServiceConnectionState | undefined, news: ServiceConnectionState | undefined, uncompared: readonly string[]): boolean {
  if (!olds || !news) return !olds !== !news;
  if (isUnknown(news)) return true;
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  for (const key of keys) {
    if (uncompared.includes(key)) continue;
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
