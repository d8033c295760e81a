import { isIPv6 } from "node:net";
import { parseArgs } from "node:util";
import { isLoopbackHost } from "../provider/common/loopback";
import { remoteBindingRefusal } from "./endpoint";
import { MAX_BODY_BYTES } from "./http";
import type { EmulatorOptions } from "./index";
import type { User } from "./store";
import { isApiVersion, type ApiVersion } from "./versions";

export const USAGE = `Usage: vb365-emulator [options]

Starts a local Veeam Backup for Microsoft 365 REST API emulator. When it is ready it prints one
line of JSON to stdout ({"url", "caFile", "fingerprint", ...}); logs go to stderr.

Options (environment variable fallback in brackets):
  --port <n>                       TCP port, 0 = a free port (default 0) [VB365_EMULATOR_PORT]
  --host <address>                 interface to listen on (default 127.0.0.1) [VB365_EMULATOR_HOST];
                                   beyond loopback only with --allow-remote
  --allow-remote                   listen beyond loopback (0.0.0.0, a LAN address), with a warning:
                                   anyone who reaches it can use the control API, which has no
                                   password [VB365_EMULATOR_ALLOW_REMOTE=1]
  --allowed-host <name>            a Host name requests may carry besides localhost, 127.0.0.1,
                                   [::1] and the address listened on (a DNS name of the machine),
                                   repeatable [VB365_EMULATOR_ALLOWED_HOSTS, comma-separated]
  --http                           plain HTTP instead of HTTPS [VB365_EMULATOR_HTTP=1]
  --versions <list>                API versions to serve (default v6,v7,v8) [VB365_EMULATOR_VERSIONS]
  --user <name:password>           a user for POST /token, repeatable (default admin:vb365-emulator)
                                   [VB365_EMULATOR_USERS, comma-separated]
  --auto-approve-device-codes <ms> sign device codes in automatically after <ms>
                                   [VB365_EMULATOR_AUTO_APPROVE_DEVICE_CODES]
  --organization-name <name>       organization device codes sign in to (default contoso.onmicrosoft.com)
                                   [VB365_EMULATOR_ORGANIZATION_NAME]
  --device-code-lifetime <s>       device code lifetime (default 900) [VB365_EMULATOR_DEVICE_CODE_LIFETIME]
  --token-lifetime <s>             access token lifetime (default 3600) [VB365_EMULATOR_TOKEN_LIFETIME]
  --put-semantics <merge|replace>  PUT /Organizations, /Jobs and /RbacRoles keep what the body
                                   omits (merge, default) or clear it (replace)
                                   [VB365_EMULATOR_PUT_SEMANTICS]
  --max-page-size <n>              cap pages at n items, whatever limit asks (default: none)
                                   [VB365_EMULATOR_MAX_PAGE_SIZE]
  --silent-page-cap                a capped page echoes the limit asked for and has no _links,
                                   as a server that caps without saying so would
                                   [VB365_EMULATOR_SILENT_PAGE_CAP=1]
  --delete-with-jobs <refuse|cascade>
                                   deleting an organization with enabled jobs: 409 (refuse,
                                   default) or the jobs go with it [VB365_EMULATOR_DELETE_WITH_JOBS]
  --delete-with-roles <refuse|cascade>
                                   deleting an organization with restore operator roles: 409
                                   (refuse, default) or the roles go with it
                                   [VB365_EMULATOR_DELETE_WITH_ROLES]
  --no-entra-trust                 accept certificates their Entra application does not trust;
                                   by default they are refused (AADSTS700027), as Entra refuses
                                   VB365's sign-in [VB365_EMULATOR_ENTRA_TRUST=0]
  --state-file <path>              keep organizations, jobs and roles in this file across restarts
                                   [VB365_EMULATOR_STATE_FILE]
  --ca-file <path>                 where to write the certificate PEM (default: a temporary file)
                                   [VB365_EMULATOR_CA_FILE]
  --quiet                          no per-request log lines [VB365_EMULATOR_QUIET=1]
  --help                           show this help

Limits and protections: request bodies above ${MAX_BODY_BYTES} bytes (1 MiB) get 413 unread; a
Host the emulator does not answer to gets 400 (DNS rebinding); the control API (/__emulator)
refuses a foreign Origin (403) and bodies that are not application/json (415); recorded request
and response bodies have passwords, tokens and device codes redacted.
`;

export class CliUsageError extends Error {
  override name = "CliUsageError";
}

export type CliCommand =
  | { kind: "help" }
  | { kind: "run"; options: Omit<EmulatorOptions, "logger">; caFile: string | undefined; quiet: boolean };

/** Flags first, then `VB365_EMULATOR_*` variables, then defaults. Pure, so it is unit-tested. */
export function parseCliOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "allow-remote": { type: "boolean" },
        "allowed-host": { type: "string", multiple: true },
        http: { type: "boolean" },
        versions: { type: "string" },
        user: { type: "string", multiple: true },
        "auto-approve-device-codes": { type: "string" },
        "organization-name": { type: "string" },
        "device-code-lifetime": { type: "string" },
        "token-lifetime": { type: "string" },
        "put-semantics": { type: "string" },
        "max-page-size": { type: "string" },
        "silent-page-cap": { type: "boolean" },
        "delete-with-jobs": { type: "string" },
        "delete-with-roles": { type: "string" },
        "entra-trust": { type: "boolean" },
        "no-entra-trust": { type: "boolean" },
        "state-file": { type: "string" },
        "ca-file": { type: "string" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  if (values.help) return { kind: "help" };

  const pick = (flag: string | undefined, variable: string): string | undefined => flag ?? nonEmpty(env[variable]);
  const options: Omit<EmulatorOptions, "logger"> = {};
  const port = pick(values.port, "VB365_EMULATOR_PORT");
  if (port !== undefined) options.port = integer(port, "--port", 0, 65535);
  const host = pick(values.host, "VB365_EMULATOR_HOST");
  if (host !== undefined) options.host = host;
  const allowRemote = values["allow-remote"] ?? truthy(env.VB365_EMULATOR_ALLOW_REMOTE);
  if (host !== undefined && !isLoopbackHost(host) && !allowRemote) {
    throw new CliUsageError(`--host ${remoteBindingRefusal(host, "--allow-remote (VB365_EMULATOR_ALLOW_REMOTE=1)")}`);
  }
  if (allowRemote) options.allowRemote = true;
  const allowedHosts = values["allowed-host"] ?? nonEmpty(env.VB365_EMULATOR_ALLOWED_HOSTS)?.split(",");
  if (allowedHosts !== undefined) options.allowedHosts = allowedHosts.map((name) => allowedHost(name));
  if (values.http ?? truthy(env.VB365_EMULATOR_HTTP)) options.http = true;
  const versions = pick(values.versions, "VB365_EMULATOR_VERSIONS");
  if (versions !== undefined) options.versions = parseVersions(versions);
  const users = values.user ?? nonEmpty(env.VB365_EMULATOR_USERS)?.split(",");
  if (users !== undefined) options.users = users.map(parseUser);
  const autoApprove = pick(values["auto-approve-device-codes"], "VB365_EMULATOR_AUTO_APPROVE_DEVICE_CODES");
  if (autoApprove !== undefined) options.autoApproveDeviceCodesMs = integer(autoApprove, "--auto-approve-device-codes", 0);
  const organization = pick(values["organization-name"], "VB365_EMULATOR_ORGANIZATION_NAME");
  if (organization !== undefined) options.autoApproveOrganizationName = organization;
  const deviceCodeLifetime = pick(values["device-code-lifetime"], "VB365_EMULATOR_DEVICE_CODE_LIFETIME");
  if (deviceCodeLifetime !== undefined) options.deviceCodeLifetimeSeconds = integer(deviceCodeLifetime, "--device-code-lifetime", 1);
  const tokenLifetime = pick(values["token-lifetime"], "VB365_EMULATOR_TOKEN_LIFETIME");
  if (tokenLifetime !== undefined) options.tokenLifetimeSeconds = integer(tokenLifetime, "--token-lifetime", 1);
  const putSemantics = pick(values["put-semantics"], "VB365_EMULATOR_PUT_SEMANTICS");
  if (putSemantics !== undefined) options.putSemantics = oneOf(putSemantics, "--put-semantics", ["merge", "replace"] as const);
  const maxPageSize = pick(values["max-page-size"], "VB365_EMULATOR_MAX_PAGE_SIZE");
  if (maxPageSize !== undefined) options.maxPageSize = integer(maxPageSize, "--max-page-size", 1, 10_000);
  if (values["silent-page-cap"] ?? truthy(env.VB365_EMULATOR_SILENT_PAGE_CAP)) options.silentPageCap = true;
  const deleteWithJobs = pick(values["delete-with-jobs"], "VB365_EMULATOR_DELETE_WITH_JOBS");
  if (deleteWithJobs !== undefined) options.deleteWithJobs = oneOf(deleteWithJobs, "--delete-with-jobs", ["refuse", "cascade"] as const);
  const deleteWithRoles = pick(values["delete-with-roles"], "VB365_EMULATOR_DELETE_WITH_ROLES");
  if (deleteWithRoles !== undefined) options.deleteWithRoles = oneOf(deleteWithRoles, "--delete-with-roles", ["refuse", "cascade"] as const);
  const entraTrust = entraTrustOf(values["entra-trust"], values["no-entra-trust"], env.VB365_EMULATOR_ENTRA_TRUST);
  if (entraTrust !== undefined) options.entraTrust = entraTrust;
  const stateFile = pick(values["state-file"], "VB365_EMULATOR_STATE_FILE");
  if (stateFile !== undefined) options.stateFile = stateFile;
  const caFile = pick(values["ca-file"], "VB365_EMULATOR_CA_FILE");
  return { kind: "run", options, caFile, quiet: values.quiet ?? truthy(env.VB365_EMULATOR_QUIET) };
}

function integer(text: string, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(text.trim())) throw new CliUsageError(`${flag} must be a whole number, not "${text}".`);
  const value = Number(text.trim());
  if (value < min || value > max) throw new CliUsageError(`${flag} must be between ${min} and ${max}, not ${value}.`);
  return value;
}

/** A bare host name or address, as a Host header carries it before the port. */
function allowedHost(text: string): string {
  const name = text.trim();
  const address = name.startsWith("[") && name.endsWith("]") ? name.slice(1, -1) : name;
  if (!isIPv6(address) && !/^[A-Za-z0-9.-]+$/.test(name)) {
    throw new CliUsageError(`--allowed-host takes a host name or address without scheme or port (for example vb365-emulator.internal), not "${text}".`);
  }
  return name;
}

function oneOf<const T extends readonly string[]>(text: string, flag: string, choices: T): T[number] {
  const value = text.trim().toLowerCase();
  if (!choices.includes(value)) throw new CliUsageError(`${flag} takes ${choices.join(" or ")}, not "${text}".`);
  return value as T[number];
}

function parseVersions(text: string): ApiVersion[] {
  const versions = text.split(",").map((part) => part.trim().toLowerCase()).filter((part) => part !== "");
  const unknown = versions.filter((version) => !isApiVersion(version));
  if (versions.length === 0 || unknown.length > 0) {
    throw new CliUsageError(`--versions takes a comma-separated list of v6, v7 and v8, not "${text}".`);
  }
  return versions as ApiVersion[];
}

/** "name:password"; the password may itself contain colons. */
function parseUser(text: string): User {
  const colon = text.indexOf(":");
  if (colon <= 0 || colon === text.length - 1) {
    throw new CliUsageError(`--user takes name:password (for example admin:secret), not "${text}".`);
  }
  return { name: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** On unless switched off; `--entra-trust` (the default said out loud) is still accepted. */
function entraTrustOf(on: boolean | undefined, off: boolean | undefined, variable: string | undefined): boolean | undefined {
  if (on && off) throw new CliUsageError("--entra-trust and --no-entra-trust contradict each other; give one of them.");
  if (off) return false;
  if (on) return true;
  const value = nonEmpty(variable);
  if (value === undefined) return undefined;
  if (truthy(value)) return true;
  if (/^(0|false|no|off)$/i.test(value.trim())) return false;
  throw new CliUsageError(`VB365_EMULATOR_ENTRA_TRUST takes 1 (refuse untrusted certificates, the default) or 0 (accept them), not "${value}".`);
}

function truthy(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
