import type { HostileCase } from "./case";

/** Hostile inputs of the redaction area. */
export function redactionCases(): HostileCase[] {
  return [];
}
