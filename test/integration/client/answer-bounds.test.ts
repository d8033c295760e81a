import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "chai";
import { afterEach, describe, it } from "mocha";
import { resolveConnection, Vb365ApiError, Vb365Client } from "../../../provider/client";
import { type Answer, type SeenRequest, startEchoServer, tokenGranted } from "../../helpers/echo-server";
import { rejection } from "../../helpers/rejection";

const PASSWORD = "Pä-ssword-of-the-bounds";
const LISTING = "VB365 GET /v8/Organizations?offset=0&limit=10000";

describe("VB365 client: a server that says too much", () => {
  const closers: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  function clientOf(url: string): Vb365Client {
    const config: Record<string, string> = { "vb365:url": url, "vb365:username": "admin", "vb365:password": PASSWORD };
    const client = new Vb365Client(resolveConnection({ config: (key) => config[key], env: {} }), { retryPolicy: { maxRetries: 0, minDelayMs: 1, maxDelayMs: 1 } });
    closers.push(() => client.close());
    return client;
  }

  async function listingAnswered(answer: Answer): Promise<Error> {
    const server = await startEchoServer((request: SeenRequest) => (request.path === "/v8/token" ? tokenGranted("access-token-1111", "refresh-token-2222") : answer));
    closers.push(() => server.close());
    return rejection(clientOf(server.url).listOrganizations());
  }

  it("states 8 KiB of Veeam's message, cut after the secrets in it were redacted", async () => {
    const error = await listingAnswered({ status: 400, body: { message: `${"x".repeat(8190)}${PASSWORD}${"y".repeat(10_000)}` } });
    expect(error.message).to.equal(`${LISTING} failed with 400: ${"x".repeat(8190)}[s…`);
  });

  it("does not read an error body over 1 MiB, and says so with method, path and status", async () => {
    const error = await listingAnswered({ status: 400, body: { message: "x".repeat(1024 * 1024) } });
    expect(error).to.be.instanceOf(Vb365ApiError);
    expect(error.message).to.equal(`${LISTING} failed with 400: the answer's body is over 1 MiB, more than any VB365 error; it was not read`);
  });

  it("does not read a listing over 128 MiB, and says so with method, path and status", async () => {
    const megabyte = Buffer.alloc(1024 * 1024, " ");
    const server = http.createServer((request, response) => {
      request.resume().on("end", () => {
        if (request.url === "/v8/token") {
          response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(tokenGranted("access-token-1111", "refresh-token-2222").body));
          return;
        }
        // 129 MiB of whitespace before the page: written as the client reads, until it stops.
        response.writeHead(200, { "content-type": "application/json" });
        let written = 0;
        const more = (): void => {
          while (written < 129) {
            written++;
            if (!response.write(megabyte)) {
              response.once("drain", more);
              return;
            }
          }
          response.end('{"results":[]}');
        };
        more();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    const error = await rejection(clientOf(`http://127.0.0.1:${(server.address() as AddressInfo).port}`).listOrganizations());
    expect(error.message).to.equal(`${LISTING} failed with 200: the answer's body is over 128 MiB, more than any VB365 answer; it was not read`);
  });
});
