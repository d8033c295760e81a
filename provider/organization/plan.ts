import { isUnknown } from "../common/check";
import { SERVICE_NAMES, type Service } from "./definition";
import type { AuthenticationKind, OrganizationInputs, ServiceConnectionSettings, ServiceConnectionState } from "./types";

/** One selected service as the server will see it. */
export interface ServicePlan {
  service: Service;
  /** Its settings with the certificate it uses: its own, or the shared one where it names none. */
  settings: ServiceConnectionState;
  /** The input that holds that certificate, for messages; undefined when there is none. */
  certificateInput?: string;
}

/**
 * What a set of checked inputs means, worked out in one place: the authentication kind, the
 * services used and the certificate of each, the Microsoft 365 name that identifies the tenant.
 * check, the bodies, create, identity and the tenant check all read it instead of deciding again.
 */
export interface OrganizationPlan {
  inputs: OrganizationInputs;
  kind: AuthenticationKind;
  services: ServicePlan[];
  /** The Microsoft 365 name: given, or officeOrganizationName, or the domain of the account. */
  organizationName?: string;
  /** Whether the organization is the tenant a customer's administrator signs in to with a device code. */
  usesDeviceCode: boolean;
  /** Thumbprints of the certificates the selected services use, uppercase, each once. */
  thumbprints: string[];
}

export function planOf(inputs: OrganizationInputs): OrganizationPlan {
  const services = SERVICE_NAMES.filter((service) => inputs[SERVICE_FLAG[service]] === true && inputs[service]).map((service) => servicePlan(inputs, service));
  const kind = authenticationKind(inputs);
  const thumbprints = services.map((plan) => plan.settings.applicationCertificateThumbprint?.toUpperCase()).filter((thumbprint): thumbprint is string => !!thumbprint);
  return {
    inputs,
    kind,
    services,
    organizationName: organizationName(inputs, services),
    usesDeviceCode: kind === "newApplication" || kind === "existingApplicationConfigured",
    thumbprints: [...new Set(thumbprints)],
  };
}

const SERVICE_FLAG = { exchangeOnlineSettings: "isExchangeOnline", sharePointOnlineSettings: "isSharePointOnline" } as const satisfies Record<Service, keyof OrganizationInputs>;

/** The services selected by their flag, whether or not their settings are given. */
export function selectedServices(inputs: OrganizationInputs): Service[] {
  return SERVICE_NAMES.filter((service) => inputs[SERVICE_FLAG[service]] === true);
}

function servicePlan(inputs: OrganizationInputs, service: Service): ServicePlan {
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

function organizationName(inputs: OrganizationInputs, services: ServicePlan[]): string | undefined {
  if (inputs.organizationName) return inputs.organizationName;
  const office = services.find((plan) => plan.settings.officeOrganizationName)?.settings.officeOrganizationName;
  if (office) return office;
  const account = services.find((plan) => plan.settings.account?.includes("@"))?.settings.account;
  return account ? account.slice(account.lastIndexOf("@") + 1) : undefined;
}
