import type { RemoteOrganization } from "../client";
import { switchesWithDeviceCode } from "./certificate-rotation";
import type { OrganizationPlan } from "./plan";

/**
 * What the inputs say about which Microsoft 365 organization they mean. A certificate is no
 * identity of its own: providers run one multi-tenant application with one certificate for
 * many customers, so a thumbprint only narrows down what the name decides.
 */
export interface OrganizationIdentity {
  /** The Microsoft 365 name, when it can be known before VB365 answers. */
  name?: string;
  /** Thumbprints of the certificates the selected services use, uppercase. */
  thumbprints: string[];
}

/**
 * How much the server's organization must share with the inputs to be this resource's. Every rule
 * starts from the name: without one, no organization is ever this resource's, however few carry
 * its certificate (the one that does may be another customer's, and destroy would delete it).
 * - `adoption`: the name alone (`adoptExisting` asks to take over whatever credentials it has);
 * - `recovery`: the name and, where a certificate is given, its thumbprint;
 * - `recoveryOfOwnAttempt`: as `recovery`, but a name is enough without a certificate, because
 *   an attempt of this very call may have added it (basic authentication, legacy protocols).
 */
export type IdentityRule = "adoption" | "recovery" | "recoveryOfOwnAttempt";

/**
 * Stops a create or an update when nothing proves which organization is this resource's: no name
 * to tell, or several organizations on the server these inputs could mean. The message says what
 * is known of the server: nothing changed, or an attempt whose outcome is unknown came first.
 */
export class AmbiguousOrganizationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "AmbiguousOrganizationError";
  }
}

export function identityOf(plan: OrganizationPlan): OrganizationIdentity {
  return { name: plan.organizationName, thumbprints: plan.thumbprints };
}

/**
 * Whether these inputs use a device code (or let VB365 register a new application, which takes
 * one) without `organizationName`. Whoever signs in with the code decides which tenant VB365
 * adds, so only the declared name can prove it is this one (tenant-check.ts); a name worked out
 * from an account is no such proof, and a certificate or application tenants share even less.
 */
export function usesDeviceCodeWithoutName(plan: OrganizationPlan): boolean {
  return plan.usesDeviceCode && !plan.inputs.organizationName;
}

/** Why organizationName is needed with a device code, naming what is valid: check and create say the same. */
export function deviceCodeNameReason(plan: OrganizationPlan): string {
  const used = plan.kind === "newApplication" ? "newApplicationName" : "configureApplication and a device code (userCode)";
  return (
    `organizationName is required with ${used}: set it to the Microsoft 365 name of the tenant whose Global Administrator signs in with the device code, ` +
    "as VB365 reports it (its *.onmicrosoft.com domain, e.g. contoso.onmicrosoft.com). Whoever signs in decides which tenant VB365 adds, and only this name " +
    "proves it is this one: tenants may share an application or a certificate."
  );
}

/**
 * The refusal of an update that would use a new device code on an organization without
 * `organizationName`: after creation a code is used only by a certificate switch VB365 registers
 * with it (certificate-choice.ts), and whoever signs in with it could be of another tenant. Decided
 * from the plan made with the state, which knows the certificate in use; undefined when the code
 * is not used or the name is given. `reportedName`: the name VB365 reported for the organization.
 */
export function unnamedDeviceCodeUse(plan: OrganizationPlan, reportedName: string | undefined): AmbiguousOrganizationError | undefined {
  const certificate = plan.certificates.switching?.to;
  if (!switchesWithDeviceCode(plan) || !certificate || plan.inputs.organizationName) return undefined;
  const name = reportedName ? `${reportedName}, the name VB365 reports for it` : "the name VB365 reports for it";
  return new AmbiguousOrganizationError(
    `${deviceCodeNameReason(plan)} This organization was added without it, and the new device code in userCode would be used now: ` +
      `VB365 would register certificate ${certificate} on its application with it. Set organizationName to ${name} (its \`name\` output): ` +
      "that replaces nothing and sends no request. Nothing was sent to VB365.",
  );
}

/**
 * The one organization of `organizations` that is this resource's under `rule`, undefined when
 * none is. Throws AmbiguousOrganizationError, naming the candidates, when more than one could be.
 */
export function findOwnOrganization(organizations: RemoteOrganization[], identity: OrganizationIdentity, rule: IdentityRule): RemoteOrganization | undefined {
  if (!identity.name) return undefined;
  const named = organizations.filter((organization) => hasName(organization, identity.name!));
  let candidates = named;
  if (rule !== "adoption") {
    if (identity.thumbprints.length > 0) candidates = named.filter((organization) => carriesCertificate(organization, identity.thumbprints));
    else if (rule === "recovery") candidates = [];
  }
  if (candidates.length > 1) throw ambiguous(candidates, `${candidates.length} organizations on the server are named ${identity.name}`, rule);
  return candidates[0];
}

/** Organizations that use one of these inputs' certificates under another name than theirs. */
export function carriersUnderOtherNames(organizations: RemoteOrganization[], identity: OrganizationIdentity): RemoteOrganization[] {
  if (!identity.name || identity.thumbprints.length === 0) return [];
  return organizations.filter((organization) => carriesCertificate(organization, identity.thumbprints) && !hasName(organization, identity.name!));
}

/** Whether VB365 reports `organization` under this Microsoft 365 name (`name` or `officeName`). */
export function hasName(organization: RemoteOrganization, name: string): boolean {
  const wanted = name.trim().toLowerCase();
  return [organization.name, organization.officeName].some((candidate) => candidate?.trim().toLowerCase() === wanted);
}

/** The name VB365 reports, for messages. */
export function reportedName(organization: RemoteOrganization): string {
  return organization.name || organization.officeName || `the organization with id ${organization.id}`;
}

/** Every certificate the server reports for the organization is one of these, and there is one. */
function carriesCertificate(organization: RemoteOrganization, thumbprints: string[]): boolean {
  const reported = [organization.exchangeOnlineSettings, organization.sharePointOnlineSettings]
    .map((settings) => settings?.applicationCertificateThumbprint?.toUpperCase())
    .filter((thumbprint): thumbprint is string => !!thumbprint);
  return reported.length > 0 && reported.every((thumbprint) => thumbprints.includes(thumbprint));
}

function ambiguous(candidates: RemoteOrganization[], why: string, rule: IdentityRule): AmbiguousOrganizationError {
  const listed = candidates.map((organization) => `${reportedName(organization)} (${organization.id})`).join(", ");
  // Never "nothing was changed" where an attempt whose outcome is unknown came first.
  const changed = rule === "recoveryOfOwnAttempt" ? "An attempt of this create lost its answer and may have added one of them; nothing else was changed." : "Nothing was changed.";
  return new AmbiguousOrganizationError(
    `Cannot tell which organization is this resource's: ${why}: ${listed}. ${changed} ` +
      "Set organizationName to the Microsoft 365 name of this tenant (e.g. contoso.onmicrosoft.com) so that only its own organization can match.",
  );
}
