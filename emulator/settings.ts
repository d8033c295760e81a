import { z } from "zod";

/** Settings that can change while the emulator runs (control API `PATCH /__emulator/settings`). */
export interface EmulatorSettings {
  /** Access token lifetime, `expires_in` of /token. Default 3600: "expires in 60 minutes" (DOC-AUTH). */
  tokenLifetimeSeconds: number;
  /** Refresh token lifetime. Default 14 days (decided: unconfirmed in the notes, §2.2). */
  refreshTokenLifetimeSeconds: number;
  /** Device code lifetime, `expiresIn` of /DeviceCode. Default 900: "a code is valid for 15 minutes" (§3.1). */
  deviceCodeLifetimeSeconds: number;
  /** When set, every new device code counts as signed in this many ms after it was issued. Default null (manual approval). */
  autoApproveDeviceCodesMs: number | null;
  /** Organization that auto-approved codes (and approvals naming none) sign in to. Default contoso.onmicrosoft.com. */
  autoApproveOrganizationName: string;
}

export const DEFAULT_SETTINGS: EmulatorSettings = {
  tokenLifetimeSeconds: 3600,
  refreshTokenLifetimeSeconds: 14 * 24 * 3600,
  deviceCodeLifetimeSeconds: 900,
  autoApproveDeviceCodesMs: null,
  autoApproveOrganizationName: "contoso.onmicrosoft.com",
};

const positive = () => z.number().positive().finite();

export function settingsPatchSchema() {
  return z
    .object({
      tokenLifetimeSeconds: positive(),
      refreshTokenLifetimeSeconds: positive(),
      deviceCodeLifetimeSeconds: positive(),
      autoApproveDeviceCodesMs: z.number().min(0).finite().nullable(),
      autoApproveOrganizationName: z.string().trim().min(1),
    })
    .partial()
    .strict();
}
