import * as path from "node:path";
import type * as Grpc from "@grpc/grpc-js";
import { commandLineOf } from "./command-line";

type EndReason = "cancelled" | "engine gone" | "parent gone";

export interface LifetimeOptions {
  grpc: typeof Grpc;
  server: Grpc.Server;
  /** The engine's address (`127.0.0.1:port`), the plugin's last argument; without one, only the parent is watched. */
  engineAddress?: string;
}

export interface PluginLifetime {
  /** The engine sent Cancel: calls under way answer, new ones are refused, then the process ends. */
  cancelled(): void;
}

/** How often the parent is looked at; the engine is asked every fourth time while the plugin serves. */
const INTERVAL_MS = 250;
/** Refused connections in a row that make the engine gone: one could be a port being reused. */
const ENGINE_STRIKES = 2;

/**
 * The plugin's process ends when the engine is done with it, whatever the command and the
 * language host that started it: at the engine's Cancel (sent before it closes a provider, and on
 * Ctrl-C), when the engine's own gRPC server stops answering (the CLI has exited, or was
 * killed), or when its parent process is gone.
 *
 * Pulumi's Node.js language host (pulumi-language-nodejs, whose `run-plugin` runs the plugin)
 * starts the plugin without tying it to the engine's request, and the engine never closes the
 * host it started for plugins: each such host and its plugins outlived the CLI. So when the
 * parent is a language host serving the same engine, a cancelled plugin stays (serving nothing)
 * until the engine is gone and then interrupts the host, the signal Pulumi itself stops plugins
 * with: it has no one left to serve, and would otherwise wait up to five minutes for its own
 * health check to notice. Interrupting it earlier could refuse the engine's next plugin.
 */
export function watchLifetime(options: LifetimeOptions): PluginLifetime {
  const { grpc, server, engineAddress } = options;
  const parent = process.ppid;
  const parentIsLanguageHost = engineAddress !== undefined && isLanguageHostOf(parent, engineAddress);
  let state: "serving" | "closing" | "lingering" | "ended" = "serving";
  let ticks = 0;

  const finish = (reason: EndReason) => {
    if (state === "ended") return;
    state = "ended";
    clearInterval(timer);
    engine?.close();
    if (reason === "engine gone" && parentIsLanguageHost) interrupt(parent);
    server.forceShutdown();
    process.exit(0);
  };
  const engine = engineAddress ? engineWatch(grpc, engineAddress, () => finish("engine gone")) : undefined;
  const timer = setInterval(() => {
    if (process.ppid !== parent) return finish("parent gone");
    if (state === "lingering" || ++ticks % 4 === 0) engine?.check();
  }, INTERVAL_MS);
  // While the plugin serves, the watch never keeps the process alive by itself.
  timer.unref();

  return {
    cancelled() {
      if (state !== "serving") return;
      state = "closing";
      server.tryShutdown(() => {
        if (state !== "closing") return;
        if (!parentIsLanguageHost || !engine) return finish("cancelled");
        state = "lingering";
        timer.ref();
      });
    },
  };
}

/**
 * Asks the engine's gRPC health service, as Pulumi's own language hosts do (rpcutil.Healthcheck);
 * an engine that does not serve it (UNIMPLEMENTED) or answers late is alive, one that refuses
 * the connection is gone.
 */
function engineWatch(grpc: typeof Grpc, address: string, gone: () => void): { check(): void; close(): void } {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  let asking = false;
  let strikes = 0;
  const identity = (bytes: Buffer) => bytes;
  return {
    check() {
      if (asking) return;
      asking = true;
      // An empty grpc.health.v1.HealthCheckRequest (every service) is zero bytes on the wire.
      client.makeUnaryRequest("/grpc.health.v1.Health/Check", identity, identity, Buffer.alloc(0), { deadline: Date.now() + 5_000 }, (error) => {
        asking = false;
        strikes = error?.code === grpc.status.UNAVAILABLE ? strikes + 1 : 0;
        if (strikes >= ENGINE_STRIKES) gone();
      });
    },
    close: () => client.close(),
  };
}

/**
 * Whether `pid` is a Pulumi language host (pulumi-language-*) given `engineAddress`; false where
 * its command line cannot be read (Windows), and the host then ends at its own health check.
 */
function isLanguageHostOf(pid: number, engineAddress: string): boolean {
  const commandLine = commandLineOf(pid) ?? [];
  return commandLine.some((part) => path.basename(part).startsWith("pulumi-language-")) && commandLine.includes(engineAddress);
}

function interrupt(pid: number): void {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    // Gone already.
  }
}
