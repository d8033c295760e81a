import * as pulumi from "@pulumi/pulumi";
import { TenantCertificate } from "../../../../provider/tenant-certificate/resource";

const config = new pulumi.Config();

// A given password and a rotation window: 30 days before notAfter. The password comes as a
// plain string (not pulumi.secret) on purpose: TenantCertificate must make it secret itself.
const rotating = new TenantCertificate("rotating", {
  subject: { commonName: "engine.contoso.local", organization: "Contoso Ltd", country: "US" },
  validityDays: config.getNumber("validityDays") ?? 365,
  rotateBeforeDays: 30,
  friendlyName: "Engine test",
  password: process.env.ENGINE_PFX_PASSWORD,
});

// Everything else by default: the password is generated.
const generated = new TenantCertificate("generated", { subject: { commonName: "generated.contoso.local" } });

export const rotatingThumbprint = rotating.thumbprint;
export const rotatingNotAfter = rotating.notAfter;
export const rotatingPfx = rotating.pfxBase64;
export const rotatingPassword = rotating.password;
export const generatedThumbprint = generated.thumbprint;
export const generatedPassword = generated.password;
export const generatedPfx = generated.pfxBase64;
export const generatedCertificatePem = generated.certificatePem;
export const rotatingNextThumbprint = rotating.nextThumbprint;
export const rotatingNextPfx = rotating.nextPfxBase64;
export const rotatingNextNotAfter = rotating.nextNotAfter;
export const rotatingNextCertificatePem = rotating.nextCertificatePem;
