import type { Service } from "./definition";

/**
 * Which certificate each service of an organization uses, decided in one place for check, diff,
 * create and update. VB365 signs in to Microsoft Entra with the organization's certificate, and
 * Entra accepts only certificates registered on the application (AADSTS700027 otherwise): a switch
 * to a certificate the application does not trust would stop the tenant's backups. So the rules:
 * - never back to an older certificate: a service that uses the next one keeps it;
 * - a service switches to a newer declared certificate (the next one, or a current one that is not
 *   the one in use) only when it is allowed: its thumbprint is confirmed registered
 *   (`registeredThumbprints`), or VB365 registers it itself on the way, which it does for the
 *   applications it registers or configures when given a fresh device code;
 * - otherwise it stays on the certificate that works, and no request sends the new one.
 * Where nothing is in use (creation, or a service selected only now): the next certificate where it
 * is allowed, else the current one (the server decides, as it always did).
 */

/** What the organization has now: the thumbprint each service uses on the server, and the device code stored with it. */
export interface InUse {
  thumbprints: Partial<Record<Service, string>>;
  /** The userCode the state holds: a code the organization has seen already is no fresh sign-in. */
  userCode?: string;
}

/** The certificates a service is given: its current one (its own or the shared one) and the shared next one. */
export interface Candidates {
  service: Service;
  current?: string;
  next?: string;
  /** A current certificate is declared, though its thumbprint is not worked out (inputs not checked, or unknown at preview). */
  declaresCurrent?: boolean;
}

export interface Confirmations {
  /** Thumbprints the application is confirmed to trust (registeredThumbprints), uppercase. */
  registered: readonly string[];
  /** VB365 registers this application's certificates when given a device code (newApplicationName, configureApplication). */
  registersWithDeviceCode: boolean;
  /** The userCode given now. */
  userCode?: string;
}

/** `current` or `next`: that declared certificate; `server`: none is sent, the one on the server stays. */
export type CertificateUse = "current" | "next" | "server";

export interface ServiceChoice {
  service: Service;
  use: CertificateUse;
  /** The thumbprint the service uses after this decision; undefined where none is known. */
  thumbprint?: string;
  /** A newer declared certificate it does not switch to yet. */
  pending?: string;
}

/** How a switch is allowed: a confirmed registration, or VB365 registering it with the device code. */
export type SwitchAuthority = "registration" | "deviceCode";

export interface CertificateChoice {
  services: ServiceChoice[];
  /** The switch this decision makes, from the certificate in use to a declared one. */
  switching?: { from: string; to: string; by: SwitchAuthority };
  /** The certificate the organization waits to switch to. */
  pending?: string;
}

export function chooseCertificates(candidates: readonly Candidates[], inUse: InUse | undefined, confirmations: Confirmations): CertificateChoice {
  const fresh = confirmations.registersWithDeviceCode && !!confirmations.userCode && confirmations.userCode !== inUse?.userCode;
  const authority = (thumbprint: string, creating: boolean): SwitchAuthority | undefined => {
    if (confirmations.registered.includes(thumbprint)) return "registration";
    // Creating with a device code registers whatever certificate is sent.
    if (confirmations.registersWithDeviceCode && (creating || fresh)) return "deviceCode";
    return undefined;
  };
  const services = candidates.map((candidate) => chooseFor(candidate, inUse, authority));
  let switching: CertificateChoice["switching"];
  for (const choice of services) {
    const from = inUse?.thumbprints[choice.service];
    if (!from || !choice.thumbprint || choice.thumbprint === from || switching) continue;
    switching = { from, to: choice.thumbprint, by: authority(choice.thumbprint, false) ?? "registration" };
  }
  const pending = services.find((choice) => choice.pending)?.pending;
  return { services, ...(switching ? { switching } : {}), ...(pending ? { pending } : {}) };
}

function chooseFor(candidate: Candidates, inUse: InUse | undefined, authority: (thumbprint: string, creating: boolean) => SwitchAuthority | undefined): ServiceChoice {
  const { service, current, next } = candidate;
  const using = inUse?.thumbprints[service];
  const use = (which: "current" | "next"): ServiceChoice => ({ service, use: which, thumbprint: which === "next" ? next : current });
  if (!current && !next) return candidate.declaresCurrent ? { service, use: "current" } : { service, use: "server", ...(using ? { thumbprint: using } : {}) };
  // Nothing in use: at creation, or a service selected only now. The server decides, as it always did.
  if (using === undefined) {
    if (next && authority(next, inUse === undefined)) return use("next");
    return current ? { ...use("current"), ...(next ? { pending: next } : {}) } : use("next");
  }
  if (next && using === next) return use("next");
  if (next && authority(next, false)) return use("next");
  if (current && (using === current || authority(current, false))) return { ...use("current"), ...(next ? { pending: next } : {}) };
  // Neither declared certificate may be used yet: the server's stays, and the newest waits.
  return { service, use: "server", ...(using ? { thumbprint: using } : {}), pending: next ?? current };
}
