import { type ConnectionSettings, isTransient, type RemoteOrganization, Vb365ApiError, Vb365ConnectionError } from "../client";
import { organizationBody } from "./body";
import {
  AmbiguousOrganizationError,
  carriersUnderOtherNames,
  deviceCodeNameReason,
  findOwnOrganization,
  identityOf,
  type OrganizationIdentity,
  reportedName,
  usesDeviceCodeWithoutName,
} from "./identity";
import { inUseOf, type OrganizationPlan, planOf } from "./plan";
import type { ConnectionPool } from "../common/connection-pool";
import { updateKeepingCredentials } from "./kept-credentials";
import { confirmDeclaredTenant } from "./tenant-check";
import { updateBody } from "./update-body";

const MAX_ATTEMPTS = 4;

/** Tells `pulumi up` what a create that has not answered yet waits for. */
export interface SlowCreateNotice {
  afterMs: number;
  /** The dynamic provider's console reaches the CLI's output as a diagnostic (Pulumi >= 3.146). */
  notify: (line: string) => void;
}

const SLOW_CREATE_NOTICE: SlowCreateNotice = { afterMs: 10_000, notify: (line) => console.log(line) };

/**
 * Adds the organization, or adopts it when asked to. POST is not repeatable blindly (a second
 * POST could add the organization twice, and the device code is single-use), so after any
 * failure that may have happened after the server acted, the server is asked first: if the
 * organization is there, it is taken back; only if it is not is the POST sent again. Whatever is
 * taken back or adopted must carry the tenant's name (identity.ts), never just a certificate
 * that other tenants may share: without a name nothing is taken back or adopted, so an attempt
 * that may have acted is not followed by another POST but stops the create, saying so.
 *
 * An adopted organization already uses a certificate: the plan is made again from what the server
 * reports (certificate-choice.ts), so adoption never switches it to one its application does not
 * trust. The plan returned is the one the organization now follows.
 */
export async function addOrAdoptOrganization(
  pool: ConnectionPool,
  settings: ConnectionSettings,
  plan: OrganizationPlan,
  notice: SlowCreateNotice = SLOW_CREATE_NOTICE,
): Promise<{ organization: RemoteOrganization; plan: OrganizationPlan }> {
  const client = pool.client(settings);
  const identity = identityOf(plan);
  // check refuses both at preview (rules.ts); this holds for whatever reaches create without it.
  if (usesDeviceCodeWithoutName(plan)) throw new AmbiguousOrganizationError(`${deviceCodeNameReason(plan)} Nothing was sent to VB365.`);
  if (plan.inputs.adoptExisting && !identity.name) {
    throw new AmbiguousOrganizationError(
      "adoptExisting takes over only the organization of this tenant's Microsoft 365 name, and these inputs give none: nothing was adopted or changed. " +
        "Set organizationName (e.g. contoso.onmicrosoft.com); a certificate never identifies a tenant, since tenants may share one.",
    );
  }
  if (plan.inputs.adoptExisting) {
    // One listing for every adoption of the next seconds: taking over an estate of hundreds of
    // organizations must not list them all once per organization.
    const existing = findOwnOrganization(await pool.listingOf(settings, "organizations to adopt", (client) => client.listOrganizations()), identity, "adoption");
    if (existing) {
      // A device code given with an adoption is no sign-in for a rotation: the server's organization has seen none of ours.
      const adopted = planOf(plan.inputs, { ...inUseOf(existing), ...(plan.inputs.userCode === undefined ? {} : { userCode: plan.inputs.userCode }) });
      if (adopted.inputs.keepServerCredentials) await updateKeepingCredentials(client, existing, adopted);
      else await client.updateOrganization(existing.id, updateBody(existing, organizationBody(adopted, "update")));
      pool.forget(settings, "organizations");
      return { organization: existing, plan: adopted };
    }
  }
  const { organization, addedNow } = await postOrRecover(pool, settings, plan, identity, notice);
  return { organization: addedNow ? await confirmDeclaredTenant(pool, settings, organization, plan) : organization, plan };
}

async function postOrRecover(
  pool: ConnectionPool,
  settings: ConnectionSettings,
  plan: OrganizationPlan,
  identity: OrganizationIdentity,
  notice: SlowCreateNotice,
): Promise<{ organization: RemoteOrganization; addedNow: boolean }> {
  const client = pool.client(settings);
  // Set once an attempt of this call failed without telling whether the server acted.
  let ambiguous = false;
  for (let attempt = 1; ; attempt++) {
    try {
      const organization = await whileNoticing(client.createOrganization(organizationBody(plan, "create")), notice, slowCreateLine(plan, identity, settings));
      pool.forget(settings, "organizations");
      return { organization, addedNow: true };
    } catch (error) {
      if (isRefusal(error)) {
        // Without a name nothing on the server is provably this tenant's: the one organization
        // that carries its certificate may be another customer's.
        if (!identity.name) throw withNameHint(error);
        // Refused, perhaps because the organization is already there: 409 for its name, or 400
        // for the device code that made it. An earlier run interrupted before the state was
        // saved explains it when the organization carries this tenant's name and certificate;
        // after an ambiguous attempt of this very call, its name is proof enough.
        const organizations = await pool.list(settings);
        const ours = findOwnOrganization(organizations, identity, ambiguous ? "recoveryOfOwnAttempt" : "recovery");
        if (ours) return { organization: ours, addedNow: false };
        if (isConflict(error)) throw withAdoptionHint(error);
        throw ambiguous && plan.usesDeviceCode ? withOtherTenantHint(error, identity, organizations) : error;
      }
      // After any of these the organization may or may not exist: ask the server before trying again.
      if (!isTransient(error) || attempt >= MAX_ATTEMPTS) throw error;
      if (identity.name) {
        ambiguous = true;
        const recovered = findOwnOrganization(await pool.list(settings), identity, "recoveryOfOwnAttempt");
        if (recovered) return { organization: recovered, addedNow: false };
      } else if (mayHaveActed(error)) {
        // Sent again, the POST would be refused for what this attempt added, and without a name
        // nothing could show that organization to be this tenant's: it would stay on the server,
        // in no stack.
        throw withLostOutcome(error);
      }
      await sleep(backoff(error, attempt));
    }
  }
}

/**
 * Whether the server may have added the organization before the attempt failed: all but a
 * connection that was never made (refused, or a host that does not resolve) and a request VB365
 * declined to take on (429).
 */
function mayHaveActed(error: unknown): boolean {
  if (error instanceof Vb365ConnectionError) return error.code !== "unreachable";
  return !(error instanceof Vb365ApiError && error.status === 429);
}

function isConflict(error: unknown): error is Vb365ApiError {
  return error instanceof Vb365ApiError && error.status === 409;
}

function isRefusal(error: unknown): error is Vb365ApiError {
  return error instanceof Vb365ApiError && (error.status === 409 || error.status === 400);
}

/**
 * A 409 that is not ours to resolve: nothing proves that this stack made the organization (no
 * certificate, or another one than this tenant's), so the user decides.
 */
function withAdoptionHint(error: Vb365ApiError): Error {
  return new Error(
    `${error.message} If an interrupted run of this stack added it, set adoptExisting: true on this organization and run again; ` +
      "otherwise remove it from VB365 or from the program.",
    { cause: error },
  );
}

/**
 * A refusal of inputs that name no tenant: nothing could be taken back, so the user names it. No
 * earlier attempt of this call may have acted: those stop the create (withLostOutcome).
 */
function withNameHint(error: Vb365ApiError): Error {
  return new AmbiguousOrganizationError(
    `${error.message} Nothing was taken back or changed: these inputs name no Microsoft 365 organization (organizationName, officeOrganizationName or the domain of account), ` +
      "and a certificate alone never tells which organization on the server is this tenant's, since tenants may share one. " +
      "Set organizationName to the tenant's name as VB365 reports it (e.g. contoso.onmicrosoft.com) and run again; if an interrupted run of this stack added it, set adoptExisting: true as well.",
    { cause: error },
  );
}

/**
 * An attempt of inputs that name no tenant failed where it may have added the organization:
 * nothing can find it again, so the user names the tenant (or adopts it) and runs again.
 */
function withLostOutcome(error: Error): Error {
  return new AmbiguousOrganizationError(
    `${error.message} Whether that attempt added the organization is unknown, so it was not sent again: these inputs name no Microsoft 365 organization ` +
      "(organizationName, officeOrganizationName or the domain of account), and without a name nothing tells which organization on the server is this tenant's, since tenants may share a certificate. " +
      "Set organizationName to the tenant's name as VB365 reports it (e.g. contoso.onmicrosoft.com) and run again: the organization of that name that carries this certificate is then taken back, " +
      "or added if VB365 has none. Or look in VB365: if it holds this tenant's organization, adopt it with adoptExisting: true and organizationName.",
    { cause: error },
  );
}

/**
 * A device code refused as used after this call's own attempt lost its answer, and no
 * organization of the declared name: that attempt may have added the tenant the administrator
 * really signed in to. Which one cannot be told when tenants share the certificate, so nothing is
 * removed; the candidates are named.
 */
function withOtherTenantHint(error: Vb365ApiError, identity: OrganizationIdentity, organizations: RemoteOrganization[]): Error {
  const candidates = carriersUnderOtherNames(organizations, identity);
  if (candidates.length === 0 || !identity.name) return error;
  const listed = candidates.map((organization) => `${reportedName(organization)} (${organization.id})`).join(", ");
  return new Error(
    `${error.message} An earlier attempt of this create lost its answer, and VB365 holds no organization named ${identity.name}; ` +
      `these use this tenant's certificate under another name: ${listed}. If the administrator signed in to another tenant, remove the organization ` +
      "that attempt added in VB365, then request a new device code for the right tenant.",
    { cause: error },
  );
}


function backoff(error: unknown, attempt: number): number {
  const retryAfter = error instanceof Vb365ApiError ? error.retryAfterMs : undefined;
  return Math.min(retryAfter ?? 500 * 2 ** (attempt - 1), 30_000);
}

function slowCreateLine(plan: OrganizationPlan, identity: OrganizationIdentity, settings: ConnectionSettings): string {
  const what = identity.name ?? "the organization";
  const wait = `waiting up to ${Math.round(settings.createTimeoutMs / 1000)} s (vb365:createTimeoutSeconds)`;
  if (plan.kind === "newApplication") {
    return `vb365: adding ${what}: VB365 registers the Entra application "${plan.inputs.newApplicationName}" in the customer's tenant and grants its permissions before it answers; ${wait}.`;
  }
  return `vb365: adding ${what}: VB365 has not answered yet; ${wait}.`;
}

function whileNoticing<T>(work: Promise<T>, notice: SlowCreateNotice, line: string): Promise<T> {
  const timer = setTimeout(() => notice.notify(line), notice.afterMs);
  return work.finally(() => clearTimeout(timer));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
