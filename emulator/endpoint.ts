import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { isLoopbackHost } from "../provider/common/loopback";
import { HostPolicy } from "./host-policy";
import { listen } from "./server";
import { generateSelfSigned, type TlsMaterial } from "./tls";

/**
 * Where the emulator listens and what it answers to: a host beyond loopback is refused unless
 * asked for (anyone who reaches it could use the control API, which has no password) and
 * announced when it is; the certificate for the host; the Host names requests may carry.
 */

/** The options of startEmulator that decide where it listens. */
export interface EndpointOptions {
  port?: number;
  host?: string;
  allowRemote?: boolean;
  allowedHosts?: readonly string[];
  http?: boolean;
  tls?: TlsMaterial;
  reuseCertificate?: boolean;
  logger?: (line: string) => void;
}

/** What is settled before the server starts: the interface, the certificate (none over HTTP), the Host policy. */
export interface Endpoint {
  host: string;
  tls: TlsMaterial | undefined;
  hosts: HostPolicy;
}

/** Why a host beyond loopback is refused without the explicit switch; `how` names the switch. */
export function remoteBindingRefusal(host: string, how: string): string {
  return `${JSON.stringify(host)} is beyond loopback: anyone who can reach it could use the control API (/__emulator), which has no password. Listen on 127.0.0.1 (the default), or add ${how} to mean it.`;
}

/** Printed whenever the emulator does listen beyond loopback. */
export function remoteBindingWarning(url: string): string {
  return `listening beyond loopback at ${url}: anyone who can reach it can read and change everything through the control API (/__emulator), which has no password. Use it only on a network you trust.`;
}

/** Refuses a host beyond loopback without `allowRemote`, then gets the certificate and the Host policy. */
export async function prepareEndpoint(options: EndpointOptions): Promise<Endpoint> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopbackHost(host) && !options.allowRemote) throw new Error(`startEmulator: host ${remoteBindingRefusal(host, "allowRemote: true")}`);
  const tls = options.http ? undefined : (options.tls ?? (await certificateFor(host, options.reuseCertificate ?? true)));
  return { host, tls, hosts: new HostPolicy(host, tls ? "https" : "http", options.allowedHosts) };
}

/** Listens on the endpoint and warns (through `logger`, else as a process warning) when that is beyond loopback. */
export async function openEndpoint(
  endpoint: Endpoint,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  options: Pick<EndpointOptions, "port" | "logger">,
): Promise<{ server: Server; port: number; url: string }> {
  const { host, tls } = endpoint;
  const { server, port } = await listen(handler, { host, port: options.port ?? 0, tls });
  const url = `${tls ? "https" : "http"}://${host.includes(":") ? `[${host}]` : host}:${port}`;
  if (!isLoopbackHost(host)) {
    const warning = remoteBindingWarning(url);
    if (options.logger) options.logger(`vb365-emulator: warning: ${warning}`);
    else process.emitWarning(warning, { code: "VB365_EMULATOR_REMOTE" });
  }
  return { server, port, url };
}

const certificates = new Map<string, Promise<TlsMaterial>>();

/** A self-signed certificate for `host`; with `reuse`, the one generated for it earlier in this process. */
function certificateFor(host: string, reuse: boolean): Promise<TlsMaterial> {
  if (!reuse) return generateSelfSigned([host]);
  let material = certificates.get(host);
  if (!material) {
    material = generateSelfSigned([host]);
    certificates.set(host, material);
    material.catch(() => certificates.delete(host));
  }
  return material;
}
