import type * as Forge from "node-forge";

let loaded: typeof Forge | undefined;

/**
 * node-forge, required on first use: it costs tens of milliseconds to load, and most runs of the
 * emulator, which shares the PFX code with the provider, never open a PFX.
 */
export function forge(): typeof Forge {
  loaded ??= require("node-forge") as typeof Forge;
  return loaded;
}
