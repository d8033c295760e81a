import type { HostileCase } from "./case";

/** Hostile inputs of the pfx area. */
export function pfxCases(): HostileCase[] {
  return [];
}
