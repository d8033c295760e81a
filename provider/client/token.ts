import type { ApiVersion } from "./connection";
import { Vb365ApiError } from "./errors";
import type { SecretRegistry } from "./redaction";
import { parseJson, responseError, type Wording } from "./response-error";
import { tokenResponseSchema } from "./schemas";
import type { Transport } from "./transport";

export interface TokenEvents {
  /** Called with the grant used, for logs and tests; never with a token. */
  onGrant?: (grant: "password" | "refresh_token") => void;
}

interface Token {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms after which the token should not be used any more. */
  renewAt: number;
}

/**
 * One bearer token per server and account, shared by every concurrent call in the process:
 * the engine creates many resources at once, and each must not log in on its own. Renewed
 * ahead of expiry (with the refresh token when there is one) and on demand after a 401. The
 * tokens in use are in `secrets`, for every error of the connection to redact; a token leaves it
 * once its successor came.
 */
export class TokenManager {
  private token?: Token;
  private pending?: Promise<Token>;

  constructor(
    private readonly transport: Transport,
    private readonly apiVersion: ApiVersion,
    private readonly credentials: { username: string; password: string },
    private readonly secrets: SecretRegistry,
    private readonly events: TokenEvents = {},
    private readonly now: () => number = Date.now,
  ) {}

  async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.renewAt) return this.token.accessToken;
    return (await this.renew()).accessToken;
  }

  /** Drops `accessToken` after the server refused it, unless another call already renewed it. */
  invalidate(accessToken: string): void {
    if (this.token?.accessToken === accessToken) this.token = { ...this.token, renewAt: 0 };
  }

  private renew(): Promise<Token> {
    this.pending ??= this.grant().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async grant(): Promise<Token> {
    const refreshToken = this.token?.refreshToken;
    if (refreshToken) {
      try {
        return this.replaceToken(await this.request({ grant_type: "refresh_token", refresh_token: refreshToken }, "refresh_token"));
      } catch (error) {
        // An expired or rotated refresh token is not fatal: log in again with the password.
        if (!(error instanceof Vb365ApiError) || error.status >= 500) throw error;
      }
    }
    return this.replaceToken(
      await this.request({ grant_type: "password", username: this.credentials.username, password: this.credentials.password }, "password"),
    );
  }

  private replaceToken(next: Token): Token {
    const previous = this.token;
    this.token = next;
    this.secrets.add(next.accessToken);
    this.secrets.add(next.refreshToken);
    // A replaced token is sent no more; until then, an answer may quote it.
    if (previous && previous.accessToken !== next.accessToken) this.secrets.delete(previous.accessToken);
    if (previous?.refreshToken && previous.refreshToken !== next.refreshToken) this.secrets.delete(previous.refreshToken);
    return next;
  }

  private async request(fields: Record<string, string>, grant: "password" | "refresh_token"): Promise<Token> {
    const path = `/${this.apiVersion}/token`;
    const form = new URLSearchParams(fields);
    // v7 and v8 issue an antiforgery token for browsers; API clients opt out (vb365-api.md §2.3).
    if (this.apiVersion !== "v6") form.set("disable_antiforgery_token", "true");
    const issuedAt = this.now();
    const response = await this.transport.send("POST", path, {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
      retry: true,
    });
    this.events.onGrant?.(grant);
    if (response.status !== 200) {
      throw responseError({ method: "POST", path, secrets: [fields.password, fields.refresh_token] }, response, this.secrets, tokenWording(response.status, grant));
    }
    const parsed = tokenResponseSchema().safeParse(parseJson(response.text));
    if (!parsed.success) {
      throw new Vb365ApiError({ method: "POST", path, status: response.status, veeamMessage: "the token response has no access_token or expires_in" });
    }
    const lifetimeMs = parsed.data.expires_in * 1000;
    // Renew when 90 % of the lifetime has passed, or a minute before expiry if that is sooner.
    const margin = Math.min(lifetimeMs * 0.1, 60_000);
    return {
      accessToken: parsed.data.access_token,
      refreshToken: parsed.data.refresh_token,
      renewAt: issuedAt + lifetimeMs - margin,
    };
  }
}

/** A refused password grant names the settings to check; other token failures are stated as the server gave them. */
function tokenWording(status: number, grant: "password" | "refresh_token"): Wording {
  if (grant !== "password" || (status !== 400 && status !== 401)) return {};
  return {
    code: "bad_credentials",
    message: (veeamMessage: string | undefined) =>
      `${(veeamMessage ?? "the credentials were refused").replace(/\.+$/, "")}. Check vb365:username and vb365:password (or VB365_USERNAME / VB365_PASSWORD).`,
  };
}
