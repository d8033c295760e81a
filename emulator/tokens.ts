import type { Clock } from "./clock";
import { invalidRefreshToken } from "./errors";
import { newToken } from "./ids";
import type { StoredAccessToken, StoredRefreshToken } from "./model";
import type { EmulatorSettings } from "./settings";

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  user: string;
  issuedAt: number;
  expiresAt: number;
  lifetimeSeconds: number;
}

export type TokenCheck = { user: string } | "expired" | "unknown";

export type TokenKind = "access" | "refresh" | "all";

/** Bearer and refresh tokens. Refresh tokens rotate: each one works once (decided, vb365-api.md §2.2). */
export class TokenStore {
  private readonly access = new Map<string, StoredAccessToken>();
  private readonly refreshTokens = new Map<string, StoredRefreshToken>();

  constructor(
    private readonly clock: Clock,
    private readonly settings: () => EmulatorSettings,
  ) {}

  issue(user: string): IssuedTokens {
    const now = this.clock.now();
    const { tokenLifetimeSeconds, refreshTokenLifetimeSeconds } = this.settings();
    const accessToken = newToken();
    const refreshToken = newToken();
    const expiresAt = now + tokenLifetimeSeconds * 1000;
    this.access.set(accessToken, { user, issuedAt: now, expiresAt, refreshToken });
    this.refreshTokens.set(refreshToken, { user, expiresAt: now + refreshTokenLifetimeSeconds * 1000, accessToken });
    this.prune(now);
    return { accessToken, refreshToken, user, issuedAt: now, expiresAt, lifetimeSeconds: tokenLifetimeSeconds };
  }

  /**
   * Trades a refresh token for a new pair. The old refresh token is gone afterwards; the old access
   * token stays valid until it expires (decided: the notes are silent, OAuth servers commonly do so).
   */
  refresh(refreshToken: string): IssuedTokens {
    const stored = this.refreshTokens.get(refreshToken);
    this.refreshTokens.delete(refreshToken);
    if (!stored || stored.expiresAt <= this.clock.now()) throw invalidRefreshToken();
    return this.issue(stored.user);
  }

  check(accessToken: string): TokenCheck {
    const stored = this.access.get(accessToken);
    if (!stored) return "unknown";
    return stored.expiresAt <= this.clock.now() ? "expired" : { user: stored.user };
  }

  /** `/token/logout`: the access token and the refresh token issued with it stop working. */
  revoke(accessToken: string): void {
    const stored = this.access.get(accessToken);
    if (!stored) return;
    this.access.delete(accessToken);
    this.refreshTokens.delete(stored.refreshToken);
  }

  expire(kind: TokenKind): void {
    const past = this.clock.now() - 1;
    if (kind !== "refresh") for (const token of this.access.values()) token.expiresAt = Math.min(token.expiresAt, past);
    if (kind !== "access") for (const token of this.refreshTokens.values()) token.expiresAt = Math.min(token.expiresAt, past);
  }

  clear(): void {
    this.access.clear();
    this.refreshTokens.clear();
  }

  summary(): { access: number; refresh: number; activeAccess: number } {
    const now = this.clock.now();
    const activeAccess = [...this.access.values()].filter((token) => token.expiresAt > now).length;
    return { access: this.access.size, refresh: this.refreshTokens.size, activeAccess };
  }

  // Expired tokens are kept a while so a late request still gets the "expired" challenge, then dropped.
  private prune(now: number): void {
    if (this.access.size < 10_000) return;
    const horizon = now - 3600_000;
    for (const [token, stored] of this.access) if (stored.expiresAt < horizon) this.access.delete(token);
    for (const [token, stored] of this.refreshTokens) if (stored.expiresAt < horizon) this.refreshTokens.delete(token);
  }
}
