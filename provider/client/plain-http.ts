import { isLoopbackHost, LOOPBACK_HOSTS } from "../common/loopback";
import { Vb365ConfigError } from "./errors";

/** Whether requests to `url` cross a network unencrypted: http:// to a host other than this machine. */
export function crossesNetworkInClear(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === "http:" && !isLoopbackHost(parsed.hostname);
}

/** Names of the URL and of the switch that allows plain HTTP, as the user set them. */
export interface PlainHttpSettingNames {
  url: string;
  allowInsecureHttp: string;
}

const DEFAULT_NAMES: PlainHttpSettingNames = { url: "vb365:url", allowInsecureHttp: "vb365:allowInsecureHttp" };

/**
 * Refuses http:// beyond this machine unless allowed: the password goes to the token route in
 * the request's body, and every request after carries a bearer token. Thrown before any request.
 */
export function refusePlainHttp(settings: { url: string; allowInsecureHttp?: boolean }, names: PlainHttpSettingNames = DEFAULT_NAMES): void {
  if (settings.allowInsecureHttp || !crossesNetworkInClear(settings.url)) return;
  const secure = `https://${settings.url.slice("http://".length)}`;
  throw new Vb365ConfigError(
    `${names.url} is ${settings.url}: plain http:// would send the VB365 password and tokens across the network unencrypted, so it is only accepted ` +
      `for this machine (${LOOPBACK_HOSTS}). Use https:// (${secure}), or, to send them unencrypted anyway, set ${names.allowInsecureHttp} to true.`,
    "insecure_http",
  );
}

/** What the warning says of a connection `refusePlainHttp` let through to another machine. */
export function plainHttpWarning(url: string): string {
  return `plain HTTP to ${url} is allowed (allowInsecureHttp): the VB365 password and tokens cross the network unencrypted. Use https:// instead.`;
}

/** The servers warned about in this process: once each is enough, whichever client or command met them first. */
const warned = new Set<string>();

/**
 * Warns, once per process and server, that requests to `settings.url` cross the network
 * unencrypted: by default on stderr, where the engine shows a provider's warnings.
 */
export function warnPlainHttpOnce(settings: { url: string }, warn: (sentence: string) => void = (sentence) => console.warn(`vb365: ${sentence}`)): void {
  if (warned.has(settings.url) || !crossesNetworkInClear(settings.url)) return;
  warned.add(settings.url);
  warn(plainHttpWarning(settings.url));
}
