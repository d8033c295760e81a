import { expect } from "chai";
import { describe, it } from "mocha";
import { openConnection } from "../../../cli/connection/open";
import type { FailureContext } from "../../../cli/failure";
import { main } from "../../../cli/main";
import { parseTenantsExportArgs } from "../../../cli/tenants/export/args";
import { rejection } from "../../helpers/rejection";
import { capturedIo } from "../../helpers/captured-io";

// Addresses of other machines are only strings here: the refusal comes before any request.
describe("vb365 commands and plain http://", () => {
  it("refuse http:// to another machine before any request, with the flag that allows it", async () => {
    const io = capturedIo({ VB365_PASSWORD: "pw" });
    expect(await main(["tenants", "export", "--url", "http://192.0.2.50:4443", "--username", "admin"], io)).to.equal(2);
    expect(io.err()).to.equal(
      "vb365 tenants export: vb365:url (or VB365_URL) is http://192.0.2.50:4443: plain http:// would send the VB365 password and tokens across the network unencrypted, " +
        "so it is only accepted for this machine (localhost, 127.0.0.0/8, ::1). Use https:// (https://192.0.2.50:4443), or, to send them unencrypted anyway, " +
        "set vb365:allowInsecureHttp (or VB365_ALLOW_INSECURE_HTTP) to true.\n" +
        "For the command: --allow-insecure-http, or VB365_ALLOW_INSECURE_HTTP=1, or vb365:allowInsecureHttp in the stack config. Better: the server's https:// address.\n",
    );
  });

  it("take --allow-insecure-http, and then warn on stderr once that the password crosses the network unencrypted", async () => {
    const flags = parseTenantsExportArgs(["--url", "http://192.0.2.51:4443", "--username", "admin", "--allow-insecure-http"]);
    expect(flags).to.deep.include({ allowInsecureHttp: true });
    const io = capturedIo({ VB365_PASSWORD: "pw" });
    const opened = await openConnection(flags, io, {});
    await openConnection(flags, io, {});
    expect(opened.settings).to.deep.include({ url: "http://192.0.2.51:4443", allowInsecureHttp: true });
    expect(io.err()).to.equal(
      "Warning: plain HTTP to http://192.0.2.51:4443 is allowed (allowInsecureHttp): the VB365 password and tokens cross the network unencrypted. Use https:// instead.\n",
    );
  });

  it("say that --allow-insecure-http is part of the connection --connection replaces", async () => {
    const io = capturedIo({});
    expect(await main(["tenants", "export", "--stack", "prod", "--connection", "eu", "--allow-insecure-http"], io)).to.equal(2);
    expect(io.err()).to.contain("--connection takes the whole connection from vb365:connections.eu in the stack config; drop --allow-insecure-http or --connection.");
  });

  it("note the password for every failure report to redact", async () => {
    const context: FailureContext = {};
    await openConnection({ url: "https://vb365.example.invalid:4443", username: "admin", insecure: false }, capturedIo({ VB365_PASSWORD: "the-password" }), context);
    expect(context.secrets?.redact("echo: the-password")).to.equal("echo: [secret]");
    expect(await rejection(openConnection({ url: "http://192.0.2.52", username: "admin", insecure: false }, capturedIo({ VB365_PASSWORD: "pw" }), {}))).to.have.property("code", "insecure_http");
  });
});
