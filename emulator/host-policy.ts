import { isIPv4, isIPv6 } from "node:net";
import { hostname, networkInterfaces } from "node:os";

/**
 * Which names the emulator answers to. A web page can rebind its own name to 127.0.0.1 and then
 * read the emulator as if it were its own origin (DNS rebinding); the Host header it sends still
 * carries the page's name, so a server that answers only its own names is out of reach.
 */

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/** Interfaces that only this machine reaches: localhost, 127.0.0.0/8, ::1 (also IPv4-mapped). */
export function isLoopbackHost(host: string): boolean {
  const bare = unbracketed(host.trim().toLowerCase());
  if (bare === "localhost") return true;
  const ipv4 = bare.startsWith("::ffff:") && isIPv4(bare.slice(7)) ? bare.slice(7) : bare;
  if (isIPv4(ipv4)) return ipv4.startsWith("127.");
  return isIPv6(bare) && hostOf(`[${bare}]`) === "[::1]";
}

/** Every interface at once: 0.0.0.0, ::, or nothing given. */
export function isWildcardHost(host: string): boolean {
  const bare = unbracketed(host.trim());
  return bare === "" || bare === "0.0.0.0" || (isIPv6(bare) && hostOf(`[${bare}]`) === "[::]");
}

/** Why a host beyond loopback is refused without the explicit switch; `how` names the switch. */
export function remoteBindingRefusal(host: string, how: string): string {
  return `${JSON.stringify(host)} is beyond loopback: anyone who can reach it could use the control API (/__emulator), which has no password. Listen on 127.0.0.1 (the default), or add ${how} to mean it.`;
}

/** Printed whenever the emulator does listen beyond loopback. */
export function remoteBindingWarning(url: string): string {
  return `listening beyond loopback at ${url}: anyone who can reach it can read and change everything through the control API (/__emulator), which has no password. Use it only on a network you trust.`;
}

/** The Host names a request may carry, with the port the server listens on. */
export class HostPolicy {
  private port = 0;
  private readonly names: Set<string>;

  /** `bound` is the interface listened on; `extra` names (DNS names of the machine, say) are allowed too. */
  constructor(
    private readonly bound: string,
    private readonly scheme: "http" | "https",
    extra: readonly string[] = [],
  ) {
    // The bound address itself too, 0.0.0.0 included: it is what the emulator's own url says.
    const listed = isWildcardHost(bound) || isLoopbackHost(bound) ? [...LOOPBACK_NAMES, bound] : [bound];
    this.names = new Set([...listed, ...extra].flatMap((name) => normalizedName(name) ?? []));
  }

  /** Called once the server listens: with port 0 the port is known only then. */
  listeningOn(port: number): void {
    this.port = port;
  }

  /** The origin a browser shows for the emulator when reached by `host` (a Host header this policy allows). */
  originOf(host: string): string {
    return new URL(`${this.scheme}://${host}`).origin;
  }

  /** Whether `header`, a request's Host, names this server on its port. */
  allows(header: string | undefined): boolean {
    const parsed = header === undefined ? undefined : parseHost(header, this.scheme);
    if (parsed === undefined) return false;
    const defaultPort = this.scheme === "https" ? 443 : 80;
    if (parsed.port !== (this.port === defaultPort ? "" : String(this.port))) return false;
    return this.names.has(parsed.name) || (isWildcardHost(this.bound) && machineNames().has(parsed.name));
  }

  /** The names a refusal lists, with the port. */
  describe(): string {
    const names = [...this.names].map((name) => `${name}:${this.port}`);
    if (isWildcardHost(this.bound)) names.push(`this machine's addresses and host name on port ${this.port}`);
    return names.join(", ");
  }
}

/** The name and port of a Host header, as URL parsing normalises them; undefined when it is not a bare host[:port]. */
function parseHost(header: string, scheme: string): { name: string; port: string } | undefined {
  if (header === "" || /[\s/?#@\\]/.test(header)) return undefined;
  try {
    const url = new URL(`${scheme}://${header}`);
    return { name: url.hostname, port: url.port };
  } catch {
    return undefined;
  }
}

function normalizedName(name: string): string | undefined {
  const bare = unbracketed(name.trim());
  if (bare === "") return undefined;
  return parseHost(isIPv6(bare) ? `[${bare}]` : bare, "http")?.name;
}

function hostOf(bracketed: string): string | undefined {
  return parseHost(bracketed, "http")?.name;
}

function unbracketed(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/** Addresses and name of this machine, read when asked: interfaces come and go. */
function machineNames(): Set<string> {
  const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address));
  return new Set([...addresses, hostname()].flatMap((name) => normalizedName(name) ?? []));
}
