import { type ConnectionSettings, connectionKey, type RemoteOrganization, Vb365Client } from "../client";

/** How long one listing may answer reads: a refresh of many organizations shares it. */
const LISTING_TTL_MS = 15_000;

interface Listing {
  fetchedAt: number;
  organizations: Promise<Map<string, RemoteOrganization>>;
}

/**
 * What one provider process keeps between calls: a client (keep-alive pool and token) per
 * server and account, and a short-lived listing per server so that `pulumi refresh` costs one
 * listing per page instead of one GET per organization. Any write drops the listing.
 */
export class ConnectionPool {
  private readonly clients = new Map<string, Vb365Client>();
  private readonly listings = new Map<string, Listing>();
  private readonly warned = new Set<string>();

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
  async find(settings: ConnectionSettings, id: string): Promise<RemoteOrganization | undefined> {
    const key = connectionKey(settings);
    let listing = this.listings.get(key);
    if (!listing || Date.now() - listing.fetchedAt > LISTING_TTL_MS) {
      const organizations = this.client(settings)
        .listOrganizations()
        .then((all) => new Map(all.map((organization) => [organization.id.toLowerCase(), organization])));
      listing = { fetchedAt: Date.now(), organizations };
      this.listings.set(key, listing);
      // A failed listing must not answer the next read.
      organizations.catch(() => this.listings.delete(key));
    }
    return (await listing.organizations).get(id.toLowerCase());
  }

  /** Fresh listing, for adoption and recovery after an ambiguous create. */
  async list(settings: ConnectionSettings): Promise<RemoteOrganization[]> {
    this.forget(settings);
    return this.client(settings).listOrganizations();
  }

  forget(settings: ConnectionSettings): void {
    this.listings.delete(connectionKey(settings));
  }
}
