import type { HostileCase } from "./case";

/** Hostile inputs of the identity area. */
export function identityCases(): HostileCase[] {
  return [];
}
