import { certificateFacts } from "../../../../provider/tenant-certificate/facts";
import { generateTenantCertificate } from "../../../../provider/tenant-certificate/generate";
import { makePfx } from "../../../helpers/tenant-fixtures";
import { results } from "../results";
import type { Fixtures } from "./case";

const DAY_MS = 86_400_000;

/** A valid tenant PFX and one whose certificate expired last week; both join the secrets looked for. */
export async function badInputFixtures(): Promise<Fixtures> {
  const password = "Expired-Pfx-Passw0rd";
  const [pfx, expired] = await Promise.all([
    makePfx("badinput.onmicrosoft.com VB365", "BadInput-Pfx-Passw0rd!"),
    generateTenantCertificate({ subject: { commonName: "expired VB365" }, keySize: 2048, validityDays: 1, password, pfxEncryption: "3des", at: new Date(Date.now() - 7 * DAY_MS) }),
  ]);
  const fixtures: Fixtures = {
    pfx,
    expired: { pfxBase64: expired.pfx.toString("base64"), password, thumbprint: certificateFacts(expired.certificate).thumbprint },
  };
  results.secrets.addPfx("the bad-input fixture", fixtures.pfx.pfxBase64, fixtures.pfx.password);
  results.secrets.addPfx("the expired bad-input fixture", fixtures.expired.pfxBase64, fixtures.expired.password);
  return fixtures;
}
