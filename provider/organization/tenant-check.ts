import type { ConnectionSettings, RemoteOrganization } from "../client";
import { hasName, reportedName } from "./identity";
import type { OrganizationPlan } from "./plan";
import type { ConnectionPool } from "../common/connection-pool";

/** VB365 added another Microsoft 365 organization than the one declared; nothing of it was kept. */
export class WrongTenantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WrongTenantError";
  }
}

/**
 * The organization VB365 just added must be the declared one. Which tenant a device code adds is
 * decided by whoever signs in with it, so a customer's administrator signed in to another of
 * their tenants (or another customer's) would otherwise become this resource: the next update
 * would write one customer's settings onto another's organization, and destroy would delete it.
 * On a mismatch the organization is removed again before anything reaches the state.
 */
export async function confirmDeclaredTenant(pool: ConnectionPool, settings: ConnectionSettings, added: RemoteOrganization, plan: OrganizationPlan): Promise<RemoteOrganization> {
  const declared = plan.inputs.organizationName;
  // Only an organization added without a device code can lack it (create refuses the others
  // before the POST): its account or officeOrganizationName chose the tenant, not a sign-in.
  if (!declared) return added;
  const client = pool.client(settings);
  // The specs mark both names nullable; ask rather than accept an organization unchecked.
  const reported = added.name || added.officeName ? added : await client.getOrganization(added.id);
  if (hasName(reported, declared)) return added;

  const actual = reportedName(reported);
  const byDeviceCode = plan.usesDeviceCode;
  const why = byDeviceCode
    ? `the administrator who signed in with the device code belongs to ${actual}, not to ${declared} (organizationName)`
    : `its account or officeOrganizationName leads to ${actual}, not to ${declared} (organizationName)`;
  const fix = byDeviceCode
    ? `Request a new device code (vb365 device-code) and have a Global Administrator of ${declared} sign in with it, then run again.`
    : `Make the settings name ${declared}, or correct organizationName, then run again.`;
  try {
    await client.deleteOrganization(reported.id);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new WrongTenantError(
      `VB365 added ${actual} instead of ${declared}: ${why}. Removing it again failed (${reason}); ` +
        `remove ${actual} (id ${reported.id}) in VB365 before anything else. Nothing was recorded in the stack. ${fix}`,
    );
  } finally {
    pool.forget(settings);
  }
  throw new WrongTenantError(`VB365 added ${actual} instead of ${declared}: ${why}. It was removed again and nothing was recorded in the stack. ${fix}`);
}
