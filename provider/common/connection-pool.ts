import { type ConnectionSettings, connectionKey, type RemoteOrganization, Vb365Client } from "../client";

/** How long one listing may answer reads: a refresh of many organizations shares it. */
const LISTING_TTL_MS = 15_000;

interface Listing {
  fetchedAt: number;
  items: Promise<unknown[]>;
}

/**
 * What one provider process keeps between calls, for every resource type it serves: a client
 * (keep-alive pool and token) per server and account, so one `pulumi up` takes one token per
 * server, and a short-lived listing per server and collection, so that `pulumi refresh` costs one
 * listing per page instead of one GET per resource. Any write drops the server's listings.
 */
export class ConnectionPool {
  private readonly clients = new Map<string, Vb365Client>();
  private readonly listings = new Map<string, Listing>();
  private readonly warned = new Set<string>();
  private readonly serverSettings = new Map<string, Promise<unknown>>();
  /** Each listing by id, built on its first read: a refresh of a thousand resources reads it a thousand times. */
  private readonly indexes = new WeakMap<object, Map<string, unknown>>();

  client(settings: ConnectionSettings): Vb365Client {
    const key = connectionKey(settings);
    let client = this.clients.get(key);
    if (!client) {
      if (settings.insecureSkipVerify && !this.warned.has(settings.url)) {
        this.warned.add(settings.url);
        console.warn(`vb365: TLS certificate verification is OFF for ${settings.url} (vb365:insecureSkipVerify). Trust the server with vb365:caCertificate instead.`);
      }
      client = new Vb365Client(settings);
      this.clients.set(key, client);
    }
    return client;
  }

  /** The organization with this id, from a listing shared by concurrent reads; undefined when gone. */
  find(settings: ConnectionSettings, id: string): Promise<RemoteOrganization | undefined> {
    return this.findIn(settings, "organizations", id, (client) => client.listOrganizations());
  }

  /**
   * The item with this id of the collection `collection`, from its listing (listingOf); undefined
   * when the server no longer has it.
   */
  async findIn<T extends { id: string }>(settings: ConnectionSettings, collection: string, id: string, list: (client: Vb365Client) => Promise<T[]>): Promise<T | undefined> {
    const items = await this.listingOf(settings, collection, list);
    let byId = this.indexes.get(items) as Map<string, T> | undefined;
    if (!byId) {
      byId = new Map(items.map((item) => [item.id.toLowerCase(), item]));
      this.indexes.set(items, byId);
    }
    return byId.get(id.toLowerCase());
  }

  /** Every item of `collection`, from one listing (`list`) shared by the calls of the next LISTING_TTL_MS. */
  listingOf<T>(settings: ConnectionSettings, collection: string, list: (client: Vb365Client) => Promise<T[]>): Promise<T[]> {
    const key = `${connectionKey(settings)}\u0000${collection}`;
    let listing = this.listings.get(key);
    if (!listing || Date.now() - listing.fetchedAt > LISTING_TTL_MS) {
      const items = list(this.client(settings));
      listing = { fetchedAt: Date.now(), items };
      this.listings.set(key, listing);
      // A failed listing must not answer the next call.
      items.catch(() => this.listings.delete(key));
    }
    return listing.items as Promise<T[]>;
  }

  /**
   * A server-wide setting (`name`), read once per provider process: nothing a program declares
   * changes it, and one `pulumi up` of a thousand tenants should not ask a thousand times.
   */
  serverSetting<T>(settings: ConnectionSettings, name: string, read: (client: Vb365Client) => Promise<T>): Promise<T> {
    const key = `${connectionKey(settings)}\u0000${name}`;
    let value = this.serverSettings.get(key) as Promise<T> | undefined;
    if (!value) {
      value = read(this.client(settings));
      this.serverSettings.set(key, value);
      // A failed read must not answer the next call.
      value.catch(() => this.serverSettings.delete(key));
    }
    return value;
  }

  /** Fresh listing, for adoption and recovery after an ambiguous create. */
  async list(settings: ConnectionSettings): Promise<RemoteOrganization[]> {
    this.forget(settings, "organizations");
    return this.client(settings).listOrganizations();
  }

  /** Drops the server's listing of `collection` after a write to it; without one, every listing (a deleted organization may take its jobs and roles along). */
  forget(settings: ConnectionSettings, collection?: string): void {
    const prefix = `${connectionKey(settings)}\u0000${collection ?? ""}`;
    for (const key of [...this.listings.keys()]) if (collection ? key === prefix : key.startsWith(prefix)) this.listings.delete(key);
  }
}

let shared: ConnectionPool | undefined;

/** The provider process's one pool, shared by the providers of every resource type. */
export function sharedConnectionPool(): ConnectionPool {
  shared ??= new ConnectionPool();
  return shared;
}
