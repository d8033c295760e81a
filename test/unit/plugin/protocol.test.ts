import { expect } from "chai";
import { describe, it } from "mocha";
import { loadProtocol } from "../../../provider/plugin/protocol";
import { SERVED_METHODS } from "../../../provider/plugin/server";

// The plugin serves Pulumi's provider protocol on the installed SDK's own gRPC library and
// messages (protocol.ts): an SDK release that moves or renames them fails here, not in a user's up.
describe("the provider protocol the plugin is served on", () => {
  const protocol = loadProtocol();

  it("has every method the plugin answers, under the name the plugin answers it by", () => {
    const missing = SERVED_METHODS.filter((method) => !(method in protocol.service));
    expect(missing).to.deep.equal([]);
  });

  it("has the messages and setters the plugin builds its answers with", () => {
    const { provider, plugin, struct } = protocol;
    expect(new provider.ConfigureResponse().setAcceptsecrets(true).getAcceptsecrets()).to.equal(true);
    expect(new provider.CheckFailure().setProperty("p").setReason("r").getReason()).to.equal("r");
    expect(new provider.DiffResponse().setChanges(provider.DiffResponse.DiffChanges.DIFF_SOME).setReplacesList(["a"]).setDeletebeforereplace(true).getReplacesList()).to.deep.equal(["a"]);
    expect(new provider.ReadResponse().setId("x").setInputs(struct.Struct.fromJavaScript({ a: 1 })).getInputs()!.toJavaScript()).to.deep.equal({ a: 1 });
    expect(new plugin.PluginInfo().setVersion("1.2.3").getVersion()).to.equal("1.2.3");
    expect(typeof new protocol.empty.Empty()).to.equal("object");
    expect(typeof protocol.grpc.Server).to.equal("function");
    expect(protocol.grpc.status.UNKNOWN).to.equal(2);
  });
});
