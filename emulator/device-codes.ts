import type { Clock } from "./clock";
import { ApiError, deviceCodeExpired, deviceCodeNotFound } from "./errors";
import { newUserCode, tenantIdFor } from "./ids";
import type { DeviceCodeApproval, Region, StoredDeviceCode } from "./model";
import type { EmulatorSettings } from "./settings";

/**
 * Microsoft's device-login pages per cloud. VB365 relays Microsoft's answer (§3.1), so these are
 * Microsoft's URLs; the per-region mapping is INFERRED from Microsoft's national-cloud docs.
 */
const VERIFICATION_URLS: Record<Region, string> = {
  Worldwide: "https://microsoft.com/devicelogin",
  Germany: "https://microsoft.com/devicelogin",
  China: "https://microsoft.com/deviceloginchina",
  USDefence: "https://microsoft.com/deviceloginus",
  USGovernment: "https://microsoft.com/deviceloginus",
};

export function verificationUrl(region: Region): string {
  return VERIFICATION_URLS[region];
}

/** Microsoft's own help text for a device code. */
export function deviceCodeMessage(code: StoredDeviceCode): string {
  return `To sign in, use a web browser to open the page ${verificationUrl(code.region)} and enter the code ${code.userCode} to authenticate.`;
}

/** Device codes of POST /DeviceCode: they expire, are signed in by the customer, and are used once. */
export class DeviceCodeStore {
  private readonly codes = new Map<string, StoredDeviceCode>();

  constructor(
    private readonly clock: Clock,
    private readonly settings: () => EmulatorSettings,
  ) {}

  create(region: Region, loginGraphAppOrganizationId: string | null): StoredDeviceCode {
    const now = this.clock.now();
    const { deviceCodeLifetimeSeconds, autoApproveDeviceCodesMs, autoApproveOrganizationName } = this.settings();
    let userCode = newUserCode();
    while (this.codes.has(userCode)) userCode = newUserCode();
    // Auto-approval is lazy: it is decided now (with today's organization name) and takes effect
    // once the clock passes `at`, so no timer outlives the emulator.
    const autoApproval =
      autoApproveDeviceCodesMs === null
        ? null
        : approvalFor(autoApproveOrganizationName, undefined, now + autoApproveDeviceCodesMs);
    const code: StoredDeviceCode = {
      userCode,
      region,
      loginGraphAppOrganizationId,
      issuedAt: now,
      expiresAt: now + deviceCodeLifetimeSeconds * 1000,
      approval: null,
      autoApproval,
      usedAt: null,
    };
    this.codes.set(userCode, code);
    return code;
  }

  /** Codes are matched case-insensitively: people retype them. */
  get(userCode: string): StoredDeviceCode | undefined {
    const code = this.codes.get(userCode.trim().toUpperCase());
    if (code && !code.approval && code.autoApproval) {
      const { at } = code.autoApproval;
      if (at < code.expiresAt && at <= this.clock.now()) code.approval = code.autoApproval;
    }
    return code;
  }

  /**
   * `/DeviceCode/check`. Decided (notes §10 open question): an unknown code, or one that expired
   * before anybody signed in, is a 400; otherwise the answer is whether somebody signed in.
   */
  check(userCode: string): boolean {
    const code = this.get(userCode);
    if (!code) throw deviceCodeNotFound(userCode);
    if (!code.approval && this.clock.now() >= code.expiresAt) throw deviceCodeExpired(code.userCode);
    return code.approval !== null;
  }

  /** The customer signs in with the code, to `organizationName` (control API). */
  approve(userCode: string, organizationName: string | undefined, tenantId: string | undefined): StoredDeviceCode {
    const code = this.get(userCode);
    if (!code) throw new ApiError(404, `Device code '${userCode}' was not found.`);
    const now = this.clock.now();
    if (now >= code.expiresAt) throw new ApiError(409, `Device code '${code.userCode}' has expired; it can no longer be signed in.`);
    if (code.usedAt !== null) throw new ApiError(409, `Device code '${code.userCode}' has already been used.`);
    const approval = approvalFor(organizationName ?? this.settings().autoApproveOrganizationName, tenantId, now);
    if (code.approval && code.approval.organizationName.toLowerCase() !== approval.organizationName.toLowerCase()) {
      throw new ApiError(409, `Device code '${code.userCode}' is already signed in to ${code.approval.organizationName}.`);
    }
    code.approval ??= approval;
    return code;
  }

  markUsed(code: StoredDeviceCode): void {
    code.usedAt = this.clock.now();
  }

  list(): StoredDeviceCode[] {
    return [...this.codes.keys()].map((userCode) => this.get(userCode)!);
  }

  clear(): void {
    this.codes.clear();
  }
}

function approvalFor(organizationName: string, tenantId: string | undefined, at: number): DeviceCodeApproval {
  const name = organizationName.trim();
  return { organizationName: name, tenantId: tenantId ?? tenantIdFor(name), at };
}
