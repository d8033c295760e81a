import * as fs from "node:fs";
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { expect } from "chai";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { afterEach, describe, it } from "mocha";
import { setTimeout as sleep } from "node:timers/promises";
import { eventually } from "../../helpers/eventually";
import { endsWithin, fakeEngine, isRunning, type LaunchedPlugin, launchPlugin } from "../../helpers/plugin-launch";

/** Generous: the plugin looks at its parent four times a second and at the engine once a second. */
const ENDS_WITHIN_MS = 5_000;

function cancel(port: number): Promise<void> {
  const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return new Promise<void>((resolve, reject) => client.cancel(new Empty(), (error) => (error ? reject(error) : resolve()))).finally(() => client.close());
}

// The plugin's process, started from dist/ as the engine starts it, ends when the engine is done
// with it (provider/plugin/lifetime.ts): a plugin that outlives its engine, or keeps the language
// host of a YAML program alive, leaves processes running after every up once the CLI has exited.
describe("the vb365 plugin's process", () => {
  const started: Array<{ plugin?: LaunchedPlugin; stopEngine: () => void }> = [];
  afterEach(() => {
    for (const { plugin, stopEngine } of started.splice(0)) {
      plugin?.dispose();
      stopEngine();
    }
  });
  const launched = async (parent: "shell" | "language host") => {
    const engine = await fakeEngine();
    const entry: { plugin?: LaunchedPlugin; stopEngine: () => void } = { stopEngine: engine.stop };
    started.push(entry);
    entry.plugin = await launchPlugin(engine.address, parent);
    return { engine, plugin: entry.plugin };
  };

  it("ends once it has answered the engine's Cancel", async () => {
    const { plugin } = await launched("shell");
    await cancel(plugin.port);
    expect(await endsWithin(plugin.pid, ENDS_WITHIN_MS)).to.equal(true);
  });

  it("ends when the engine's server stops answering, as when the CLI exits or is killed", async () => {
    const { engine, plugin } = await launched("shell");
    engine.stop();
    expect(await endsWithin(plugin.pid, ENDS_WITHIN_MS)).to.equal(true);
  });

  it("ends when its parent process is gone", async () => {
    const { plugin } = await launched("shell");
    plugin.parent.kill("SIGKILL");
    expect(await endsWithin(plugin.pid, ENDS_WITHIN_MS)).to.equal(true);
  });

  it("started by the language host of the same engine, stays after a Cancel until the engine is gone, then interrupts that host", async () => {
    const { engine, plugin } = await launched("language host");
    await cancel(plugin.port);
    // Longer than the engine's check: the host may still be asked to run the engine's next plugin.
    await sleep(1_500);
    expect({ plugin: isRunning(plugin.pid), hostInterrupted: fs.existsSync(plugin.interruptedFile) }, "while the engine lives").to.deep.equal({ plugin: true, hostInterrupted: false });
    engine.stop();
    expect(await endsWithin(plugin.pid, ENDS_WITHIN_MS)).to.equal(true);
    await eventually(() => expect(fs.readFileSync(plugin.interruptedFile, "utf8")).to.equal("SIGINT\n"));
  });
});
