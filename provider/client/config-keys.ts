/**
 * The `vb365:` stack configuration a connection is read from (connection.ts), described once for
 * the provider plugin's schema: a Pulumi YAML, Python or Go program sets the same keys.
 */
export interface ConfigKey {
  type: "string" | "boolean" | "integer" | "object";
  description: string;
  secret?: boolean;
  /** The environment variable read when the key is not set. */
  env?: string;
}

export const CONNECTION_CONFIG = {
  url: { type: "string", env: "VB365_URL", description: "The VB365 server's REST address, e.g. `https://vb365.example.com:4443` (a `/vN` suffix is ignored)." },
  username: { type: "string", env: "VB365_USERNAME", description: "The account that signs in to the REST API, e.g. `CORP\\svc-vb365`." },
  password: { type: "string", env: "VB365_PASSWORD", secret: true, description: "The account's password." },
  apiVersion: { type: "string", env: "VB365_API_VERSION", description: "The REST API version: `v6`, `v7` or `v8` (default `v8`)." },
  caCertificate: { type: "string", description: "PEM of the CA (or the self-signed certificate) that signs the server's certificate; `VB365_CA_FILE` names a file instead." },
  insecureSkipVerify: { type: "boolean", env: "VB365_INSECURE_SKIP_VERIFY", description: "Skip the verification of the server's certificate: test servers only." },
  timeoutSeconds: { type: "integer", env: "VB365_TIMEOUT_SECONDS", description: "Seconds each request may take (default 60)." },
  createTimeoutSeconds: {
    type: "integer",
    env: "VB365_CREATE_TIMEOUT_SECONDS",
    description: "Seconds adding an organization may take (default 600): VB365 answers once it has registered the Entra application.",
  },
  allowInsecureHttp: {
    type: "boolean",
    env: "VB365_ALLOW_INSECURE_HTTP",
    description:
      "Accept a plain `http://` url for a server other than this machine (localhost, 127.0.0.0/8, ::1 need no setting): the password and tokens then cross the network unencrypted, and every run warns. Default false.",
  },
  connections: {
    type: "object",
    secret: true,
    description: "Named servers, chosen per resource with `connection: <name>`; each entry takes `url`, `username`, `password`, `apiVersion`, `caCertificate`, `insecureSkipVerify`, `timeoutSeconds`, `createTimeoutSeconds` and `allowInsecureHttp`.",
  },
} as const satisfies Record<string, ConfigKey>;

export type ConnectionConfigKey = keyof typeof CONNECTION_CONFIG;
