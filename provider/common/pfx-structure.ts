import type * as Forge from "node-forge";
import { messageOf } from "./errors";
import { forge } from "./lazy-forge";
import { type Asn1, algorithmOf, explicit, implicitOctets, integer, isSequence, malformed, octets, oid, parse, type Refusal, Refused, sequence, unsupported } from "./pfx-asn1";
import { type Derivation, derivationOf, type DerivationScheme, macDerivation } from "./pfx-derivations";

/** Asked before each derivation, in the order a reader makes them; a refusal stops the walk there. */
export type Admit = (derivation: Derivation) => Refusal | undefined;

const OID = {
  data: "1.2.840.113549.1.7.1",
  encryptedData: "1.2.840.113549.1.7.6",
  shroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  safeContentsBag: "1.2.840.113549.1.12.10.1.6",
  pbmac1: "1.2.840.113549.1.5.14",
};

/**
 * Walks a PFX (RFC 7292) as its readers will, without deriving anything it has not admitted:
 * its MAC, each SafeContents of its AuthenticatedSafe, each shrouded key. An encrypted
 * SafeContents is decrypted here, once for each candidate password (node-forge's own PBE, after
 * `admit` has taken its count and those tries, `walkTries`), so that the keys inside are admitted
 * before a reader derives them; a reader then decrypts it again. One that no candidate password
 * decrypts cannot be decrypted by node-forge or OpenSSL either, which both check the MAC first and
 * stop there. What this walk cannot read (another shape, another algorithm, SafeContents nested in
 * a bag) is refused rather than left to a reader that might derive without a bound.
 */
export function walkPfx(pfx: Asn1, passwords: readonly (string | null)[], admit: Admit): Refusal | undefined {
  try {
    new PfxWalk(passwords, admit).pfx(pfx);
    return undefined;
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    return { kind: "malformed", detail: `its structure could not be read (${messageOf(error)})` };
  }
}

class PfxWalk {
  constructor(
    private readonly passwords: readonly (string | null)[],
    private readonly admit: Admit,
  ) {}

  pfx(pfx: Asn1): void {
    const [version, authSafe, macData, ...rest] = sequence(pfx, "the PFX", 2);
    integer(version!, "the PFX's version");
    if (rest.length > 0) throw malformed("the PFX has more than a version, its contents and its MAC");
    if (macData !== undefined) this.mac(macData);
    const [contentType, content] = sequence(authSafe!, "the PFX's contents", 2);
    if (oid(contentType!, "the PFX's content type") !== OID.data) {
      throw unsupported("contents protected by a public key rather than a password");
    }
    const authenticatedSafe = parse(octets(explicit(content!, "the PFX's contents"), "the PFX's contents"), "its AuthenticatedSafe");
    for (const contentInfo of sequence(authenticatedSafe, "its AuthenticatedSafe", 0)) this.contentInfo(contentInfo);
  }

  private mac(macData: Asn1): void {
    const [digestInfo, , iterations] = sequence(macData, "the PFX's MAC", 2);
    const [algorithm] = sequence(digestInfo!, "the PFX's MAC", 2);
    const [macAlgorithm] = sequence(algorithm!, "the PFX's MAC algorithm", 1);
    const digestOid = oid(macAlgorithm!, "the PFX's MAC algorithm");
    if (digestOid === OID.pbmac1) throw unsupported("a PBMAC1 MAC (RFC 9579)");
    // RFC 7292: iterations INTEGER DEFAULT 1.
    this.derive(macDerivation(digestOid, iterations === undefined ? 1n : integer(iterations, "the MAC's iteration count")));
  }

  private contentInfo(contentInfo: Asn1): void {
    const [contentType, content] = sequence(contentInfo, "a ContentInfo of its AuthenticatedSafe", 2);
    const type = oid(contentType!, "a ContentInfo's content type");
    if (type === OID.data) this.safeContents(parse(octets(explicit(content!, "a ContentInfo"), "a ContentInfo"), "a SafeContents"));
    else if (type === OID.encryptedData) this.encryptedData(explicit(content!, "a ContentInfo"));
    else throw unsupported(`contents of type ${type}, neither data nor password-encrypted data`);
  }

  private encryptedData(encryptedData: Asn1): void {
    const [, encryptedContentInfo] = sequence(encryptedData, "an EncryptedData", 2);
    const [, algorithm, encryptedContent] = sequence(encryptedContentInfo!, "an EncryptedData's content", 2);
    const { algorithmOid, parameters } = algorithmOf(algorithm!, "an EncryptedData's algorithm");
    const derivation = derivationOf(algorithmOid, parameters, "contents");
    const candidates = encryptedContent === undefined ? [] : candidatesFor(derivation.scheme, this.passwords);
    this.derive({ ...derivation, walkTries: candidates.length });
    if (encryptedContent === undefined) return;
    const encrypted = implicitOctets(encryptedContent, "an EncryptedData's content");
    // Boundary: forge.pki.pbe is not in @types/node-forge; getCipher is its public PBE entry point.
    const { pbe } = forge().pki as unknown as { pbe: { getCipher(oid: string, params: Asn1 | undefined, password: string | null): PbeCipher } };
    for (const password of candidates) {
      let cipher: PbeCipher;
      try {
        cipher = pbe.getCipher(algorithmOid, parameters, password);
      } catch (error) {
        throw unsupported(`encrypted contents (${algorithmOid}): ${messageOf(error)}`);
      }
      cipher.update(forge().util.createBuffer(encrypted));
      if (!cipher.finish()) continue;
      let inner: Asn1;
      try {
        inner = forge().asn1.fromDer(cipher.output.getBytes(), false);
      } catch {
        continue;
      }
      // What another password decrypted to, by chance; a reader would refuse it too, before any bag.
      if (!isSequence(inner)) continue;
      this.safeContents(inner);
    }
  }

  private safeContents(safeContents: Asn1): void {
    for (const bag of sequence(safeContents, "a SafeContents", 0)) {
      const [bagId, bagValue] = sequence(bag, "a SafeBag", 2);
      const type = oid(bagId!, "a SafeBag's type");
      if (type === OID.safeContentsBag) throw unsupported("SafeContents nested in a bag");
      if (type !== OID.shroudedKeyBag) continue;
      const [algorithm] = sequence(explicit(bagValue!, "a shrouded key bag"), "a shrouded key", 2);
      const { algorithmOid, parameters } = algorithmOf(algorithm!, "a shrouded key's algorithm");
      this.derive(derivationOf(algorithmOid, parameters, "key"));
    }
  }

  private derive(derivation: Derivation): void {
    const refusal = this.admit(derivation);
    if (refusal) throw new Refused(refusal);
  }
}

interface PbeCipher {
  update(input: Forge.util.ByteStringBuffer): void;
  finish(): boolean;
  output: Forge.util.ByteStringBuffer;
}

/**
 * The passwords a reader may derive with: node-forge takes the password's characters as bytes
 * for PBKDF2 where OpenSSL takes their UTF-8, and OpenSSL tries no password at all when given an
 * empty one (PKCS12_parse), which the PKCS#12 derivation tells apart from an empty one.
 */
function candidatesFor(scheme: DerivationScheme, passwords: readonly (string | null)[]): (string | null)[] {
  const candidates = new Set<string | null>();
  for (const password of passwords) {
    candidates.add(password);
    if (password === null) continue;
    if (scheme === "PBKDF2" && /[^\x00-\x7f]/.test(password)) candidates.add(forge().util.encodeUtf8(password));
    if (scheme === "PKCS#12 PBE" && password === "") candidates.add(null);
  }
  if (scheme === "PBKDF2") candidates.delete(null);
  return [...candidates];
}
