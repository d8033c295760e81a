import type { BadInputCase } from "./case";

export interface ConfigCase {
  /** Stack config changes on top of a working vb365: config; undefined removes a key. */
  config: Record<string, string | undefined>;
  /** Environment variables the provider process would see. */
  env?: Record<string, string>;
  /** The organization's `connection` input. */
  connection?: string;
}

/** Bad vb365: settings; every one must stop the preview before a request is sent. */
export function configCases(): Array<BadInputCase<ConfigCase>> {
  return [
    { id: "url without a scheme", field: "vb365:url", valid: /absolute URL such as https:\/\/vb365\.example\.com:4443/, input: () => ({ config: { "vb365:url": "vb365.example.com:4443" } }) },
    { id: "url with ftp://", field: "vb365:url", valid: /must use https:\/\//, input: () => ({ config: { "vb365:url": "ftp://vb365.example.com" } }) },
    { id: "apiVersion v9", field: "vb365:apiVersion", valid: /one of v6, v7, v8/, input: () => ({ config: { "vb365:apiVersion": "v9" } }) },
    { id: "insecureSkipVerify maybe", field: "vb365:insecureSkipVerify", valid: /true or false/, input: () => ({ config: { "vb365:insecureSkipVerify": "maybe" } }) },
    { id: "timeoutSeconds 0", field: "vb365:timeoutSeconds", valid: /between 1 and 3600/, input: () => ({ config: { "vb365:timeoutSeconds": "0" } }) },
    { id: "timeoutSeconds abc", field: "vb365:timeoutSeconds", valid: /between 1 and 3600/, input: () => ({ config: { "vb365:timeoutSeconds": "abc" } }) },
    { id: "caCertificate not PEM", field: "vb365:caCertificate", valid: /PEM certificate \(-----BEGIN CERTIFICATE-----/, input: () => ({ config: { "vb365:caCertificate": "MIIDODCCAiCgAwIBAgIQ" } }) },
    { id: "password missing", field: "vb365:password", valid: /set vb365:password \(or VB365_PASSWORD\)/, input: () => ({ config: { "vb365:password": undefined } }) },
    {
      id: "VB365_CA_FILE that does not exist",
      field: "VB365_CA_FILE",
      valid: /cannot be read/,
      input: () => ({ config: { "vb365:caCertificate": undefined }, env: { VB365_CA_FILE: "/nonexistent/vb365-ca.pem" } }),
    },
    { id: "connection not in vb365:connections", field: "vb365:connections", valid: /it defines "legacy"/, input: () => ({ config: {}, connection: "frankfurt" }) },
    { id: "vb365:connections not a map", field: "vb365:connections", valid: /map of named connections/, input: () => ({ config: { "vb365:connections": "frankfurt" }, connection: "frankfurt" }) },
    {
      id: "connection entry without url",
      field: "vb365:connections.frankfurt",
      valid: /needs url, username and password/,
      input: () => ({ config: { "vb365:connections": JSON.stringify({ frankfurt: { username: "svc", password: "x" } }) }, connection: "frankfurt" }),
    },
  ];
}
