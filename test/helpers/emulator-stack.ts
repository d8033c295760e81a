import type { ConfigMap } from "@pulumi/pulumi/automation";
import type { Emulator } from "../../emulator";
import type { StoredOrganization } from "../../emulator/model";
import { type ApiVersion, Vb365Client } from "../../provider/client";
import { emulatorConnection, emulatorConfig as emulatorSettings } from "./organization-provider";

/** The vb365: stack config of a program pointed at `emulator`, the password as a secret. */
export function emulatorConfig(emulator: Emulator, apiVersion: ApiVersion = "v8"): ConfigMap {
  return Object.fromEntries(
    Object.entries(emulatorSettings(emulator, apiVersion)).map(([key, value]) => [key, { value, secret: key === "vb365:password" }]),
  );
}

/** A REST client of the emulator, for out-of-band changes and device codes. */
export function emulatorClient(emulator: Emulator, apiVersion: ApiVersion = "v8"): Vb365Client {
  return new Vb365Client(emulatorConnection(emulator, apiVersion));
}

/**
 * What `vb365 device-code` leaves behind: a code the customer's admin has signed in with, to
 * `organization`. The requests it costs are the test's, so callers reset counters afterwards.
 */
export async function signedInDeviceCode(emulator: Emulator, client: Vb365Client, organization: string, region = "Worldwide"): Promise<string> {
  const code = await client.createDeviceCode(region);
  emulator.approveDeviceCode(code.userCode, organization);
  return code.userCode;
}

/** The organizations the emulator holds, by Microsoft 365 name. */
export function organizationsByName(emulator: Emulator): Map<string, StoredOrganization> {
  return new Map(emulator.state().organizations.map((organization) => [organization.name, organization]));
}
