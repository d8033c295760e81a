import type { IncomingHttpHeaders } from "node:http";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { expect } from "chai";
import { after, before, beforeEach } from "mocha";
import { DEFAULT_USER, startEmulator, type ApiVersion, type Emulator, type EmulatorOptions } from "../../emulator";
import { responseViolations } from "./emulator-contract";

// Test boundary: response bodies are arbitrary JSON that tests assert on field by field with chai,
// so they are typed `any` here and nowhere else.
export type JsonBody = any;

export interface ApiResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** Parsed JSON, or undefined for an empty or non-JSON body. */
  body: JsonBody;
}

export interface RequestOptions {
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  /** Sent as is, with `contentType` if given. */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** One HTTP exchange with the emulator, trusting its certificate; no keep-alive, so nothing lingers. */
export function send(emulator: Emulator, method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  let payload: string | undefined;
  if (options.json !== undefined) {
    payload = JSON.stringify(options.json);
    headers["content-type"] ??= "application/json";
  } else if (options.form !== undefined) {
    payload = new URLSearchParams(options.form).toString();
    headers["content-type"] ??= "application/x-www-form-urlencoded";
  } else if (options.raw !== undefined) {
    payload = options.raw;
  }
  if (options.contentType !== undefined) headers["content-type"] = options.contentType;
  const url = new URL(path, emulator.url);
  const requester = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = requester(url, { method, headers, agent: false, ca: emulator.caPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: JsonBody;
        try {
          body = text === "" ? undefined : JSON.parse(text);
        } catch {
          body = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
      });
    });
    req.on("error", reject);
    req.end(payload);
  });
}

/** A client for one API version that logs in with the password grant and sends the bearer. */
export class EmulatorClient {
  token: string | undefined;

  constructor(
    readonly emulator: Emulator,
    readonly version: ApiVersion = "v8",
  ) {}

  async login(username = DEFAULT_USER.name, password = DEFAULT_USER.password): Promise<string> {
    const response = await send(this.emulator, "POST", `/${this.version}/token`, { form: { grant_type: "password", username, password } });
    expect(response.status, response.text).to.equal(200);
    this.token = response.body.access_token as string;
    return this.token;
  }

  /** `path` is relative to the version: "/Organizations". */
  request(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers = { ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...options.headers };
    return send(this.emulator, method, `/${this.version}${path}`, { ...options, headers });
  }

  get(path: string): Promise<ApiResponse> {
    return this.request("GET", path);
  }

  post(path: string, json?: unknown): Promise<ApiResponse> {
    return this.request("POST", path, json === undefined ? {} : { json });
  }

  put(path: string, json: unknown): Promise<ApiResponse> {
    return this.request("PUT", path, { json });
  }

  delete(path: string): Promise<ApiResponse> {
    return this.request("DELETE", path);
  }
}

export interface EmulatorFixture {
  /** The running emulator (after `before`). */
  readonly current: Emulator;
  /** A fresh, logged-in client. */
  client(version?: ApiVersion): Promise<EmulatorClient>;
}

/** An emulator started elsewhere, with logged-in clients, for helpers written against a fixture. */
export function fixtureOf(emulator: Emulator): EmulatorFixture {
  return {
    current: emulator,
    async client(version: ApiVersion = "v8"): Promise<EmulatorClient> {
      const client = new EmulatorClient(emulator, version);
      await client.login();
      return client;
    },
  };
}

/**
 * Starts an emulator for the enclosing describe, resets it before each test (unless told not to),
 * and checks every response it gave against the trimmed OpenAPI contract before closing it.
 */
export function useEmulator(options: EmulatorOptions = {}, { resetBetweenTests = true } = {}): EmulatorFixture {
  let emulator: Emulator | undefined;
  const violations: string[] = [];
  before(async () => {
    emulator = await startEmulator({
      recordBodies: true,
      ...options,
      onRequest: (entry) => {
        violations.push(...responseViolations(entry));
        options.onRequest?.(entry);
      },
    });
  });
  if (resetBetweenTests) beforeEach(() => emulator?.reset());
  after(async () => {
    await emulator?.close();
    expect(violations, "emulator responses that break the OpenAPI contract").to.deep.equal([]);
  });
  return {
    get current(): Emulator {
      if (!emulator) throw new Error("useEmulator: the emulator starts in a before() hook; use it inside tests.");
      return emulator;
    },
    async client(version: ApiVersion = "v8"): Promise<EmulatorClient> {
      const client = new EmulatorClient(this.current, version);
      await client.login();
      return client;
    },
  };
}
