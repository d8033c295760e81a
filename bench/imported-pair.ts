import { type FloorRun, measureFloor, measureTenants, type TenantsRun } from "./engine";
import type { ConsumerBench } from "./lib/consumer-project";

export interface ImportedPair {
  floor: FloorRun;
  ours: TenantsRun;
}

/**
 * The headline's unit of work: the floor and ours at `tenants`, one right after the other, both
 * reading the PFXs of `pfxFile` (made before, so no key is generated while timed). Which goes
 * first alternates with `floorFirst`, so that a load that rises or falls through a pair does not
 * always favour the same side.
 */
export async function measureImportedPair(project: ConsumerBench, tenants: number, pfxFile: string, floorFirst: boolean): Promise<ImportedPair> {
  const inputs = { tenants, pfxFile };
  const floor = () => measureFloor(project.programDir("noop"), inputs);
  const ours = () => measureTenants(project.programDir("tenants"), inputs);
  if (floorFirst) {
    const floorRun = await floor();
    return { floor: floorRun, ours: await ours() };
  }
  const oursRun = await ours();
  return { floor: await floor(), ours: oursRun };
}
