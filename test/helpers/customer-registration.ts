import type { Emulator } from "../../emulator";
import type { TestStack } from "./engine";

/** A certificate the customer registers on their own application, and the tenant it is for. */
export interface CustomerRegistration {
  /** The name of the TenantCertificate resource. */
  certificate: string;
  organizationName: string;
  applicationId: string;
}

/**
 * The customer's part where they register the certificate on their own application, as the
 * READMEs tell it: the certificates made alone by a targeted up (with `targets` besides, such as
 * their Vb365Tenant components), then each one's PEM uploaded to the application in the
 * emulator's Entra (the test plays the customer). Then a full up adds the organizations.
 */
export async function registeredByCustomer(world: { stack: TestStack; emulator: Emulator }, registrations: readonly CustomerRegistration[], targets: readonly string[] = []): Promise<void> {
  await world.stack.stack.up({ color: "never", target: [...targets, ...registrations.map((registration) => `**:TenantCertificate::${registration.certificate}`)] });
  for (const registration of registrations) {
    const certificate = world.stack.resources().find((resource) => resource.type.endsWith(":TenantCertificate") && resource.urn.endsWith(`::${registration.certificate}`));
    if (!certificate) throw new Error(`The targeted up made no TenantCertificate ${registration.certificate}.`);
    world.emulator.addApplicationCertificate(registration.applicationId, { certificatePem: String(certificate.outputs?.certificatePem), organizationName: registration.organizationName });
  }
}
