import { CONNECTION_CONFIG } from "../client/config-keys";
import { didYouMean } from "../common/did-you-mean";
import { revealed } from "./secrets";

/** Keys the engine itself puts among a provider's inputs. */
const ENGINE_KEYS = new Set(["version", "pluginDownloadURL"]);
const KNOWN = Object.keys(CONNECTION_CONFIG);

/**
 * The plugin's configuration as the implementations read it: `get("vb365:url")`, the stack
 * config key a dynamic provider is given. The engine sends it as `args` (secrets marked, objects
 * as objects) and, for older engines, as `variables` keyed `vb365:config:url` with every value a
 * string; both are taken.
 */
export function pluginConfig(args: Record<string, unknown>, variables: Record<string, string>): { get(key: string): string | undefined } {
  const values = revealed(args) as Record<string, unknown>;
  return {
    get(key) {
      const name = key.replace(/^vb365:/, "");
      const value = values[name] ?? variables[`vb365:config:${name}`] ?? variables[`vb365:${name}`];
      if (value === undefined || value === null) return undefined;
      return typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
    },
  };
}

/** CheckConfig's failures: a key the provider does not know is a typo until shown otherwise. */
export function configFailures(news: Record<string, unknown>): Array<{ property: string; reason: string }> {
  return Object.keys(news)
    .filter((key) => !KNOWN.includes(key) && !ENGINE_KEYS.has(key))
    .map((key) => ({ property: key, reason: `vb365:${key} is not a setting of the vb365 provider; its settings are ${KNOWN.map((known) => `vb365:${known}`).join(", ")}.${didYouMean(key, KNOWN)}` }));
}
