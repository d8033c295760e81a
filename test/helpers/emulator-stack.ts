import type { ConfigMap } from "@pulumi/pulumi/automation";
import { DEFAULT_USER, type Emulator } from "../../emulator";
import type { StoredOrganization } from "../../emulator/model";
import { type ApiVersion, resolveConnection, Vb365Client } from "../../provider/client";

/** The vb365: stack config of a program pointed at `emulator`, the password as a secret. */
export function emulatorConfig(emulator: Emulator, apiVersion: ApiVersion = "v8"): ConfigMap {
  return {
    "vb365:url": { value: emulator.url },
    "vb365:username": { value: DEFAULT_USER.name },
    "vb365:password": { value: DEFAULT_USER.password, secret: true },
    "vb365:apiVersion": { value: apiVersion },
    "vb365:caCertificate": { value: emulator.caPem! },
  };
}

/** A REST client of the emulator, for out-of-band changes and device codes. */
export function emulatorClient(emulator: Emulator, apiVersion: ApiVersion = "v8"): Vb365Client {
  const config: Record<string, string> = {
    "vb365:url": emulator.url,
    "vb365:username": DEFAULT_USER.name,
    "vb365:password": DEFAULT_USER.password,
    "vb365:apiVersion": apiVersion,
    "vb365:caCertificate": emulator.caPem!,
  };
  return new Vb365Client(resolveConnection({ config: (key) => config[key], env: {} }));
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
