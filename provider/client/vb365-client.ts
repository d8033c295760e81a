import type { ApiVersion, ConnectionSettings } from "./connection";
import { Vb365ApiError } from "./errors";
import { refusePlainHttp, warnPlainHttpOnce } from "./plain-http";
import { SecretRegistry, secretValues } from "./redaction";
import { parseJson, responseError } from "./response-error";
import {
  deviceCodeCheckSchema,
  deviceCodeResponseSchema,
  organizationListSchema,
  type Page,
  pageSchemaOf,
  organizationSchema,
  type RemoteOrganization,
  restorePortalSettingsSchema,
  type RestorePortalSettings,
} from "./schemas";
import { TokenManager } from "./token";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, type SendOptions, Transport } from "./transport";
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

export interface CallOptions<T> {
  body?: unknown;
  retry: boolean;
  timeout?: SendOptions["timeout"];
  expected: number[];
  schema?: () => z.ZodType<T>;
}

/**
 * Page size for listings: the documented maximum (DOC-PAGE), so that an estate of up to 9,999
 * organizations is one request. A server that caps pages lower says so in the page's `limit`,
 * and paging goes on by its `next` link or by what each page returned (nextOffset).
 */
const PAGE_LIMIT = 10_000;
/** A listing that keeps going past this many pages is a server bug, not an estate. */
const MAX_PAGES = 10_000;

/**
 * The VB365 REST API calls the provider and the CLI need, over one connection and one shared
 * token. Every failure is a Vb365Error naming method, path, status and Veeam's message, with
 * every secret the connection knows (password, tokens, device codes, the credentials its
 * requests carried) redacted.
 */
export class Vb365Client {
  readonly apiVersion: ApiVersion;
  private readonly createTimeoutMs: number;
  private readonly transport: Transport;
  private readonly tokens: TokenManager;
  private readonly secrets: SecretRegistry;

  /** Refuses plain http:// beyond this machine unless the settings allow it, and then warns (once per process and server). */
  constructor(
    settings: ConnectionSettings,
    private readonly options: ClientOptions = {},
  ) {
    refusePlainHttp(settings);
    warnPlainHttpOnce(settings);
    this.apiVersion = settings.apiVersion;
    this.createTimeoutMs = settings.createTimeoutMs;
    this.secrets = new SecretRegistry([settings.password]);
    this.transport = new Transport(settings, options.retryPolicy ?? DEFAULT_RETRY_POLICY, this.secrets);
    this.tokens = new TokenManager(this.transport, settings.apiVersion, settings, this.secrets);
  }

  /**
   * Every organization, all pages. A server may answer fewer than `limit` (a cap of its own) or
   * link the next page with an href of another version (vb365-api.md §10), so paging follows the
   * offset of `_links.next` where there is one, else advances by what the page returned, until a
   * page comes back empty or shorter than the limit it echoes.
   */
  async listOrganizations(): Promise<RemoteOrganization[]> {
    if (this.apiVersion !== "v8") {
      return this.call("GET", "/Organizations", { retry: true, expected: [200], schema: organizationListSchema });
    }
    return this.listPages("/Organizations", organizationSchema);
  }

  /** Every item of a paged collection (`route` may carry a query of its own), all pages. */
  async listPages<T>(route: string, item: () => z.ZodType<T>): Promise<T[]> {
    const schema = pageSchemaOf(item);
    const all: T[] = [];
    const separator = route.includes("?") ? "&" : "?";
    let offset = 0;
    for (let pages = 1; ; pages++) {
      const page = await this.call("GET", `${route}${separator}offset=${offset}&limit=${PAGE_LIMIT}`, { retry: true, expected: [200], schema });
      all.push(...page.results);
      const next = nextOffset(page, offset, PAGE_LIMIT);
      if (next === undefined) return all;
      if (pages >= MAX_PAGES) {
        throw new Vb365ApiError({ method: "GET", path: `/${this.apiVersion}${route}`, status: 200, veeamMessage: `the listing did not end after ${MAX_PAGES} pages` });
      }
      offset = next;
    }
  }

  /**
   * One call of the API: `route` below the version prefix; the answer's status must be one of
   * `expected`, its body (when `schema` is given) parsed by it. For the resource modules' calls
   * (client/jobs.ts); failures are Vb365ApiErrors like every other call's.
   */
  request<T>(method: string, route: string, options: CallOptions<T>): Promise<T> {
    return this.call(method, route, options);
  }

  /** Anonymous in every version's spec; sent with the token all the same, which the server ignores. */
  getRestorePortalSettings(): Promise<RestorePortalSettings> {
    return this.call("GET", "/RestorePortalSettings", { retry: true, expected: [200], schema: restorePortalSettingsSchema });
  }

  getOrganization(id: string): Promise<RemoteOrganization> {
    return this.call("GET", `/Organizations/${encodeURIComponent(id)}`, { retry: true, expected: [200], schema: organizationSchema });
  }

  /**
   * Not retried: a repeated POST could add the organization twice. Callers recover instead. Waits
   * for createTimeoutMs, since VB365 answers only once any application is registered.
   */
  createOrganization(body: Record<string, unknown>): Promise<RemoteOrganization> {
    const timeout = { ms: this.createTimeoutMs, setting: "vb365:createTimeoutSeconds" };
    // 200 up to v7, 201 Created from v8 on (vb365-api.md §4.1).
    return this.call("POST", "/Organizations", { body, retry: false, timeout, expected: [200, 201], schema: organizationSchema });
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
  async createDeviceCode(targetRegion: string): Promise<DeviceCode> {
    const code = await this.call("POST", "/DeviceCode", { body: { targetRegion }, retry: true, expected: [200, 201], schema: deviceCodeResponseSchema });
    // Until it expires, the code signs a tenant in: a later answer that quotes it is redacted.
    this.secrets.remember(code.userCode);
    return code;
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
    const sentSecrets = secretValues(options.body);
    // Once sent, a server may quote them in the answer to any later request too.
    for (const value of sentSecrets) this.secrets.remember(value);
    let token = await this.tokens.accessToken();
    let response = await this.send(method, path, token, body, options);
    if (response.status === 401) {
      // The token expired or the server restarted: renew once, then believe the server.
      this.tokens.invalidate(token);
      token = await this.tokens.accessToken();
      response = await this.send(method, path, token, body, options);
    }
    if (!options.expected.includes(response.status)) {
      throw responseError({ method, path, secrets: [token, ...sentSecrets] }, response, this.secrets);
    }
    if (!options.schema) return undefined as T;
    const parsed = options.schema().safeParse(parseJson(response.text));
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

  private async send<T>(method: string, path: string, token: string, body: string | undefined, options: CallOptions<T>) {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await this.transport.send(method, path, { headers, body, retry: options.retry, timeout: options.timeout });
    this.options.onResponse?.(method, path, response.status);
    return response;
  }
}

/**
 * Where the page after `page` (asked for at `offset` with `requested` as its limit) starts;
 * undefined when `page` was the last. A page shorter than its limit is the last only when the
 * server has said enough to trust that: it links its pages (and linked no next), or it echoes a
 * limit of its own. A server that does neither may have capped the page without saying so, and a
 * listing cut short would make a refresh drop the organizations it did not show: there, only an
 * empty page ends the listing.
 */
export function nextOffset(page: Page<unknown>, offset: number, requested: number): number | undefined {
  if (page.results.length === 0) return undefined;
  const linked = offsetOf(page._links?.next?.href);
  if (linked !== undefined && linked > offset) return linked;
  const applied = page.limit ?? requested;
  const saysItsLimits = (page._links !== undefined && page._links !== null) || applied !== requested;
  if (page.results.length < applied && saysItsLimits) return undefined;
  return offset + page.results.length;
}

function offsetOf(href: string | undefined): number | undefined {
  if (!href) return undefined;
  const value = new URL(href, "https://vb365.invalid").searchParams.get("offset");
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}
