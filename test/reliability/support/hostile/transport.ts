import * as net from "node:net";
import { main } from "../../../../cli/main";
import { type ConnectionSettings, resolveConnection, Vb365Error } from "../../../../provider/client";
import { ConnectionPool } from "../../../../provider/common/connection-pool";
import { deviceCodeLogin } from "../../../../provider/device-code";
import { RestoreOperatorRoleProvider } from "../../../../provider/restore-operator-role/provider";
import type { RoleInputs } from "../../../../provider/restore-operator-role/types";
import { stackConfig } from "../../../helpers/organization-provider";
import { capturedIo } from "../../../helpers/captured-io";
import type { HostileCase, HostileOutcome } from "./case";
import { leakedSecrets } from "./redaction";

const AREA = "transport";
const PASSWORD = "Adm1n-password-of-the-transport-case";
const SECRETS = { "VB365 password": PASSWORD };
/** Other machines, as strings only: documentation addresses (RFC 5737, 3849) and a name that never resolves (RFC 6761). */
const OTHER_MACHINES = ["http://vb365.example.invalid:4443", "http://192.0.2.1:4443", "http://[2001:db8::1]:4443", "http://127.0.0.1.example.invalid", "http://[::ffff:192.0.2.1]"];

/**
 * Runs `work` with every outgoing TCP connection to another machine refused and recorded: the
 * proof that a refusal came before any request, and the guard that nothing reaches the address
 * even if the product regressed. Connections to this machine (the suite's own servers) go on.
 */
async function withoutConnections(work: () => Promise<string>): Promise<{ message: string; attempts: string[] }> {
  const attempts: string[] = [];
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guarded(this: net.Socket, ...args: unknown[]) {
    const host = targetHost(args);
    if (host === undefined || /^(localhost|127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/i.test(host)) {
      return (original as (...rest: unknown[]) => net.Socket).apply(this, args);
    }
    attempts.push(host);
    throw new Error(`outgoing connection to ${host} blocked by the hostile-input case`);
  } as typeof original;
  try {
    return { message: await work(), attempts };
  } finally {
    net.Socket.prototype.connect = original;
  }
}

/** The host Socket#connect was asked for, from its (possibly normalized) arguments; undefined for a local pipe or the default host. */
function targetHost(args: unknown[]): string | undefined {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === "number") return typeof args[1] === "string" ? args[1] : undefined;
  if (first && typeof first === "object" && !("path" in first && (first as { path?: unknown }).path)) {
    const host = (first as { host?: unknown }).host;
    return typeof host === "string" ? host.replace(/^\[(.*)\]$/, "$1") : undefined;
  }
  return undefined;
}

/** Refused: every attempt failed as "insecure_http" (or said so) and nothing connected anywhere. */
async function refusedWithoutTraffic(attempt: () => Promise<string>, saysRefused: (message: string) => boolean): Promise<HostileOutcome> {
  const { message, attempts } = await withoutConnections(attempt);
  const shown = attempts.length ? `${message}\nconnection attempts: ${attempts.join(", ")}` : message;
  return { refused: saysRefused(message) && attempts.length === 0, message: shown, leaked: leakedSecrets(shown, SECRETS), halfCreated: [] };
}

/** The error `work` threw, as "<code>: <message>"; "no error" when it went through. */
async function thrown(work: () => unknown): Promise<string> {
  try {
    await work();
    return "no error";
  } catch (error) {
    return `${Vb365Error.isInstance(error) ? error.code : "unexpected"}: ${(error as Error).message}`;
  }
}

const isInsecureHttp = (messages: string) => messages.split("\n").every((line) => line.startsWith("insecure_http: ") && line.includes("is http://"));

function config(url: string): Record<string, string> {
  return { "vb365:url": url, "vb365:username": "admin", "vb365:password": PASSWORD };
}

/** Hostile inputs of the transport area: plain http:// to another machine, which would carry the password in clear. */
export function transportCases(): HostileCase[] {
  return [
    {
      id: "vb365:url on plain http:// to other machines (a name, TEST-NET, IPv6, look-alikes of loopback): refused, nothing sent",
      area: AREA,
      run: () =>
        refusedWithoutTraffic(async () => {
          const messages = await Promise.all(OTHER_MACHINES.map((url) => thrown(() => resolveConnection({ config: (key) => config(url)[key], env: {} }))));
          return messages.join("\n");
        }, isInsecureHttp),
    },
    {
      id: "a named connection of vb365:connections on plain http://: refused naming its entry, nothing sent",
      area: AREA,
      run: () =>
        refusedWithoutTraffic(async () => {
          const connections = JSON.stringify({ emea: { url: "http://192.0.2.1:4443", username: "admin", password: PASSWORD } });
          return thrown(() => resolveConnection({ config: (key) => (key === "vb365:connections" ? connections : undefined), env: {} }, "emea"));
        }, (message) => isInsecureHttp(message) && message.includes("vb365:connections.emea.allowInsecureHttp")),
    },
    {
      id: "a preview of a resource whose connection is plain http:// to another machine: a check failure, nothing sent",
      area: AREA,
      run: () =>
        refusedWithoutTraffic(async () => {
          const provider = new RestoreOperatorRoleProvider(new ConnectionPool());
          await provider.configure({ config: stackConfig(config("http://192.0.2.1:4443")) });
          const checked = await provider.check({} as RoleInputs, {} as RoleInputs);
          return (checked.failures ?? []).map((failure) => `${failure.property}: ${failure.reason}`).join("\n") || "check passed";
        }, (message) => message.startsWith("connection: vb365:url (or VB365_URL) is http://192.0.2.1:4443: plain http://")),
    },
    {
      id: "settings made by hand on plain http:// handed to the device-code library: refused before any request",
      area: AREA,
      run: () =>
        refusedWithoutTraffic(async () => {
          const byHand: ConnectionSettings = { url: "http://192.0.2.1:4443", username: "admin", password: PASSWORD, apiVersion: "v8", insecureSkipVerify: false, timeoutMs: 1000, createTimeoutMs: 1000 };
          return thrown(() => deviceCodeLogin({ connection: byHand, onVerification: () => undefined }));
        }, isInsecureHttp),
    },
    {
      id: "vb365 device-code --url on plain http:// to another machine: exit 2 naming --allow-insecure-http, nothing sent",
      area: AREA,
      run: () =>
        refusedWithoutTraffic(async () => {
          const io = capturedIo({ VB365_PASSWORD: PASSWORD });
          const code = await main(["device-code", "--url", "http://192.0.2.1:4443", "--username", "admin", "--json"], io);
          return `exit ${code}: ${io.out()}${io.err()}`;
        }, (message) => message.startsWith("exit 2: ") && message.includes("plain http:// would send") && message.includes("--allow-insecure-http")),
    },
  ];
}
