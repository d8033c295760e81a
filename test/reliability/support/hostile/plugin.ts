import type { HostileCase } from "./case";

/** Hostile inputs of the plugin area. */
export function pluginCases(): HostileCase[] {
  return [];
}
