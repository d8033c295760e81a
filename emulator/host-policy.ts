import { isIPv6 } from "node:net";
import { hostname, networkInterfaces } from "node:os";
import { isLoopbackHost } from "../provider/common/loopback";

/**
 * Which names the emulator answers to. A web page can rebind its own name to 127.0.0.1 and then
 * read the emulator as if it were its own origin (DNS rebinding); the Host header it sends still
 * carries the page's name, so a server that answers only its own names is out of reach.
 *
 * Only the name counts, not the port: a rebinding page is already on the port it reaches, so
 * the port tells nothing about it, while whatever forwards to the emulator (`docker run -p
 * 18443:8443`, `kubectl port-forward`, `ssh -L`) sends the port the client dialled, not the one
 * the emulator listens on.
 */

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/** Every interface at once: 0.0.0.0, ::, or nothing given. */
export function isWildcardHost(host: string): boolean {
  const bare = unbracketed(host.trim());
  return bare === "" || bare === "0.0.0.0" || (isIPv6(bare) && nameOf(`[${bare}]`, "http") === "[::]");
}

/** The Host names a request may carry, whatever its port. */
export class HostPolicy {
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

  /** The origin a browser shows for the emulator when reached by `host` (a Host header this policy allows). */
  originOf(host: string): string {
    return new URL(`${this.scheme}://${host}`).origin;
  }

  /** Whether `header`, a request's Host, names this server (on any port). */
  allows(header: string | undefined): boolean {
    const name = header === undefined ? undefined : nameOf(header, this.scheme);
    if (name === undefined) return false;
    return this.names.has(name) || (isWildcardHost(this.bound) && machineNames().has(name));
  }

  /** The names a refusal lists. */
  describe(): string {
    const names = [...this.names];
    if (isWildcardHost(this.bound)) names.push("this machine's addresses and host name");
    return names.join(", ");
  }
}

/** The name in a Host header, as URL parsing normalises it; undefined when the header is not a bare host[:port]. */
function nameOf(header: string, scheme: string): string | undefined {
  if (header === "" || /[\s/?#@\\]/.test(header)) return undefined;
  try {
    return new URL(`${scheme}://${header}`).hostname;
  } catch {
    return undefined;
  }
}

function normalizedName(name: string): string | undefined {
  const bare = unbracketed(name.trim());
  if (bare === "") return undefined;
  return nameOf(isIPv6(bare) ? `[${bare}]` : bare, "http");
}

function unbracketed(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/** Addresses and name of this machine, read when asked: interfaces come and go. */
function machineNames(): Set<string> {
  const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address));
  return new Set([...addresses, hostname()].flatMap((name) => normalizedName(name) ?? []));
}
