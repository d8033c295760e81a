import type { HostileCase } from "./case";
import { cliCases } from "./cli";
import { emulatorCases } from "./emulator";
import { identityCases } from "./identity";
import { pfxCases } from "./pfx";
import { pluginCases } from "./plugin";
import { redactionCases } from "./redaction";
import { transportCases } from "./transport";

/** Every hostile input of the suite, by area: each area's file owns its cases. */
export function hostileCases(): HostileCase[] {
  return [...pfxCases(), ...emulatorCases(), ...redactionCases(), ...transportCases(), ...identityCases(), ...pluginCases(), ...cliCases()];
}
