import type { EmulatorSettings } from "../../emulator";

/**
 * The Restore Portal as a provider that offers it has it turned on: the scale benches' server.
 * Its tenants' portal step settles at up (status "available"), so a refresh asks only for what
 * may have changed on the organizations.
 */
export const BENCH_RESTORE_PORTAL: EmulatorSettings["restorePortal"] = {
  isEnabled: true,
  applicationId: "5f0b3c2e-8d41-4a7e-b6c9-1e2d3f4a5b6c",
  msalAuthorityUri: "https://login.microsoftonline.com/common",
  restorePortalUri: "https://restore.provider.example:4443",
};
