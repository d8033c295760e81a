import type { StoredOrganization } from "../../../emulator/model";

/** An organization as the stack's checkpoint records it. */
export interface TrackedOrganization {
  urn: string;
  id: string;
  /** The name the state recorded. */
  name: string;
  /** The Microsoft 365 organization the program declares for this resource. */
  declared: string;
}

/** What the server holds against what the stack expects and what its state tracks. */
export interface Inventory {
  /** Organizations on the server beyond the first of each name. */
  duplicates: number;
  /** On the server, tracked by no resource of the stack: nobody will ever update or delete them. */
  orphans: string[];
  /** Expected on the server, but absent. */
  missing: string[];
  /** Tracked by the state, but gone from the server. */
  stale: string[];
  /**
   * Resources that point at another tenant's organization, or at one another resource points at
   * too: "tenant5 → tenant2.onmicrosoft.com". The failure a provider must never have.
   */
  mismatches: string[];
}

/** Compares the server with the expected names and the tracked organizations. */
export function takeInventory(server: StoredOrganization[], expected: string[], tracked: TrackedOrganization[]): Inventory {
  const names = new Set(server.map((organization) => organization.name.toLowerCase()));
  const trackedIds = new Set(tracked.map((organization) => organization.id.toLowerCase()));
  const byId = new Map(server.map((organization) => [organization.id.toLowerCase(), organization]));
  const resource = (organization: TrackedOrganization) => organization.urn.split("::").pop();
  const mismatches: string[] = [];
  const seen = new Map<string, TrackedOrganization>();
  for (const organization of tracked) {
    const id = organization.id.toLowerCase();
    const first = seen.get(id);
    if (first) mismatches.push(`${resource(organization)} and ${resource(first)} → the same organization ${id}`);
    seen.set(id, first ?? organization);
    const actual = byId.get(id);
    if (actual && actual.name.toLowerCase() !== organization.declared.toLowerCase()) mismatches.push(`${resource(organization)} → ${actual.name}`);
  }
  return {
    duplicates: server.length - names.size,
    orphans: server.filter((organization) => !trackedIds.has(organization.id.toLowerCase())).map((organization) => organization.name),
    missing: expected.filter((name) => !names.has(name.toLowerCase())),
    stale: tracked.filter((organization) => !byId.has(organization.id.toLowerCase())).map((organization) => organization.name),
    mismatches,
  };
}

export function isClean(inventory: Inventory): boolean {
  return (
    inventory.duplicates === 0 && inventory.orphans.length === 0 && inventory.missing.length === 0 && inventory.stale.length === 0 && inventory.mismatches.length === 0
  );
}
