import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { expect } from "chai";
import { after, describe, it } from "mocha";
import { startEmulator, type Emulator } from "../../../emulator";
import { send, useEmulator } from "../../helpers/emulator";
import { postOversized } from "../../helpers/oversized-request";

const LIMIT = 1024 * 1024;
const TOO_LARGE = { message: `The request body is larger than ${LIMIT} bytes, the most the emulator reads.`, errorCode: "HttpError", stackTrace: null };

/** Ordinary JSON of about `bytes` bytes: at 1.2 MB, a parser slower than linear would stall on it for tens of seconds. */
function ordinaryJson(bytes: number): string {
  const items = Array.from({ length: Math.ceil(bytes / 60) }, (_, id) => ({ id, name: `user-${id}@contoso.onmicrosoft.com` }));
  return JSON.stringify({ grant_type: "password", username: "admin", password: "x", items });
}

/**
 * A POST that asks first (Expect: 100-continue), as curl does for large bodies, and sends the
 * body only when the server says 100 Continue; resolves with whether it did, and the status.
 */
function askFirst(emulator: Emulator, path: string, body: string, declaredBytes = Buffer.byteLength(body)): Promise<{ continued: boolean; status: number }> {
  const url = new URL(path, emulator.url);
  const requester = url.protocol === "https:" ? httpsRequest : httpRequest;
  const headers = { expect: "100-continue", "content-type": "application/x-www-form-urlencoded", "content-length": String(declaredBytes) };
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = requester(url, { method: "POST", headers, agent: false, ca: emulator.caPem }, (res) => {
      res.resume();
      res.on("end", () => {
        req.destroy();
        resolve({ continued, status: res.statusCode ?? 0 });
      });
    });
    req.on("continue", () => {
      continued = true;
      req.end(body);
    });
    req.on("error", reject);
  });
}

describe("emulator request guard", () => {
  for (const http of [true, false]) {
    describe(http ? "over HTTP" : "over HTTPS", () => {
      const fixture = useEmulator({ http });
      const port = () => fixture.current.port;

      describe("body size", () => {
        it("answers 413 to 1.2 MB of JSON on the token route, in the version's shape, at once", async () => {
          const started = performance.now();
          const response = await send(fixture.current, "POST", "/v8/token", { raw: ordinaryJson(1_200_000), contentType: "application/json" });
          expect(performance.now() - started).to.be.below(2_000);
          expect(response.status).to.equal(413);
          expect(response.headers.connection).to.equal("close");
          expect(response.body).to.deep.equal(TOO_LARGE);
        });

        it("answers 413 to 1.2 MB of JSON on the control API", async () => {
          const response = await send(fixture.current, "POST", "/__emulator/faults", { raw: ordinaryJson(1_200_000), contentType: "application/json" });
          expect(response.status).to.equal(413);
          expect(response.body).to.deep.equal({ message: TOO_LARGE.message });
        });

        it("refuses a 20 MB body by its Content-Length, having read almost none of it", async () => {
          const started = performance.now();
          const answer = await postOversized(fixture.current, "/v6/token", { bytes: 20 * 1024 * 1024 });
          expect(performance.now() - started).to.be.below(2_000);
          expect(answer.status).to.equal(413);
          expect(JSON.parse(answer.text)).to.deep.equal({ message: TOO_LARGE.message });
          expect(answer.bytesWritten).to.be.below(20 * 1024 * 1024);
        });

        it("stops reading a chunked body at the limit, which declared no length", async () => {
          const answer = await postOversized(fixture.current, "/v8/token", { bytes: 20 * 1024 * 1024, chunked: true, contentType: "application/x-www-form-urlencoded" });
          expect(answer.status).to.equal(413);
          expect(answer.bytesWritten).to.be.below(20 * 1024 * 1024);
        });

        it("answers a client that asks first (Expect: 100-continue) with 413 instead of 100 Continue when the body is too large", async () => {
          expect(await askFirst(fixture.current, "/v8/token", "", 20 * 1024 * 1024)).to.deep.equal({ continued: false, status: 413 });
          expect(await askFirst(fixture.current, "/v8/token", "username=admin&password=vb365-emulator")).to.deep.equal({ continued: true, status: 200 });
        });

        it("takes a body of exactly the limit, and a form as large", async () => {
          const padding = " ".repeat(LIMIT - '{"grant_type":"password","username":"admin","password":"vb365-emulator"}'.length);
          const json = await send(fixture.current, "POST", "/v8/token", { raw: `{"grant_type":"password","username":"admin","password":"vb365-emulator"}${padding}`, contentType: "application/json" });
          expect(json.status, json.text).to.equal(200);
          const form = "grant_type=password&username=admin&password=vb365-emulator&x=";
          expect((await send(fixture.current, "POST", "/v8/token", { raw: form.padEnd(LIMIT, "a"), contentType: "application/x-www-form-urlencoded" })).status).to.equal(200);
          expect((await send(fixture.current, "POST", "/v8/token", { raw: form.padEnd(LIMIT + 1, "a"), contentType: "application/x-www-form-urlencoded" })).status).to.equal(413);
        });
      });

      describe("Host", () => {
        it("answers only to localhost, 127.0.0.1 and [::1]: a rebound name or none gets 400, control API and token route alike", async () => {
          for (const host of [`localhost:${port()}`, `127.0.0.1:${port()}`, `[::1]:${port()}`, `LOCALHOST:${port()}`]) {
            expect((await send(fixture.current, "GET", "/__emulator/ping", { headers: { host } })).status, host).to.equal(200);
            expect((await send(fixture.current, "POST", "/v8/token", { form: { username: "admin", password: "vb365-emulator" }, headers: { host } })).status, host).to.equal(200);
          }
          fixture.current.resetCounters();
          const allowed = "localhost, 127.0.0.1, [::1] on any port";
          // Over HTTPS a name the certificate does not carry fails the client's own check first,
          // so a rebinding page cannot get that far; the server's refusal shows with addresses.
          const hosts = [`127.0.0.1:${port()}x`, `127.0.0.2:${port()}`, ...(http ? [`attacker.example:${port()}`, `evil.example:${port()}`, `localhost.:${port()}`, `user@127.0.0.1:${port()}`] : [])];
          for (const host of hosts) {
            const message = `The Host header '${host}' does not name this emulator, which answers to ${allowed}; another name needs --allowed-host (allowedHosts).`;
            const control = await send(fixture.current, "POST", "/__emulator/reset", { headers: { host } });
            expect(control.status, host).to.equal(400);
            expect(control.body).to.deep.equal({ message });
            const token = await send(fixture.current, "POST", "/v7/token", { form: { username: "admin", password: "vb365-emulator" }, headers: { host } });
            expect(token.status, host).to.equal(400);
            expect(token.body).to.deep.equal({ message, errorCode: null });
          }
          expect(fixture.current.counters().byStatus).to.deep.equal({ "400": hosts.length });
        });

        it("serves its names on a port other than its own, as a forwarded port (docker -p 18443:8443, kubectl port-forward, ssh -L) shows it", async () => {
          for (const host of ["localhost:18443", `127.0.0.1:${port() + 1}`, "[::1]:443", "localhost"]) {
            expect((await send(fixture.current, "GET", "/__emulator/ping", { headers: { host } })).status, host).to.equal(200);
            expect((await send(fixture.current, "POST", "/v8/token", { form: { username: "admin", password: "vb365-emulator" }, headers: { host } })).status, host).to.equal(200);
          }
          // The control API's own origin is the forwarded one, as the browser shows it.
          const own = `${http ? "http" : "https"}://localhost:18443`;
          const patched = await send(fixture.current, "PATCH", "/__emulator/settings", { json: { tokenLifetimeSeconds: 60 }, headers: { host: "localhost:18443", origin: own } });
          expect(patched.status, patched.text).to.equal(200);
          expect((await send(fixture.current, "POST", "/__emulator/reset", { headers: { host: "localhost:18443", origin: `${http ? "http" : "https"}://localhost:${port()}` } })).status).to.equal(403);
          if (http) expect((await send(fixture.current, "POST", "/__emulator/reset", { headers: { host: "evil.example:18443" } })).status).to.equal(400);
        });
      });

      describe("control API", () => {
        it("refuses an Origin other than its own with 403, and changes nothing", async () => {
          const own = `${http ? "http" : "https"}://127.0.0.1:${port()}`;
          for (const origin of ["https://attacker.example", "null", `${http ? "https" : "http"}://127.0.0.1:${port()}`, `http://localhost:${port() + 1}`]) {
            const response = await send(fixture.current, "PATCH", "/__emulator/settings", { json: { tokenLifetimeSeconds: 5 }, headers: { origin } });
            expect(response.status, origin).to.equal(403);
            expect(response.body).to.deep.equal({ message: `The control API answers requests from its own origin (${own}) only, not from '${origin}'.` });
            expect((await send(fixture.current, "GET", "/__emulator/device-codes", { headers: { origin } })).status, origin).to.equal(403);
          }
          expect(fixture.current.settings().tokenLifetimeSeconds).to.equal(3600);
          expect((await send(fixture.current, "PATCH", "/__emulator/settings", { json: { tokenLifetimeSeconds: 5 }, headers: { origin: own } })).status).to.equal(200);
        });

        it("takes application/json bodies only: 415 for text/plain, a form or no Content-Type, before anything changes", async () => {
          const body = JSON.stringify({ name: "mallory", password: "from-a-web-page" });
          for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/json"]) {
            const response = await send(fixture.current, "POST", "/__emulator/users", { raw: body, contentType });
            expect(response.status, contentType).to.equal(415);
            expect(response.body).to.deep.equal({ message: `The control API takes application/json bodies only, not '${contentType}'.` });
          }
          const untyped = await send(fixture.current, "POST", "/__emulator/users", { raw: body });
          expect(untyped.body).to.deep.equal({ message: "The control API takes application/json bodies only, not a body without Content-Type." });
          expect(fixture.current.state().users).to.deep.equal(["admin"]);
          expect((await send(fixture.current, "POST", "/__emulator/users", { raw: body, contentType: "Application/JSON; charset=utf-8" })).status).to.equal(204);
          expect((await send(fixture.current, "POST", "/__emulator/reset")).status).to.equal(204);
        });
      });
    });
  }

  describe("listening beyond loopback", () => {
    const started: Emulator[] = [];
    after(() => Promise.all(started.map((emulator) => emulator.close())));

    it("is refused without allowRemote", async () => {
      let refusal: unknown;
      try {
        started.push(await startEmulator({ host: "0.0.0.0", http: true }));
      } catch (error) {
        refusal = error;
      }
      expect((refusal as Error).message).to.equal(
        'startEmulator: host "0.0.0.0" is beyond loopback: anyone who can reach it could use the control API (/__emulator), which has no password. Listen on 127.0.0.1 (the default), or add allowRemote: true to mean it.',
      );
    });

    it("warns with allowRemote, and still answers only the names of this machine and those allowed", async () => {
      const lines: string[] = [];
      const emulator = await startEmulator({ host: "0.0.0.0", http: true, allowRemote: true, allowedHosts: ["vb365.internal"], logger: (line) => lines.push(line) });
      started.push(emulator);
      expect(lines).to.deep.equal([
        `vb365-emulator: warning: listening beyond loopback at http://0.0.0.0:${emulator.port}: anyone who can reach it can read and change everything through the control API (/__emulator), which has no password. Use it only on a network you trust.`,
      ]);
      const via = (host: string) => send({ ...emulator, url: `http://127.0.0.1:${emulator.port}` }, "GET", "/__emulator/ping", { headers: { host } });
      expect((await via(`127.0.0.1:${emulator.port}`)).status).to.equal(200);
      expect((await via(`0.0.0.0:${emulator.port}`)).status).to.equal(200);
      expect((await via(`VB365.internal:${emulator.port}`)).status).to.equal(200);
      expect((await via(`VB365.internal:18443`)).status).to.equal(200);
      const refused = await via(`attacker.example:${emulator.port}`);
      expect(refused.status).to.equal(400);
      expect(refused.body).to.deep.equal({
        message: `The Host header 'attacker.example:${emulator.port}' does not name this emulator, which answers to localhost, 127.0.0.1, [::1], 0.0.0.0, vb365.internal, this machine's addresses and host name on any port; another name needs --allowed-host (allowedHosts).`,
      });
    });
  });
});
