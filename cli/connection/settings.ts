import * as fs from "node:fs";
import { type ConnectionSettings, resolveConnection, type SettingsSource } from "../../provider/client";
import { UsageError } from "../usage-error";
import type { ConnectionFlags } from "./flags";

/**
 * The VB365 connection of the command. Precedence: flags, then the stack's `vb365:` config (with
 * --stack), then VB365_* variables. Config before environment is the order the provider uses,
 * so a command talks to the server `pulumi up` will (a device code, for one, is only known to
 * the server that issued it). The password is never a flag:
 * stack config, VB365_PASSWORD, or `askPassword` (a prompt on a terminal) when both are empty.
 */
export async function commandConnection(
  flags: Omit<ConnectionFlags, "stack" | "cwd">,
  env: NodeJS.ProcessEnv,
  stackConfig: Readonly<Record<string, string>> | undefined,
  askPassword?: (username: string, url: string) => Promise<string>,
): Promise<ConnectionSettings> {
  const overlay: Record<string, string> = {};
  const source: SettingsSource = { config: (key) => overlay[key] ?? stackConfig?.[key], env };
  if (flags.connection) return resolveConnection(source, flags.connection);

  if (flags.url) overlay["vb365:url"] = flags.url;
  if (flags.username) overlay["vb365:username"] = flags.username;
  if (flags.apiVersion) overlay["vb365:apiVersion"] = flags.apiVersion;
  if (flags.caFile) overlay["vb365:caCertificate"] = readCaFile(flags.caFile);
  if (flags.insecure) overlay["vb365:insecureSkipVerify"] = "true";
  if (flags.allowInsecureHttp) overlay["vb365:allowInsecureHttp"] = "true";

  const url = source.config("vb365:url") ?? env.VB365_URL;
  const username = source.config("vb365:username") ?? env.VB365_USERNAME;
  const orStack = (key: string, secret = false) =>
    stackConfig ? `, or ${secret ? "the secret " : ""}vb365:${key} in the stack's config` : `, or ${secret ? "the secret " : ""}vb365:${key} in a stack's config (with --stack)`;
  if (!url) throw new UsageError(`No VB365 server given: pass --url https://<server>:4443, set VB365_URL${orStack("url")}.`);
  if (!username) throw new UsageError(`No VB365 user given: pass --username, set VB365_USERNAME${orStack("username")}.`);
  if (!(source.config("vb365:password") ?? env.VB365_PASSWORD)) {
    if (!askPassword) {
      throw new UsageError(
        `No password for the VB365 user ${username}: set VB365_PASSWORD${orStack("password", true)}. ` +
          "There is no password flag, so that it stays out of shell history; on a terminal, the command asks for it.",
      );
    }
    overlay["vb365:password"] = await askPassword(username, url);
  }
  return resolveConnection(source);
}

function readCaFile(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--ca-file ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  if (!text.includes("-----BEGIN CERTIFICATE-----")) {
    throw new UsageError(`--ca-file ${file} holds no PEM certificate (-----BEGIN CERTIFICATE----- ...): pass the CA certificate, or the server's own if it is self-signed.`);
  }
  return text;
}
