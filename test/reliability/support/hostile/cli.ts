import type { HostileCase } from "./case";

/** Hostile inputs of the cli area. */
export function cliCases(): HostileCase[] {
  return [];
}
