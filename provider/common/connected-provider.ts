import type * as pulumi from "@pulumi/pulumi";
import { type ApiVersion, type ConnectionSettings, resolveConnection, Vb365Error } from "../client";
import { isUnknown } from "./check";
import { type ConnectionPool, sharedConnectionPool } from "./connection-pool";

/** What check learns of a resource's connection: its API version, or why it is no good. */
export type CheckedConnection = { apiVersion?: ApiVersion; failure?: undefined } | { apiVersion?: undefined; failure: pulumi.dynamic.CheckFailure };

/**
 * What every pulumi-vb365 provider does with its connection. Pulumi serializes each provider into
 * the state of every resource, so none holds settings or secrets when serialized: the connection
 * comes from the stack config handed to `configure` (and VB365_* variables), read in the provider
 * process, and the clients from the process's one pool.
 */
export abstract class ConnectedProvider {
  private config?: pulumi.dynamic.Config;

  /** `pool`: the provider process's shared one; a test gives each provider its own. */
  constructor(protected readonly pool: ConnectionPool = sharedConnectionPool()) {}

  async configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.config = request.config;
  }

  /** The API version of the resource's `connection` for check's rules, or a failure naming it. */
  protected checkedConnection(news: object): CheckedConnection {
    const connection = (news as { connection?: unknown }).connection;
    if (isUnknown(connection)) return {};
    try {
      return { apiVersion: this.settings(typeof connection === "string" ? connection : undefined).apiVersion };
    } catch (error) {
      if (!Vb365Error.isInstance(error)) throw error;
      return { failure: { property: "connection", reason: error.message } };
    }
  }

  protected settings(profile: string | undefined): ConnectionSettings {
    const config = this.config;
    return resolveConnection({ config: (key) => config?.get(key), env: process.env }, profile);
  }
}
