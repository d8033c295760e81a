import type { HostileCase } from "./case";

/** Hostile inputs of the emulator area. */
export function emulatorCases(): HostileCase[] {
  return [];
}
