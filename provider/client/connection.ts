import * as fs from "node:fs";
import type * as Zod from "zod";
import { once } from "../common/once";
import { Vb365ConfigError } from "./errors";
import { refusePlainHttp } from "./plain-http";

export const API_VERSIONS = ["v6", "v7", "v8"] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** Everything needed to reach one VB365 server. Lives in memory only: never in state. */
export interface ConnectionSettings {
  url: string;
  username: string;
  password: string;
  apiVersion: ApiVersion;
  /** PEM of the CA (or the self-signed certificate) that signs the server's certificate. */
  caCertificate?: string;
  insecureSkipVerify: boolean;
  /** Per-request timeout for headers and body. */
  timeoutMs: number;
  /**
   * The same for adding an organization, which waits while VB365 registers an application and
   * grants consent in the customer's tenant (vb365-api.md §10): minutes rather than seconds.
   */
  createTimeoutMs: number;
  /**
   * Whether `url` may be plain http:// to another machine than this one, which sends the password
   * and tokens unencrypted: refused unless true (resolveConnection and Vb365Client both check).
   */
  allowInsecureHttp?: boolean;
}

/** Where settings come from: stack config values (already decrypted) and the environment. */
export interface SettingsSource {
  config(key: string): string | undefined;
  env: NodeJS.ProcessEnv;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_CREATE_TIMEOUT_MS = 600_000;

const profileSchema = once(buildProfileSchema);

function buildProfileSchema() {
  // zod is loaded on first use, not with the package: a program that only declares resources
  // never resolves a connection, and loading it delayed the program's first resource.
  const { z } = require("zod") as typeof Zod;
  return z.object({
    url: z.string(),
    username: z.string(),
    password: z.string(),
    apiVersion: z.string().optional(),
    caCertificate: z.string().optional(),
    insecureSkipVerify: z.union([z.boolean(), z.string()]).optional(),
    timeoutSeconds: z.union([z.number(), z.string()]).optional(),
    createTimeoutSeconds: z.union([z.number(), z.string()]).optional(),
    allowInsecureHttp: z.union([z.boolean(), z.string()]).optional(),
  });
}

/**
 * The connection a resource uses: the stack's `vb365:*` settings (with VB365_* environment
 * fallbacks, read now rather than when the program was loaded, so rotated credentials work),
 * or, when `profile` is given, the entry of that name in the `vb365:connections` secret map.
 */
export function resolveConnection(source: SettingsSource, profile?: string): ConnectionSettings {
  if (profile) return resolveProfile(source, profile);
  const env = source.env;
  const caFile = env.VB365_CA_FILE;
  return validated(
    {
      url: source.config("vb365:url") ?? env.VB365_URL,
      username: source.config("vb365:username") ?? env.VB365_USERNAME,
      password: source.config("vb365:password") ?? env.VB365_PASSWORD,
      apiVersion: source.config("vb365:apiVersion") ?? env.VB365_API_VERSION,
      caCertificate: source.config("vb365:caCertificate") ?? (caFile ? readCaFile(caFile) : undefined),
      insecureSkipVerify: source.config("vb365:insecureSkipVerify") ?? env.VB365_INSECURE_SKIP_VERIFY,
      timeoutSeconds: source.config("vb365:timeoutSeconds") ?? env.VB365_TIMEOUT_SECONDS,
      createTimeoutSeconds: source.config("vb365:createTimeoutSeconds") ?? env.VB365_CREATE_TIMEOUT_SECONDS,
      allowInsecureHttp: source.config("vb365:allowInsecureHttp") ?? env.VB365_ALLOW_INSECURE_HTTP,
    },
    {
      url: "vb365:url (or VB365_URL)",
      username: "vb365:username (or VB365_USERNAME)",
      password: "vb365:password (or VB365_PASSWORD)",
      apiVersion: "vb365:apiVersion (or VB365_API_VERSION)",
      insecureSkipVerify: "vb365:insecureSkipVerify",
      timeoutSeconds: "vb365:timeoutSeconds (or VB365_TIMEOUT_SECONDS)",
      createTimeoutSeconds: "vb365:createTimeoutSeconds (or VB365_CREATE_TIMEOUT_SECONDS)",
      allowInsecureHttp: "vb365:allowInsecureHttp (or VB365_ALLOW_INSECURE_HTTP)",
    },
  );
}

function resolveProfile(source: SettingsSource, profile: string): ConnectionSettings {
  const raw = source.config("vb365:connections");
  if (!raw) {
    throw new Vb365ConfigError(
      `The connection "${profile}" is not defined: the stack has no vb365:connections setting. ` +
        `Set it as a secret map of named connections, e.g. pulumi config set --secret --path 'vb365:connections.${profile}.password' <password>.`,
    );
  }
  let profiles: unknown;
  try {
    profiles = JSON.parse(raw);
  } catch {
    throw new Vb365ConfigError("vb365:connections must be a map of named connections (an object), not a plain string.");
  }
  const entry = (profiles as Record<string, unknown> | null)?.[profile];
  if (entry === undefined) {
    const known = Object.keys((profiles as object | null) ?? {});
    throw new Vb365ConfigError(
      `The connection "${profile}" is not in vb365:connections; it defines ${known.length ? known.map((k) => `"${k}"`).join(", ") : "none"}.`,
    );
  }
  const parsed = profileSchema().safeParse(entry);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    throw new Vb365ConfigError(
      `vb365:connections.${profile} needs url, username and password as strings; check ${fields}.`,
    );
  }
  const at = `vb365:connections.${profile}`;
  return validated(
    {
      ...parsed.data,
      insecureSkipVerify: parsed.data.insecureSkipVerify?.toString(),
      timeoutSeconds: parsed.data.timeoutSeconds?.toString(),
      createTimeoutSeconds: parsed.data.createTimeoutSeconds?.toString(),
      allowInsecureHttp: parsed.data.allowInsecureHttp?.toString(),
    },
    {
      url: `${at}.url`,
      username: `${at}.username`,
      password: `${at}.password`,
      apiVersion: `${at}.apiVersion`,
      insecureSkipVerify: `${at}.insecureSkipVerify`,
      timeoutSeconds: `${at}.timeoutSeconds`,
      createTimeoutSeconds: `${at}.createTimeoutSeconds`,
      allowInsecureHttp: `${at}.allowInsecureHttp`,
    },
  );
}

interface RawSettings {
  url?: string;
  username?: string;
  password?: string;
  apiVersion?: string;
  caCertificate?: string;
  insecureSkipVerify?: string;
  timeoutSeconds?: string;
  createTimeoutSeconds?: string;
  allowInsecureHttp?: string;
}

type SettingNames = Record<Exclude<keyof RawSettings, "caCertificate">, string>;

function validated(raw: RawSettings, names: SettingNames): ConnectionSettings {
  const missing = (["url", "username", "password"] as const).filter((key) => !raw[key]);
  if (missing.length) {
    throw new Vb365ConfigError(
      `The VB365 connection is incomplete: set ${missing.map((key) => names[key]).join(", ")}. ` +
        "Use pulumi config set (with --secret for the password) or the environment variables named.",
    );
  }
  const url = checkUrl(raw.url!, names.url);
  const allowInsecureHttp = checkBoolean(raw.allowInsecureHttp, names.allowInsecureHttp);
  refusePlainHttp({ url, allowInsecureHttp }, { url: names.url, allowInsecureHttp: names.allowInsecureHttp });
  return {
    url,
    username: raw.username!,
    password: raw.password!,
    apiVersion: checkApiVersion(raw.apiVersion, names.apiVersion),
    caCertificate: raw.caCertificate ? checkPem(raw.caCertificate) : undefined,
    insecureSkipVerify: checkBoolean(raw.insecureSkipVerify, names.insecureSkipVerify),
    timeoutMs: checkTimeout(raw.timeoutSeconds, names.timeoutSeconds, DEFAULT_TIMEOUT_MS),
    createTimeoutMs: checkTimeout(raw.createTimeoutSeconds, names.createTimeoutSeconds, DEFAULT_CREATE_TIMEOUT_MS),
    allowInsecureHttp,
  };
}

function checkUrl(value: string, name: string): string {
  let url: URL;
  try {
    // "vb365.example.com:4443" parses, with "vb365.example.com:" as its scheme: insist on "//".
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) throw new TypeError("no scheme");
    url = new URL(value);
  } catch {
    throw new Vb365ConfigError(`${name} must be an absolute URL such as https://vb365.example.com:4443, not "${value}".`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Vb365ConfigError(`${name} must use https:// (or http:// for a local emulator), not ${url.protocol}//.`);
  }
  // Tolerate a version suffix pasted from Veeam's docs: the client adds /vN itself.
  return url.origin + url.pathname.replace(/\/(v\d+\/?)?$/i, "");
}

function checkApiVersion(value: string | undefined, name: string): ApiVersion {
  if (value === undefined || value === "") return "v8";
  const normalised = value.toLowerCase().startsWith("v") ? value.toLowerCase() : `v${value}`;
  if ((API_VERSIONS as readonly string[]).includes(normalised)) return normalised as ApiVersion;
  throw new Vb365ConfigError(`${name} must be one of ${API_VERSIONS.join(", ")}, not "${value}".`);
}

function checkBoolean(value: string | undefined, name: string): boolean {
  if (value === undefined || value === "") return false;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new Vb365ConfigError(`${name} must be true or false, not "${value}".`);
}

function checkTimeout(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new Vb365ConfigError(`${name} must be a number of seconds between 1 and 3600, not "${value}".`);
  }
  return seconds * 1000;
}

function checkPem(value: string): string {
  if (!value.includes("-----BEGIN CERTIFICATE-----")) {
    throw new Vb365ConfigError(
      "vb365:caCertificate must be a PEM certificate (-----BEGIN CERTIFICATE----- ...); to use a file, set VB365_CA_FILE to its path.",
    );
  }
  return value;
}

function readCaFile(file: string): string {
  try {
    return checkPem(fs.readFileSync(file, "utf8"));
  } catch (error) {
    if (error instanceof Vb365ConfigError) throw error;
    throw new Vb365ConfigError(`VB365_CA_FILE points at ${file}, which cannot be read: ${(error as Error).message}.`);
  }
}

/** Identifies one server and account, so that connections and tokens can be shared. */
export function connectionKey(settings: ConnectionSettings): string {
  const hash = require("node:crypto").createHash("sha256");
  hash.update(JSON.stringify([settings.url, settings.username, settings.password, settings.apiVersion, settings.caCertificate ?? "", settings.insecureSkipVerify]));
  return hash.digest("hex");
}
