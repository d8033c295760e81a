import type { StoredOrganization } from "../../../emulator/model";

/** An organization as the stack's checkpoint records it. */
export interface TrackedOrganization {
  urn: string;
  id: string;
  name: string;
}

/** What the server holds against what the stack expects and what its state tracks. */
export interface Inventory {
  /** Organizations on the server beyond the first of each name or certificate. */
  duplicates: number;
  /** On the server, tracked by no resource of the stack: nobody will ever update or delete them. */
  orphans: string[];
  /** Expected on the server, but absent. */
  missing: string[];
  /** Tracked by the state, but gone from the server. */
  stale: string[];
}

/** Compares the server with the expected names and the tracked organizations. */
export function takeInventory(server: StoredOrganization[], expected: string[], tracked: TrackedOrganization[]): Inventory {
  const names = new Set(server.map((organization) => organization.name.toLowerCase()));
  const thumbprints = server
    .map((organization) => organization.exchangeOnlineSettings?.applicationCertificateThumbprint ?? organization.sharePointOnlineSettings?.applicationCertificateThumbprint)
    .filter((thumbprint): thumbprint is string => !!thumbprint);
  const duplicates = server.length - names.size + (thumbprints.length - new Set(thumbprints).size);
  const trackedIds = new Set(tracked.map((organization) => organization.id.toLowerCase()));
  const serverIds = new Set(server.map((organization) => organization.id.toLowerCase()));
  return {
    duplicates,
    orphans: server.filter((organization) => !trackedIds.has(organization.id.toLowerCase())).map((organization) => organization.name),
    missing: expected.filter((name) => !names.has(name.toLowerCase())),
    stale: tracked.filter((organization) => !serverIds.has(organization.id.toLowerCase())).map((organization) => organization.name),
  };
}

export function isClean(inventory: Inventory): boolean {
  return inventory.duplicates === 0 && inventory.orphans.length === 0 && inventory.missing.length === 0 && inventory.stale.length === 0;
}
