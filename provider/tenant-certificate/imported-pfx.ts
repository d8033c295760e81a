import { createHash } from "node:crypto";
import { type PfxReading, readPfx } from "./pfx";

/**
 * How many readings are kept. The engine checks a resource and creates it moments later in the
 * same provider process, with only the checks of the resources declared in between: a few dozen
 * at most, so the reading check made is still there when create needs it.
 */
const KEPT_READINGS = 64;

const readings = new Map<string, PfxReading>();

/**
 * An imported PFX (`importPfxBase64` with its `password`), read with node-forge: the reading
 * `check` makes is kept for `create`, which would otherwise decrypt the same PFX again (about
 * 17 ms each for a 2048-bit 3DES one, bench/pfx-open.ts). Readings are keyed by a hash of the
 * bytes and the password, so no password is held as a key; the oldest goes first.
 */
export function readImportedPfx(pfxBase64: string, password: string): PfxReading {
  const key = createHash("sha256").update(pfxBase64).update("\0").update(password).digest("base64");
  const kept = readings.get(key);
  if (kept) return kept;
  const reading = readPfx(Buffer.from(pfxBase64, "base64"), password);
  if (readings.size >= KEPT_READINGS) readings.delete(readings.keys().next().value as string);
  readings.set(key, reading);
  return reading;
}
