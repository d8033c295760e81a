import { isUnknown } from "../common/check";
import { type CertificateChoice, type CertificateUse, chooseCertificates, type InUse, type ServiceChoice } from "./certificate-choice";
import { SERVICE_NAMES, type Service } from "./definition";
import type { AuthenticationKind, OrganizationInputs, ServiceConnectionSettings, ServiceConnectionState } from "./types";

/** One selected service as the server will see it. */
export interface ServicePlan {
  service: Service;
  /**
   * Its settings with the certificate it uses (certificate-choice.ts): its own, the shared one, the
   * shared next one, or none, where the one on the server stays; the thumbprint is the one in use.
   */
  settings: ServiceConnectionState;
  /** The input that holds that certificate, for messages; undefined when none is sent. */
  certificateInput?: string;
  /** Which certificate it uses. */
  certificate: CertificateUse;
}

/** A selected service as declared: its settings with its own certificate, or the shared one where it names none. */
export interface DeclaredService {
  service: Service;
  settings: ServiceConnectionState;
  certificateInput?: string;
}

/**
 * What a set of checked inputs means, worked out in one place: the authentication kind, the
 * services used and the certificate of each, the Microsoft 365 name that identifies the tenant.
 * check, the bodies, create, identity and the tenant check all read it instead of deciding again.
 */
export interface OrganizationPlan {
  inputs: OrganizationInputs;
  /** The inputs with each service's thumbprint the one it uses after this plan: what the state records. */
  effective: OrganizationInputs;
  kind: AuthenticationKind;
  services: ServicePlan[];
  /** The selected services as declared, before the choice of certificate: what the rules check. */
  declared: DeclaredService[];
  /** Which certificate each service uses, and the switch or the wait of a rotation. */
  certificates: CertificateChoice;
  /** The Microsoft 365 name: given, or officeOrganizationName, or the domain of the account. */
  organizationName?: string;
  /** Whether the organization is the tenant a customer's administrator signs in to with a device code. */
  usesDeviceCode: boolean;
  /** Thumbprints of the certificates the selected services use or are given (current and next), uppercase, each once. */
  thumbprints: string[];
}

/**
 * `inUse`: what the organization uses now (its state, or the server's organization it adopts);
 * undefined when it is being created.
 */
export function planOf(inputs: OrganizationInputs, inUse?: InUse): OrganizationPlan {
  const declared = declaredServices(inputs);
  const kind = authenticationKind(inputs);
  const usesDeviceCode = kind === "newApplication" || kind === "existingApplicationConfigured";
  const next = inputs.nextApplicationCertificateThumbprint?.toUpperCase();
  const candidates = declared.map(({ service, settings, certificateInput }) => ({
    service,
    ...(isUnknown(settings) || !settings.applicationCertificateThumbprint ? {} : { current: settings.applicationCertificateThumbprint.toUpperCase() }),
    declaresCurrent: isUnknown(settings) || settings.applicationCertificate !== undefined,
    // The next certificate is the shared one's: a service with a certificate of its own has none.
    ...(next && certificateInput === "applicationCertificate" ? { next } : {}),
  }));
  const certificates = chooseCertificates(candidates, inUse, {
    registered: isUnknown(inputs.registeredThumbprints) ? [] : (inputs.registeredThumbprints ?? []),
    registersWithDeviceCode: usesDeviceCode,
    ...(inputs.userCode === undefined || isUnknown(inputs.userCode) ? {} : { userCode: inputs.userCode }),
  });
  const services = declared.map((service, index) => withChoice(inputs, service, certificates.services[index]!));
  const thumbprints = [...services.map((plan) => plan.settings.applicationCertificateThumbprint), ...candidates.flatMap(({ current, next }) => [current, next])]
    .filter((thumbprint): thumbprint is string => typeof thumbprint === "string" && thumbprint !== "" && !isUnknown(thumbprint))
    .map((thumbprint) => thumbprint.toUpperCase());
  const effective: OrganizationInputs = { ...inputs };
  for (const { service, settings } of services) if (!isUnknown(settings)) effective[service] = { ...inputs[service], ...thumbprintOf(settings) };
  return {
    inputs,
    effective,
    kind,
    services,
    declared,
    certificates,
    organizationName: organizationName(inputs, declared),
    usesDeviceCode,
    thumbprints: [...new Set(thumbprints)],
  };
}

/** What holds the certificates in use: the state (outputs), or an organization as the server reports it. */
type HoldsCertificates = { [S in Service]?: { applicationCertificateThumbprint?: string | null } | null } & { userCode?: string };

/** What the state (or the server) holds of an organization's certificates, for planOf. */
export function inUseOf(state: HoldsCertificates): InUse {
  const thumbprints: InUse["thumbprints"] = {};
  for (const service of SERVICE_NAMES) {
    const thumbprint = state[service]?.applicationCertificateThumbprint;
    if (thumbprint) thumbprints[service] = thumbprint.toUpperCase();
  }
  return { thumbprints, ...(state.userCode === undefined ? {} : { userCode: state.userCode }) };
}

/** The selected services (with settings) as declared. */
export function declaredServices(inputs: OrganizationInputs): DeclaredService[] {
  return SERVICE_NAMES.filter((service) => inputs[SERVICE_FLAG[service]] === true && inputs[service]).map((service) => declaredService(inputs, service));
}

function withChoice(inputs: OrganizationInputs, declared: DeclaredService, choice: ServiceChoice): ServicePlan {
  const { service, settings } = declared;
  if (isUnknown(settings)) return { ...declared, certificate: "current" };
  if (choice.use === "current") return { ...declared, certificate: "current" };
  const { applicationCertificate: _pfx, applicationCertificatePassword: _password, applicationCertificateThumbprint: _thumbprint, ...rest } = settings;
  if (choice.use === "next") {
    const next = { ...rest, applicationCertificate: inputs.nextApplicationCertificate, applicationCertificatePassword: inputs.nextApplicationCertificatePassword, applicationCertificateThumbprint: choice.thumbprint };
    return { service, settings: next, certificateInput: "nextApplicationCertificate", certificate: "next" };
  }
  return { service, settings: { ...rest, ...(choice.thumbprint ? { applicationCertificateThumbprint: choice.thumbprint } : {}) }, certificate: "server" };
}

function thumbprintOf(settings: ServiceConnectionState): Pick<ServiceConnectionState, "applicationCertificateThumbprint"> {
  return { applicationCertificateThumbprint: settings.applicationCertificateThumbprint };
}

const SERVICE_FLAG = { exchangeOnlineSettings: "isExchangeOnline", sharePointOnlineSettings: "isSharePointOnline" } as const satisfies Record<Service, keyof OrganizationInputs>;

/** The services selected by their flag, whether or not their settings are given. */
export function selectedServices(inputs: OrganizationInputs): Service[] {
  return SERVICE_NAMES.filter((service) => inputs[SERVICE_FLAG[service]] === true);
}

function declaredService(inputs: OrganizationInputs, service: Service): DeclaredService {
  const declared = inputs[service]!;
  // A whole settings object still unknown at preview is taken as it is; check sees it again once known.
  if (isUnknown(declared)) return { service, settings: declared };
  if (declared.applicationCertificate !== undefined) return { service, settings: declared, certificateInput: `${service}.applicationCertificate` };
  if (inputs.applicationCertificate === undefined) return { service, settings: declared };
  const settings = { ...declared, applicationCertificate: inputs.applicationCertificate, applicationCertificatePassword: inputs.applicationCertificatePassword };
  return { service, settings, certificateInput: "applicationCertificate" };
}

export type AuthenticationMode = "applicationOnly" | "modernWithLegacy" | "basic";

export function modeOf(settings: ServiceConnectionSettings): AuthenticationMode {
  // VB365 treats a missing useApplicationOnlyAuth as app-only in every example body that omits it.
  if (settings.useApplicationOnlyAuth !== false) return "applicationOnly";
  return settings.useMfa ? "modernWithLegacy" : "basic";
}

function authenticationKind(inputs: OrganizationInputs): AuthenticationKind {
  const first = inputs[selectedServices(inputs)[0] ?? "exchangeOnlineSettings"] ?? {};
  const mode = modeOf(first);
  if (mode !== "applicationOnly") return mode;
  if (inputs.newApplicationName) return "newApplication";
  return inputs.configureApplication ? "existingApplicationConfigured" : "existingApplication";
}

function organizationName(inputs: OrganizationInputs, services: DeclaredService[]): string | undefined {
  if (inputs.organizationName) return inputs.organizationName;
  const office = services.find((plan) => plan.settings.officeOrganizationName)?.settings.officeOrganizationName;
  if (office) return office;
  const account = services.find((plan) => plan.settings.account?.includes("@"))?.settings.account;
  return account ? account.slice(account.lastIndexOf("@") + 1) : undefined;
}
