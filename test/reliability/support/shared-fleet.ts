import { Fleet } from "./fleet";

let started: Promise<Fleet> | undefined;

/**
 * The one fleet of the suite, brought up once (certificates and organizations of 20 tenants) and
 * shared by every spec that needs it; the root hook disposes it at the end.
 */
export function sharedFleet(): Promise<Fleet> {
  started ??= (async () => {
    const fleet = await Fleet.start();
    await fleet.signIn();
    const up = await fleet.up("initial up of the fleet");
    if (!up.ok) throw new Error(`the fleet's first pulumi up failed:\n${up.error ?? up.output}`);
    await fleet.registerCertificateSecrets();
    return fleet;
  })();
  return started;
}

export async function disposeSharedFleet(): Promise<void> {
  if (!started) return;
  const fleet = await started.catch(() => undefined);
  started = undefined;
  await fleet?.dispose();
}
