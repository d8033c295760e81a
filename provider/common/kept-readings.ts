import { createHash } from "node:crypto";

/**
 * What this process found in PFX files it has opened or made, kept by a hash of the bytes and
 * the password, so that no password is held as a key. Opening a PFX is the costly part of a
 * check (for a 2048-bit 3DES one of the provider's, Node's OpenSSL about 2 ms and node-forge 8 to
 * 13 ms; for what OpenSSL 3 exports, 12 to 20 ms and 32 to 52 ms; bench/pfx-read-write.ts), and
 * the engine presents the same bytes several times in one process: a resource's check and then
 * its create, a certificate's outputs and then the organization that takes them. Bounded: the
 * oldest reading goes first.
 */
export class KeptReadings<T> {
  private readonly kept = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  get(pfxBase64: string, password: string): T | undefined {
    return this.kept.get(keyOf(pfxBase64, password));
  }

  set(pfxBase64: string, password: string, reading: T): void {
    const key = keyOf(pfxBase64, password);
    this.kept.delete(key);
    if (this.kept.size >= this.capacity) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(key, reading);
  }

  /** The kept reading, or `read()`'s, kept for next time. */
  getOrRead(pfxBase64: string, password: string, read: () => T): T {
    const kept = this.get(pfxBase64, password);
    if (kept !== undefined) return kept;
    const reading = read();
    this.set(pfxBase64, password, reading);
    return reading;
  }
}

function keyOf(pfxBase64: string, password: string): string {
  return createHash("sha256").update(pfxBase64).update("\0").update(password).digest("base64");
}
