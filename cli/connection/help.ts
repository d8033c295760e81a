/** The connection flags in the help of every command that talks to VB365 (CONNECTION_OPTIONS in flags.ts defines them). */
export const CONNECTION_HELP = `Connection (flags win over the stack's vb365: config, which wins over VB365_* variables):
  --url <url>              VB365 REST API, e.g. https://vb365.example.com:4443   [VB365_URL, vb365:url]
  --username <name>        VB365 administrator                                  [VB365_USERNAME, vb365:username]
                           The password is never a flag: VB365_PASSWORD, the secret vb365:password,
                           or a hidden prompt on a terminal.
  --api-version <v>        v6, v7 or v8 (default v8)                           [VB365_API_VERSION, vb365:apiVersion]
  --ca-file <file>         PEM of the CA (or self-signed certificate) to trust  [VB365_CA_FILE, vb365:caCertificate]
  --insecure               Skip TLS verification (test servers only)           [vb365:insecureSkipVerify]
  --allow-insecure-http    Accept http:// to another machine: the password     [VB365_ALLOW_INSECURE_HTTP,
                           crosses the network unencrypted (warns)              vb365:allowInsecureHttp]
  --connection <name>      Use the entry <name> of the stack's vb365:connections instead (needs --stack)
`;
