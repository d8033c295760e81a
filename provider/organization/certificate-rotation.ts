import { Vb365ApiError } from "../client";
import { readApplicationCertificate } from "./certificate";
import type { OrganizationPlan } from "./plan";
import type { OrganizationOutputs } from "./types";

/** The rotation outputs of an organization (definition.ts: certificateRotation, pendingCertificateThumbprint). */
export interface RotationOutputs {
  certificateRotation?: string;
  pendingCertificateThumbprint?: string;
}

/** What the words need besides the plan: when, which tenant, and the application where the inputs do not name it. */
export interface RotationContext {
  at: Date;
  /** The application VB365 reports for the organization, where the inputs do not name one (newApplicationName). */
  reportedApplicationId?: string;
}

/**
 * Where the organization's rotation stands after this create or update: what a pending switch waits
 * for and until when the certificate in use lasts, the switch it made, or, when nothing happened,
 * the last switch's note, which stays until the next rotation begins (the old certificate can
 * still be removed from the application then).
 */
export function rotationOutputs(plan: OrganizationPlan, previous: Pick<OrganizationOutputs, "certificateRotation"> | undefined, context: RotationContext): RotationOutputs {
  const { switching, pending } = plan.certificates;
  const application = applicationOf(plan, context);
  // A wait comes first, even right after a switch to another new certificate: it asks for action.
  if (pending) {
    return { certificateRotation: `waiting: ${waitsFor(plan, pending, application)}; ${inUseLasts(plan)}.`, pendingCertificateThumbprint: pending };
  }
  if (switching) {
    return { certificateRotation: `switched: from ${switching.from} to ${switching.to} on ${context.at.toISOString().slice(0, 10)}; ${switching.from} can now be removed from ${application}.` };
  }
  const note = previous?.certificateRotation;
  return note?.startsWith("switched:") ? { certificateRotation: note } : {};
}

/**
 * The error of a switch the server refused (Entra does not trust the new certificate after all):
 * nothing was changed, so the organization stays on the certificate that works; it says which
 * thumbprint to register where.
 */
export function refusedSwitch(error: unknown, plan: OrganizationPlan, context: RotationContext): unknown {
  const switching = plan.certificates.switching;
  if (!switching || !(error instanceof Vb365ApiError) || error.status !== 400) return error;
  const tenant = plan.organizationName ?? "the organization";
  const application = applicationOf(plan, context);
  const fix =
    switching.by === "deviceCode"
      ? `The device code in userCode did not let VB365 register it: run \`vb365 device-code --up\` for a fresh code, signed in by a Global Administrator of ${tenant}, and VB365 registers ${switching.to} on ${application}.`
      : `registeredThumbprints lists ${switching.to}, but ${application} does not trust it: register it there (the customer's Entra app registration of ${tenant}), then run again.`;
  return new Error(`${error.message} ${tenant} stays on certificate ${switching.from}: nothing was changed. ${fix}`, { cause: error });
}

function waitsFor(plan: OrganizationPlan, pending: string, application: string): string {
  const tenant = plan.organizationName ?? "the organization";
  if (plan.usesDeviceCode) {
    return `a fresh device code, to let VB365 register certificate ${pending} on ${application}: a Global Administrator of ${tenant} signs in with a new code, given as userCode (\`vb365 device-code --up\`); or register it there and add it to registeredThumbprints`;
  }
  return `the customer to register certificate ${pending} on ${application} in ${tenant} (their Entra app registration), then to add it to registeredThumbprints`;
}

/** The certificate in use and the end of its validity, read from its PFX where it is still declared. */
function inUseLasts(plan: OrganizationPlan): string {
  const inUse = plan.services.find((service) => service.settings.applicationCertificateThumbprint)?.settings;
  const thumbprint = inUse?.applicationCertificateThumbprint ?? "the certificate in use";
  const pfx = plan.services.find((service) => service.certificate !== "server" && service.settings.applicationCertificate)?.settings;
  const reading = pfx?.applicationCertificate ? readApplicationCertificate(pfx.applicationCertificate, pfx.applicationCertificatePassword) : undefined;
  if (!reading?.notAfter) return `${thumbprint} stays in use until then (its end of validity is not known here: its PFX is no longer declared)`;
  return `${thumbprint} stays in use until then, valid until ${reading.notAfter.toISOString()}`;
}

function applicationOf(plan: OrganizationPlan, context: RotationContext): string {
  const declared = plan.declared.map((service) => service.settings.applicationId).find((id): id is string => typeof id === "string");
  const id = declared ?? context.reportedApplicationId;
  return id ? `application ${id}` : "the application VB365 registered";
}

/** Whether the plan switches by a device code, whose update carries configureApplication and the code (body.ts). */
export function switchesWithDeviceCode(plan: OrganizationPlan): boolean {
  return plan.certificates.switching?.by === "deviceCode";
}
