import { randomBytes } from "node:crypto";
import { main } from "../../../../cli/main";
import { resolveConnection, Vb365Client } from "../../../../provider/client";
import { type Answer, type EchoServer, formFields, type SeenRequest, startEchoServer, tokenGranted } from "../../../helpers/echo-server";
import { capturedIo } from "../../../helpers/captured-io";
import { jsonEscaped, secretSpellings } from "../../../helpers/secret-spellings";
import type { HostileCase, HostileOutcome } from "./case";

const AREA = "redaction";

/** A quote, a backslash and letters beyond ASCII: JSON, forms and URLs each escape them differently. */
const SECRETS = {
  "VB365 password": 'Adm1n"pä\\ss-Ωmega',
  "access token": "eyJhbGciOi.access-token-of-the-hostile-case",
  "refresh token": "refresh-token-of-the-hostile-case-0042",
  "application secret": 'app"secret\\Ωf7Q~xR',
  "PFX password": "pfx-pässwörd-9!",
  "PFX": "MIIKcQIBAzCCCjcGCSqGSIb3DQEHAaCCCigEggokMIIKIDCCBN8GCSqGSIb3DQEHBqCCBNAwggTMAgEAMIIExQYJKoZIhvcNAQcB+/Aw==",
} as const;

/** Labels of the secrets found in `text` in any spelling and any case. */
export function leakedSecrets(text: string, secrets: Readonly<Record<string, string>> = SECRETS): string[] {
  const folded = text.toLowerCase();
  return Object.entries(secrets)
    .filter(([, value]) => secretSpellings(value).some((spelling) => folded.includes(spelling.toLowerCase())))
    .map(([label]) => label);
}

/** What the report shows of a message: its start, and how long it was when that is not all of it. */
const SHOWN_MESSAGE_CHARS = 400;

/**
 * Runs `attack` against a client of a server that answers as `answer` (loopback, plain HTTP), and
 * reports: refused when the client failed with the request's method, path and status still in
 * the message; leaked, any of `secrets` in any spelling there.
 */
async function onEchoingServer(
  answer: (request: SeenRequest) => Answer,
  attack: (client: Vb365Client) => Promise<unknown>,
  says: string,
  secrets: Readonly<Record<string, string>> = SECRETS,
): Promise<HostileOutcome> {
  const server = await startEchoServer(answer);
  const config: Record<string, string> = { "vb365:url": server.url, "vb365:username": "admin", "vb365:password": SECRETS["VB365 password"] };
  const client = new Vb365Client(resolveConnection({ config: (key) => config[key], env: {} }), { retryPolicy: { maxRetries: 0, minDelayMs: 1, maxDelayMs: 1 } });
  try {
    await attack(client);
    return { refused: false, message: "the request succeeded", leaked: [], halfCreated: [] };
  } catch (error) {
    const message = (error as Error).message;
    const shown = message.length > SHOWN_MESSAGE_CHARS ? `${message.slice(0, SHOWN_MESSAGE_CHARS)}… (${message.length} characters)` : message;
    return { refused: message.startsWith(says), message: shown, leaked: leakedSecrets(`${message}\n${(error as Error).stack ?? ""}`, secrets), halfCreated: [] };
  } finally {
    await client.close();
    await server.close();
  }
}

const refusedToken = (description: string): Answer => ({ status: 400, body: { error: "invalid_grant", error_description: description } });

/** A server whose token route grants once, then refuses whatever comes, quoting `echo` of it; every other route answers 401. */
function renewalQuoting(echo: (fields: Record<string, string>) => string): (request: SeenRequest) => Answer {
  let grants = 0;
  return (request) => {
    if (request.path !== "/v8/token") return { status: 401, body: { message: "The token expired." } };
    return grants++ === 0 ? tokenGranted(SECRETS["access token"], SECRETS["refresh token"]) : refusedToken(echo(formFields(request.body)));
  };
}

/** A create whose body carries an application secret and a PFX with its password, refused by a server that quotes it. */
function createQuotingBody(): (request: SeenRequest) => Answer {
  return (request) =>
    request.path === "/v8/token"
      ? tokenGranted(SECRETS["access token"], SECRETS["refresh token"])
      : { status: 400, body: { message: `Cannot add ${request.body}; sent with ${request.headers.authorization}.`, errorCode: `Bad ${SECRETS["PFX password"].toUpperCase()}` } };
}

const organizationBody = {
  name: "contoso.onmicrosoft.com",
  exchangeOnlineSettings: {
    applicationSecret: SECRETS["application secret"],
    applicationCertificate: SECRETS.PFX,
    applicationCertificatePassword: SECRETS["PFX password"],
  },
};

/** A PFX at the size its bounds allow (60 KiB, base64) and its password, in a create's body that the server quotes back. */
async function createQuotingLargePfx(): Promise<HostileOutcome> {
  const secrets = { ...SECRETS, "PFX of 60 KiB": randomBytes(60 * 1024).toString("base64") };
  const body = { name: "contoso.onmicrosoft.com", exchangeOnlineSettings: { applicationCertificate: secrets["PFX of 60 KiB"], applicationCertificatePassword: secrets["PFX password"] } };
  return onEchoingServer(
    (request) => (request.path === "/v8/token" ? tokenGranted(SECRETS["access token"], SECRETS["refresh token"]) : { status: 400, body: { message: `Cannot add ${request.body}.` } }),
    (client) => client.createOrganization(body),
    'VB365 POST /v8/Organizations failed with 400: Cannot add {"name":"contoso.onmicrosoft.com","exchangeOnlineSettings":{"applicationCertificate":"[secret]","applicationCertificatePassword":"[secret]"}}.',
    secrets,
  );
}

/** Just under the bound of an error body the client reads (1 MiB): the most a server can make redaction work through. */
const ERROR_BODY_BYTES = 1_000_000;
const LISTING_FAILED = "VB365 GET /v8/Organizations?offset=0&limit=10000 failed with 400: ";

/** A listing refused with `unit` repeated as Veeam's message, as often as an error body of about 1 MB holds. */
function listingRefusedWith(unit: string): (request: SeenRequest) => Answer {
  const message = unit.repeat(Math.floor(ERROR_BODY_BYTES / JSON.stringify(unit).length));
  return (request) => (request.path === "/v8/token" ? tokenGranted(SECRETS["access token"], SECRETS["refresh token"]) : { status: 400, body: { message } });
}

/** The password JSON-escaped twice, behind 4,096 backslashes, its last letter wrong: each a near-match of a spelling. */
const NEAR_MATCH = `${"\\".repeat(4096)}${JSON.stringify(jsonEscaped(SECRETS["VB365 password"])).slice(1, -2)}#`;

/** `vb365 tenants export --json` against `server`; its stdout and stderr together. */
async function cliOutput(server: EchoServer): Promise<{ code: number; output: string }> {
  const io = capturedIo({ VB365_PASSWORD: SECRETS["VB365 password"], VB365_DEBUG: "1" });
  const code = await main(["tenants", "export", "--url", server.url, "--username", "admin", "--json"], io);
  return { code, output: io.out() + io.err() };
}

/** Hostile inputs of the redaction area: a server that quotes back the secrets it was sent. */
export function redactionCases(): HostileCase[] {
  const list = (client: Vb365Client) => client.listOrganizations();
  return [
    {
      id: "a token route that echoes the form, password included, in error_description",
      area: AREA,
      run: () => onEchoingServer((request) => refusedToken(`Refused: ${request.body}`), list, "VB365 POST /v8/token failed with 400: Refused: grant_type=password&username=admin&password=[secret]"),
    },
    {
      id: "a token route that echoes the refresh token of a renewal, and the tokens again when the password grant follows",
      area: AREA,
      run: () =>
        onEchoingServer(
          renewalQuoting((fields) => `Refused ${fields.refresh_token ?? SECRETS["refresh token"]} after ${SECRETS["access token"]}.`),
          list,
          "VB365 POST /v8/token failed with 400: Refused [secret] after [secret].",
        ),
    },
    {
      id: "a token route that echoes the password JSON-escaped (quote, backslash, \\uXXXX)",
      area: AREA,
      run: () => onEchoingServer(() => refusedToken(`Refused {"password":"${jsonEscaped(SECRETS["VB365 password"])}"}`), list, 'VB365 POST /v8/token failed with 400: Refused {"password":"[secret]"}'),
    },
    {
      id: "a token route that echoes the password upper-cased and lower-cased",
      area: AREA,
      run: () =>
        onEchoingServer(
          () => refusedToken(`Refused ${SECRETS["VB365 password"].toUpperCase()} / ${SECRETS["VB365 password"].toLowerCase()}`),
          list,
          "VB365 POST /v8/token failed with 400: Refused [secret] / [secret]",
        ),
    },
    {
      id: "a REST error that echoes the body's application secret, PFX and PFX password, and the bearer token",
      area: AREA,
      run: () =>
        onEchoingServer(createQuotingBody(), (client) => client.createOrganization(organizationBody), 'VB365 POST /v8/Organizations failed with 400: Cannot add {"name":"contoso.onmicrosoft.com"'),
    },
    {
      id: "a REST error that echoes a create's body carrying a 60 KiB PFX and its password",
      area: AREA,
      run: createQuotingLargePfx,
    },
    {
      id: "a REST error whose message is half a million backslashes (a 1 MB body)",
      area: AREA,
      run: () => onEchoingServer(listingRefusedWith("\\"), list, `${LISTING_FAILED}${"\\".repeat(8192)}…`),
    },
    {
      id: "a REST error whose message is 1 MB of near-matches of the password's spellings, each behind 4,096 backslashes",
      area: AREA,
      run: () => onEchoingServer(listingRefusedWith(NEAR_MATCH), list, `${LISTING_FAILED}${NEAR_MATCH}`),
    },
    {
      id: "the CLI's output (stderr, --json, VB365_DEBUG) for a token error that echoes the form",
      area: AREA,
      run: async () => {
        const server = await startEchoServer((request) => ({ status: 403, body: { error: "access_denied", error_description: `Refused: ${request.body}` } }));
        try {
          const { code, output } = await cliOutput(server);
          const kept = output.includes("VB365 POST /v8/token failed with 403: Refused: grant_type=password&username=admin&password=[secret]");
          return { refused: code === 3 && kept, message: `exit ${code}: ${output}`, leaked: leakedSecrets(output), halfCreated: [] };
        } finally {
          await server.close();
        }
      },
    },
  ];
}
