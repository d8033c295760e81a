import type { ApiVersion, ConnectionSettings } from "./connection";
import { Vb365ApiError } from "./errors";
import { redact, secretValues } from "./redact";
import {
  deviceCodeCheckSchema,
  deviceCodeResponseSchema,
  errorBodySchema,
  organizationListSchema,
  organizationPageSchema,
  organizationSchema,
  type RemoteOrganization,
} from "./schemas";
import { safeJson, TokenManager } from "./token";
import { DEFAULT_RETRY_POLICY, type RawResponse, type RetryPolicy, Transport } from "./transport";
import type { z } from "zod";

export interface DeviceCode {
  userCode: string;
  verificationUrl: string;
  /** Seconds the code stays valid, counted from when it was issued. */
  expiresIn: number;
  message?: string;
}

export interface ClientOptions {
  retryPolicy?: RetryPolicy;
  /** Called once per HTTP exchange with method, path and status (never bodies or headers). */
  onResponse?: (method: string, path: string, status: number) => void;
}

interface CallOptions<T> {
  body?: unknown;
  retry: boolean;
  expected: number[];
  schema?: () => z.ZodType<T>;
}

/** Page size for listings: large enough that a few hundred organizations need one request. */
const PAGE_LIMIT = 1000;

/**
 * The VB365 REST API calls the provider and the CLI need, over one connection and one shared
 * token. Every failure is a Vb365Error naming method, path, status and Veeam's message.
 */
export class Vb365Client {
  readonly apiVersion: ApiVersion;
  private readonly transport: Transport;
  private readonly tokens: TokenManager;
  private readonly secrets: string[];

  constructor(
    settings: ConnectionSettings,
    private readonly options: ClientOptions = {},
  ) {
    this.apiVersion = settings.apiVersion;
    this.transport = new Transport(settings, options.retryPolicy ?? DEFAULT_RETRY_POLICY);
    this.tokens = new TokenManager(this.transport, settings.apiVersion, settings);
    this.secrets = [settings.password];
  }

  async listOrganizations(): Promise<RemoteOrganization[]> {
    if (this.apiVersion !== "v8") {
      return this.call("GET", "/Organizations", { retry: true, expected: [200], schema: organizationListSchema });
    }
    const all: RemoteOrganization[] = [];
    for (let offset = 0; ; offset += PAGE_LIMIT) {
      const page = await this.call("GET", `/Organizations?offset=${offset}&limit=${PAGE_LIMIT}`, {
        retry: true,
        expected: [200],
        schema: organizationPageSchema,
      });
      all.push(...page.results);
      if (page.results.length < PAGE_LIMIT) return all;
    }
  }

  getOrganization(id: string): Promise<RemoteOrganization> {
    return this.call("GET", `/Organizations/${encodeURIComponent(id)}`, { retry: true, expected: [200], schema: organizationSchema });
  }

  /** Not retried: a repeated POST could add the organization twice. Callers recover instead. */
  createOrganization(body: Record<string, unknown>): Promise<RemoteOrganization> {
    // 200 up to v7, 201 Created from v8 on (vb365-api.md §4.1).
    return this.call("POST", "/Organizations", { body, retry: false, expected: [200, 201], schema: organizationSchema });
  }

  async updateOrganization(id: string, body: Record<string, unknown>): Promise<void> {
    await this.call("PUT", `/Organizations/${encodeURIComponent(id)}`, { body, retry: true, expected: [200, 204] });
  }

  async deleteOrganization(id: string): Promise<void> {
    await this.call("DELETE", `/Organizations/${encodeURIComponent(id)}`, { retry: true, expected: [200, 204] });
  }

  /**
   * Retried like a read: each POST only issues a fresh code, and a code whose answer was lost
   * expires unused. Giving up on a 429 would end an onboarding the customer is waiting for.
   */
  createDeviceCode(targetRegion: string): Promise<DeviceCode> {
    return this.call("POST", "/DeviceCode", { body: { targetRegion }, retry: true, expected: [200, 201], schema: deviceCodeResponseSchema });
  }

  async isDeviceCodeAuthenticated(userCode: string): Promise<boolean> {
    const result = await this.call("POST", "/DeviceCode/check", {
      body: { userCode },
      retry: true,
      expected: [200],
      schema: deviceCodeCheckSchema,
    });
    return result.authenticated;
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private async call<T>(method: string, route: string, options: CallOptions<T>): Promise<T> {
    const path = `/${this.apiVersion}${route}`;
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    let token = await this.tokens.accessToken();
    let response = await this.send(method, path, token, body, options.retry);
    if (response.status === 401) {
      // The token expired or the server restarted: renew once, then believe the server.
      this.tokens.invalidate(token);
      token = await this.tokens.accessToken();
      response = await this.send(method, path, token, body, options.retry);
    }
    if (!options.expected.includes(response.status)) {
      throw this.apiError(method, path, response, options.body);
    }
    if (!options.schema) return undefined as T;
    const parsed = options.schema().safeParse(safeJson(response.text));
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join(".") || "body";
      throw new Vb365ApiError({
        method,
        path,
        status: response.status,
        veeamMessage: `the response does not look like VB365's (unexpected ${where})`,
      });
    }
    return parsed.data;
  }

  private async send(method: string, path: string, token: string, body: string | undefined, retry: boolean) {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await this.transport.send(method, path, { headers, body, retry });
    this.options.onResponse?.(method, path, response.status);
    return response;
  }

  private apiError(method: string, path: string, response: RawResponse, requestBody: unknown): Vb365ApiError {
    const parsed = errorBodySchema().safeParse(safeJson(response.text));
    const body = parsed.success ? parsed.data : undefined;
    const message = body?.message ?? body?.error_description ?? body?.error ?? undefined;
    const secrets = [...this.secrets, ...secretValues(requestBody)];
    return new Vb365ApiError({
      method,
      path,
      status: response.status,
      veeamMessage: message ? redact(message, secrets) : undefined,
      errorCode: body?.errorCode ?? undefined,
      retryAfterMs: retryAfterMs(response.headers["retry-after"]),
    });
  }
}

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3). */
function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
