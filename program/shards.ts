import { createHash } from "node:crypto";

/**
 * The shard a tenant without a `shard:` of its own belongs to: rendezvous (highest random weight)
 * hashing of its name over the file's shards. Stable while the list is, and adding a shard takes
 * over only about 1/N of the tenants, from every shard alike; the guard (movedTenants) stops a
 * stack before it would remove one that moved.
 */
export function shardOf(tenant: string, shards: readonly string[]): string {
  let best = shards[0];
  let bestWeight = -1n;
  for (const shard of shards) {
    const weight = BigInt(`0x${createHash("sha256").update(`${shard}\u0000${tenant}`).digest("hex").slice(0, 16)}`);
    if (weight > bestWeight) {
      best = shard;
      bestWeight = weight;
    }
  }
  return best;
}

/** A tenant this shard's stack has onboarded that the file now puts elsewhere. */
export interface MovedTenant {
  tenant: string;
  /** The shard the file now assigns it to. */
  to: string;
}

/**
 * Tenants that `previous` (the tenant names this stack onboarded, from its last summary) lists and
 * the file still declares, but in another shard than `shard`. Letting such a stack go on would
 * delete the tenant's organization and jobs here while another stack adds it again.
 */
export function movedTenants(previous: readonly string[], declared: ReadonlyArray<{ name: string; shard?: string }>, shard: string): MovedTenant[] {
  const now = new Map(declared.map((tenant) => [tenant.name, tenant.shard]));
  return previous.flatMap((tenant) => {
    const to = now.get(tenant);
    return to !== undefined && to !== shard ? [{ tenant, to }] : [];
  });
}

/** The message a stack stops with when tenants moved out of its shard. */
export function movedMessage(moved: readonly MovedTenant[], shard: string, file: string): string {
  const listed = moved.map(({ tenant, to }) => `${tenant} (now ${to})`).join(", ");
  return (
    `${file} now assigns tenants this stack (shard ${shard}) onboarded to other shards: ${listed}. Going on would remove their organizations, jobs and roles from VB365 here. ` +
    `Nothing was changed. Keep each where it is with "shard: ${shard}" on the tenant in ${file} (see docs/tenants-file.md, "Shards"), or move it deliberately as that section describes.`
  );
}
