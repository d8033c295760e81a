import type { HostileCase } from "./case";

/** Hostile inputs of the transport area. */
export function transportCases(): HostileCase[] {
  return [];
}
