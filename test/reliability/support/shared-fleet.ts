import { Fleet, FLEET_VARIANTS, type FleetVariant } from "./fleet";

const started = new Map<string, Promise<Fleet>>();

/**
 * The fleet of `variant`, brought up once (its certificates and organizations) and
 * shared by every spec that needs it; the root hook disposes them all at the end.
 */
export function sharedFleet(variant: FleetVariant = FLEET_VARIANTS[0]): Promise<Fleet> {
  let fleet = started.get(variant.label);
  if (!fleet) {
    fleet = (async () => {
      const created = await Fleet.start(variant);
      await created.signIn();
      const up = await created.up(`initial up of the fleet (${variant.label})`);
      if (!up.ok) throw new Error(`the fleet's first pulumi up failed:\n${up.error ?? up.output}`);
      created.expectedCertificates = created.certificates();
      await created.registerCertificateSecrets();
      return created;
    })();
    started.set(variant.label, fleet);
  }
  return fleet;
}

export async function disposeSharedFleets(): Promise<void> {
  const fleets = [...started.values()];
  started.clear();
  for (const fleet of fleets) await (await fleet.catch(() => undefined))?.dispose();
}
