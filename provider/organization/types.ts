import type { ValuesOf } from "../common/definition";
import type { ORGANIZATION_DERIVED_FIELDS, ORGANIZATION_FIELDS, ORGANIZATION_OUTPUT_FIELDS, SETTINGS_FIELDS, SETTINGS_OUTPUT_FIELDS } from "./definition";

/** Microsoft Entra regions VB365 v6–v8 accept (`region`, `targetRegion`). */
export const REGIONS = ["Worldwide", "Germany", "China", "USDefence", "USGovernment"] as const;
export type Region = (typeof REGIONS)[number];

/** Spellings of VB365 v2–v5 documentation, accepted and normalised to {@link Region}. */
export type LegacyRegionSpelling = "worldwide" | "germany" | "china" | "USgovDefence" | "USgovCommunity";

// The types below are read from the definition (definition.ts), where each field is described.

/** Connection settings of one Microsoft 365 service, as check outputs them. */
export type ServiceConnectionSettings = ValuesOf<typeof SETTINGS_FIELDS>;

/** What the state holds of a service connection: its settings and the certificate's thumbprint. */
export type ServiceConnectionState = ServiceConnectionSettings & ValuesOf<typeof SETTINGS_OUTPUT_FIELDS>;

type DeclaredInputs = ValuesOf<typeof ORGANIZATION_FIELDS>;

/** Plain (resolved) inputs of a Vb365Organization, as check outputs them: with what check works out. */
export type OrganizationInputs = Omit<DeclaredInputs, "exchangeOnlineSettings" | "sharePointOnlineSettings"> &
  ValuesOf<typeof ORGANIZATION_DERIVED_FIELDS> & {
    exchangeOnlineSettings?: ServiceConnectionState;
    sharePointOnlineSettings?: ServiceConnectionState;
  };

type ServerOutputs = ValuesOf<typeof ORGANIZATION_OUTPUT_FIELDS>;

/** The state: the inputs, what the server assigned, and the Restore Portal step where it is known. */
export type OrganizationOutputs = OrganizationInputs & Required<Omit<ServerOutputs, OptionalOutput>> & Pick<ServerOutputs, OptionalOutput>;

/** Outputs that are not always there: the Restore Portal step where it is known, the rotation where one is under way. */
type OptionalOutput = "restorePortalStatus" | "restorePortalConsentUrl" | "certificateRotation" | "pendingCertificateThumbprint";

export type AuthenticationKind = "newApplication" | "existingApplication" | "existingApplicationConfigured" | "modernWithLegacy" | "basic";
