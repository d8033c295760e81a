import { DEFAULT_USER, startEmulator, type Emulator } from "../../../../emulator";
import { CliUsageError, parseCliOptions } from "../../../../emulator/cli-options";
import { EmulatorClient, send, type ApiResponse } from "../../../helpers/emulator";
import { postOversized } from "../../../helpers/oversized-request";
import type { HostileCase, HostileOutcome } from "./case";

// The emulator over --http, as the demo and CI reach it: a web page in the same browser, a
// stranger on the token route, a caller who means to expose it. Each case starts its own
// emulator in this process and closes it, so nothing is left listening.

const AREA = "emulator";
const ATTACKER_ORIGIN = "https://attacker.example";

/** Ordinary JSON of more than 1.2 MB: a parser slower than linear would stall on it for tens of seconds. */
function largeJson(fields: Record<string, unknown>): string {
  const items = Array.from({ length: 20_000 }, (_, id) => ({ id, name: `user-${id}@contoso.onmicrosoft.com` }));
  return JSON.stringify({ ...fields, items });
}

async function withEmulator(attack: (emulator: Emulator) => Promise<HostileOutcome>): Promise<HostileOutcome> {
  const emulator = await startEmulator({ http: true, recordBodies: true });
  try {
    return await attack(emulator);
  } finally {
    await emulator.close();
  }
}

function answered(response: ApiResponse): string {
  return `${response.status} ${response.text}`;
}

/** Labels of the secrets whose values appear in `text`. */
function leaksIn(text: string, secrets: Record<string, string | undefined>): string[] {
  return Object.entries(secrets).flatMap(([label, value]) => (value !== undefined && value !== "" && text.includes(value) ? [label] : []));
}

/** What the emulator holds that a refused request must not have added. */
function extraState(emulator: Emulator): string[] {
  const state = emulator.state();
  return [
    ...state.users.filter((name) => name !== DEFAULT_USER.name).map((name) => `user ${name}`),
    ...state.faults.map((fault) => `fault ${fault.id}`),
    ...(state.tokens.access > 0 ? [`${state.tokens.access} access token(s)`] : []),
    ...(state.settings.tokenLifetimeSeconds !== 3600 ? [`token lifetime ${state.settings.tokenLifetimeSeconds} s`] : []),
  ];
}

const largeTokenRequest: HostileCase = {
  id: "1.2 MB of ordinary JSON to the token route, before any authentication",
  area: AREA,
  run: () =>
    withEmulator(async (emulator) => {
      const body = largeJson({ grant_type: "password", username: DEFAULT_USER.name, password: DEFAULT_USER.password });
      const response = await send(emulator, "POST", "/v8/token", { raw: body, contentType: "application/json" });
      return { refused: response.status === 413, message: answered(response), leaked: leaksIn(response.text, { password: DEFAULT_USER.password }), halfCreated: extraState(emulator) };
    }),
};

const largeControlRequest: HostileCase = {
  id: "1.2 MB of ordinary JSON to the control API",
  area: AREA,
  run: () =>
    withEmulator(async (emulator) => {
      const response = await send(emulator, "POST", "/__emulator/faults", { raw: largeJson({ status: 503 }), contentType: "application/json" });
      return { refused: response.status === 413, message: answered(response), leaked: [], halfCreated: extraState(emulator) };
    }),
};

const hugeBody: HostileCase = {
  id: "a 20 MB body to the token route, refused by its Content-Length before it is read",
  area: AREA,
  run: () =>
    withEmulator(async (emulator) => {
      const bytes = 20 * 1024 * 1024;
      const answer = await postOversized(emulator, "/v8/token", { bytes });
      return {
        refused: answer.status === 413 && answer.bytesWritten < bytes,
        message: `${answer.status} ${answer.text} (${answer.bytesWritten} of ${bytes} bytes written)`,
        leaked: [],
        halfCreated: extraState(emulator),
      };
    }),
};

const foreignOrigin: HostileCase = {
  id: `a control request from a web page (Origin: ${ATTACKER_ORIGIN}) that adds a user`,
  area: AREA,
  run: () =>
    withEmulator(async (emulator) => {
      const response = await send(emulator, "POST", "/__emulator/users", { json: { name: "mallory", password: "from-a-web-page" }, headers: { origin: ATTACKER_ORIGIN } });
      return { refused: response.status === 403, message: answered(response), leaked: [], halfCreated: extraState(emulator) };
    }),
};

const reboundHost: HostileCase = {
  id: "a page that rebinds its name to 127.0.0.1 reads the device codes and logs in (Host: rebind.attacker.example)",
  area: AREA,
  run: () =>
    withEmulator(async (emulator) => {
      const client = new EmulatorClient(emulator, "v8");
      const accessToken = await client.login();
      const userCode = (await client.post("/DeviceCode", { targetRegion: "Worldwide" })).body.userCode as string;
      const host = `rebind.attacker.example:${emulator.port}`;
      const codes = await send(emulator, "GET", "/__emulator/device-codes", { headers: { host } });
      const login = await send(emulator, "POST", "/v8/token", { form: { username: DEFAULT_USER.name, password: DEFAULT_USER.password }, headers: { host } });
      const read = await send(emulator, "GET", "/v8/Organizations", { headers: { host, authorization: `Bearer ${accessToken}` } });
      const responses = [codes, login, read];
      const text = responses.map(answered).join("\n");
      return {
        refused: responses.every((response) => response.status === 400),
        message: text,
        leaked: [...leaksIn(text, { "user code": userCode, "access token": accessToken }), ...(text.includes("access_token") ? ["a new access token"] : [])],
        halfCreated: emulator.state().tokens.access > 1 ? ["an access token issued to the rebound page"] : [],
      };
    }),
};

const textPlainControl: HostileCase = {
  id: "a control request with a text/plain body (what a page sends without a preflight) that adds a user",
  area: AREA,
  run: () =>
    withEmulator(async (emulator) => {
      const response = await send(emulator, "POST", "/__emulator/users", { raw: JSON.stringify({ name: "mallory", password: "from-a-web-page" }), contentType: "text/plain" });
      return { refused: response.status === 415, message: answered(response), leaked: [], halfCreated: extraState(emulator) };
    }),
};

const formReset: HostileCase = {
  id: "a cross-site form POSTed to /__emulator/reset",
  area: AREA,
  run: () =>
    withEmulator(async (emulator) => {
      emulator.addUser("operator", "operator-password");
      const response = await send(emulator, "POST", "/__emulator/reset", { form: { confirm: "yes" } });
      const kept = emulator.state().users.includes("operator");
      return { refused: response.status === 415 && kept, message: answered(response), leaked: [], halfCreated: kept ? [] : ["the emulator was reset"] };
    }),
};

const recordedTokenBodies: HostileCase = {
  id: "the request log of a password and a refresh login (form bodies) keeps no password or token",
  area: AREA,
  run: () =>
    withEmulator(async (emulator) => {
      const password = "Operator-Pa55word!";
      emulator.addUser("operator", password);
      const login = await send(emulator, "POST", "/v8/token", { form: { grant_type: "password", username: "operator", password } });
      const refreshed = await send(emulator, "POST", "/v8/token", { form: { grant_type: "refresh_token", refresh_token: login.body.refresh_token } });
      const log = await send(emulator, "GET", "/__emulator/requests");
      const state = await send(emulator, "GET", "/__emulator/state");
      const secrets = {
        password,
        "first access token": login.body.access_token as string | undefined,
        "refresh token": login.body.refresh_token as string | undefined,
        "second access token": refreshed.body.access_token as string | undefined,
        "second refresh token": refreshed.body.refresh_token as string | undefined,
      };
      const [first, second] = log.body as Array<{ requestBody?: Record<string, unknown>; responseBody?: Record<string, unknown> }>;
      const redacted = first?.requestBody?.password === "[REDACTED]" && second?.requestBody?.refresh_token === "[REDACTED]" && second?.responseBody?.access_token === "[REDACTED]";
      return {
        refused: login.status === 200 && refreshed.status === 200 && redacted,
        message: `request log: ${log.text.slice(0, 600)}`,
        leaked: [...leaksIn(log.text, secrets).map((label) => `${label} (request log)`), ...leaksIn(state.text, secrets).map((label) => `${label} (state dump)`)],
        halfCreated: [],
      };
    }),
};

const remoteWithoutFlag: HostileCase = {
  id: "--host 0.0.0.0 without --allow-remote (the command's options, and startEmulator)",
  area: AREA,
  async run() {
    const messages: string[] = [];
    let cliRefused = false;
    try {
      parseCliOptions(["--host", "0.0.0.0", "--http"], {});
    } catch (error) {
      cliRefused = error instanceof CliUsageError;
      messages.push((error as Error).message);
    }
    const halfCreated: string[] = [];
    let libraryRefused = false;
    try {
      const listening = await startEmulator({ host: "0.0.0.0", http: true });
      halfCreated.push(`an emulator listening at ${listening.url}`);
      await listening.close();
    } catch (error) {
      libraryRefused = true;
      messages.push((error as Error).message);
    }
    return { refused: cliRefused && libraryRefused, message: messages.join("\n"), leaked: [], halfCreated };
  },
};

/** Hostile inputs of the emulator area. */
export function emulatorCases(): HostileCase[] {
  return [largeTokenRequest, largeControlRequest, hugeBody, foreignOrigin, reboundHost, textPlainControl, formReset, recordedTokenBodies, remoteWithoutFlag];
}
