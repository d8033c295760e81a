import { BlockList, isIP } from "node:net";

/** This machine's addresses: 127.0.0.0/8 and ::1. BlockList matches their IPv4-mapped form (::ffff:127.0.0.1) too. */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/** The loopback names and ranges, as messages list them. */
export const LOOPBACK_HOSTS = "localhost, 127.0.0.0/8, ::1";

/**
 * Whether `host` reaches this machine only: `localhost` (also fully qualified, `localhost.`), an
 * address in 127.0.0.0/8, ::1 in any spelling, or an IPv4-mapped 127.x.y.z; bracketed or not
 * ("[::1]", as URL gives it), in any case. A port is not part of a host: "localhost:80" is not one.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (bare === "localhost" || bare === "localhost.") return true;
  const family = isIP(bare);
  return family !== 0 && LOOPBACK.check(bare, family === 6 ? "ipv6" : "ipv4");
}
