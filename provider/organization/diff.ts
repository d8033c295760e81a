import type * as pulumi from "@pulumi/pulumi";
import { containsUnknown, isUnknown } from "../common/check";
import { type FieldMeta, namesWhere } from "../common/definition";
import { ORGANIZATION_FIELDS, SERVICE_NAMES, SETTINGS_FIELDS } from "./definition";
import { unnamedDeviceCodeUse } from "./identity";
import { inUseOf, type OrganizationPlan, planOf } from "./plan";
import type { OrganizationInputs, OrganizationOutputs, ServiceConnectionState } from "./types";

const REPLACING = namesWhere(ORGANIZATION_FIELDS, (candidate) => candidate.change === "replace");
/** What PUT changes in place and is compared as a value; the services' settings are compared setting by setting. */
const IN_PLACE = namesWhere(ORGANIZATION_FIELDS, (candidate) => candidate.change === "update" && candidate.compared !== false && !candidate.fields);
/** Settings judged by another (the certificate by its thumbprint) or not at all (its password). */
const SETTINGS_NOT_COMPARED = namesWhere(SETTINGS_FIELDS, (candidate) => candidate.compared === false);

/** What changed and how, with the plan that decided which certificate each service uses. */
export interface OrganizationChanges {
  replaces: string[];
  /** Inputs changed in place; `certificateRotation` when a rotation starts or stops waiting. */
  updates: string[];
  plan: OrganizationPlan;
}

/**
 * Replaces for identity changes, updates in place for what PUT accepts; inputs used only when
 * the organization is created (change: "createOnly") trigger nothing after that.
 * `olds` are the old outputs (pulumi/pulumi provider_plugin.go), normalised by check like `news`.
 */
export function diffOrganization(olds: OrganizationOutputs, news: OrganizationInputs): pulumi.dynamic.DiffResult {
  const { replaces, updates } = organizationChanges(olds, news);
  const changes = replaces.length > 0 || updates.length > 0;
  // Same Microsoft 365 organization on the same server (a new region or type): VB365 refuses to
  // add it twice (409), so the old one has to go first. Another name or server can overlap.
  const sameOrganization = replaces.length > 0 && !replaces.includes("organizationName") && !replaces.includes("connection");
  return sameOrganization ? { changes, replaces: [...replaces], deleteBeforeReplace: true } : { changes, replaces: [...replaces] };
}

/**
 * The inputs compared with the state, each service with the certificate the plan chooses for it
 * (certificate-choice.ts): a new certificate it may not switch to yet is no change of its
 * settings; but the state records that a rotation waits (pendingCertificateThumbprint), so its
 * start and its end are updates, which send no request unless something else changed. Throws when
 * the switch would use a device code that no organizationName ties to this tenant (identity.ts).
 */
export function organizationChanges(olds: OrganizationOutputs, news: OrganizationInputs): OrganizationChanges {
  const plan = planOf(news, inUseOf(olds));
  // Here, not in check: only the state knows whether a new device code would be used.
  const refusal = unnamedDeviceCodeUse(plan, olds.name);
  if (refusal) throw refusal;
  const effective = plan.effective;
  const namesItsOwn = namesReportedOrganization(olds, effective);
  const replaces = REPLACING.filter((key) => changed(olds[key], effective[key]) && !(key === "organizationName" && namesItsOwn));
  const updates: string[] = IN_PLACE.filter((key) => changed(olds[key] ?? defaultOf(key), effective[key] ?? defaultOf(key)));
  if (namesItsOwn) updates.push("organizationName");
  for (const service of SERVICE_NAMES) {
    if (settingsChanged(olds[service], effective[service] as ServiceConnectionState | undefined)) updates.push(service);
  }
  // A current certificate still unknown at preview may be a new one in use: the decision is made
  // again at up. A next one unknown is no change of its own: it only appears with an update of its
  // TenantCertificate, which the preview shows; at up, known, it is judged (and a state made before
  // next certificates existed has none to know at preview).
  const unknownCertificate = [news.applicationCertificate, ...SERVICE_NAMES.map((service) => news[service]?.applicationCertificate)].some(isUnknown);
  if (unknownCertificate || (plan.certificates.pending ?? "") !== (olds.pendingCertificateThumbprint ?? "")) updates.push("certificateRotation");
  return { replaces, updates, plan };
}

/**
 * An organization added without organizationName given the name VB365 reports for it: the same
 * tenant, now named (as a device code requires, rules.ts), so only the stack's record changes.
 */
function namesReportedOrganization(olds: OrganizationOutputs, news: OrganizationInputs): boolean {
  const declared = news.organizationName;
  if (olds.organizationName !== undefined || typeof declared !== "string" || isUnknown(declared) || !olds.name) return false;
  return declared.trim().toLowerCase() === olds.name.trim().toLowerCase();
}

/** Whether the changes need the server: anything but the provider's own inputs (sent: false) and the rotation's record. */
export function changesTheServer(updates: readonly string[]): boolean {
  return updates.some((key) => key !== "certificateRotation" && (ORGANIZATION_FIELDS as Record<string, FieldMeta>)[key]?.sent !== false);
}

/** What an input left out means: its default, or what the server takes it for. */
function defaultOf(key: (typeof IN_PLACE)[number]): unknown {
  const known: FieldMeta = ORGANIZATION_FIELDS[key];
  return known.default ?? known.absentMeans;
}

function settingsChanged(olds: ServiceConnectionState | undefined, news: ServiceConnectionState | undefined): boolean {
  if (!olds || !news) return !olds !== !news;
  if (isUnknown(news)) return true;
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  for (const key of keys) {
    if (SETTINGS_NOT_COMPARED.includes(key as (typeof SETTINGS_NOT_COMPARED)[number])) continue;
    const before = olds[key as keyof ServiceConnectionState];
    const after = news[key as keyof ServiceConnectionState];
    if (changed(before, after)) return true;
  }
  return false;
}

function changed(before: unknown, after: unknown): boolean {
  if (containsUnknown(after)) return true;
  return JSON.stringify(before ?? null) !== JSON.stringify(after ?? null);
}
