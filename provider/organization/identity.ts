import type { RemoteOrganization } from "../client";
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
 * How much the server's organization must share with the inputs to be this resource's:
 * - `adoption`: the name alone (`adoptExisting` asks to take over whatever credentials it has);
 * - `recovery`: the name and, where a certificate is given, its thumbprint; without a name, a
 *   thumbprint only where exactly one organization carries it;
 * - `recoveryOfOwnAttempt`: as `recovery`, but a name is enough without a certificate, because
 *   an attempt of this very call may have added it (basic authentication, legacy protocols).
 */
export type IdentityRule = "adoption" | "recovery" | "recoveryOfOwnAttempt";

/** Stops a create when the server holds several organizations these inputs could mean. */
export class AmbiguousOrganizationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AmbiguousOrganizationError";
  }
}

export function identityOf(plan: OrganizationPlan): OrganizationIdentity {
  return { name: plan.organizationName, thumbprints: plan.thumbprints };
}

/**
 * The one organization of `organizations` that is this resource's under `rule`, undefined when
 * none is. Throws AmbiguousOrganizationError, naming the candidates, when more than one could be.
 */
export function findOwnOrganization(organizations: RemoteOrganization[], identity: OrganizationIdentity, rule: IdentityRule): RemoteOrganization | undefined {
  if (!identity.name) {
    if (rule === "adoption" || identity.thumbprints.length === 0) return undefined;
    const carriers = organizations.filter((organization) => carriesCertificate(organization, identity.thumbprints));
    if (carriers.length > 1) throw ambiguous(carriers, `${carriers.length} organizations on the server use its certificate (thumbprint ${identity.thumbprints.join(", ")}) and no name tells them apart`);
    return carriers[0];
  }
  const named = organizations.filter((organization) => hasName(organization, identity.name!));
  let candidates = named;
  if (rule !== "adoption") {
    if (identity.thumbprints.length > 0) candidates = named.filter((organization) => carriesCertificate(organization, identity.thumbprints));
    else if (rule === "recovery") candidates = [];
  }
  if (candidates.length > 1) throw ambiguous(candidates, `${candidates.length} organizations on the server are named ${identity.name}`);
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

function ambiguous(candidates: RemoteOrganization[], why: string): AmbiguousOrganizationError {
  const listed = candidates.map((organization) => `${reportedName(organization)} (${organization.id})`).join(", ");
  return new AmbiguousOrganizationError(
    `Cannot tell which organization is this resource's: ${why}: ${listed}. Nothing was changed. ` +
      "Set organizationName to the Microsoft 365 name of this tenant (e.g. contoso.onmicrosoft.com) so that only its own organization can match.",
  );
}
