import * as grpc from "@grpc/grpc-js";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { pluginConfig } from "../../../../provider/plugin/config";
import { Vb365PluginProvider } from "../../../../provider/plugin/provider";
import { isSecret, secret } from "../../../../provider/plugin/secrets";
import { serve } from "../../../../provider/plugin/server";
import { endsWithin, fakeEngine, launchPlugin } from "../../../helpers/plugin-launch";
import type { HostileCase, HostileOutcome } from "./case";

type Values = Record<string, unknown>;
const AREA = "plugin";
/** What a program marked secret, and must never find in plain text in what the plugin returns. */
const MARKED = { friendlyName: "Contoso restricted PFX 4711", nextFriendlyName: "Contoso restricted PFX 4712", jobName: "contoso-vip-mailboxes-4711", jobDescription: "Board members only, case 4711" };

/** Hostile inputs of the plugin area: secrets a program marked on fields the definition does not call secret, and a plugin left without its parent. */
export function pluginCases(): HostileCase[] {
  return [
    { id: "a TenantCertificate's friendlyName marked secret, through check, create, update and read", area: AREA, run: certificateFriendlyName },
    { id: "a BackupJob's name and description marked secret, through check", area: AREA, run: jobNameAndDescription },
    { id: "a plugin process whose parent is killed", area: AREA, run: orphanedPlugin },
  ];
}

async function certificateFriendlyName(): Promise<HostileOutcome> {
  return withPlugin(async (call) => {
    const type = "vb365:index:TenantCertificate";
    const urn = `urn:pulumi:dev::hostile::${type}::cert`;
    const check = async (friendlyName: string) =>
      (await call<proto.CheckResponse>("check", new proto.CheckRequest().setUrn(urn).setType(type).setOlds(struct({})).setNews(struct({ subject: { commonName: "contoso VB365" }, friendlyName: secret(friendlyName) })))).getInputs()!;
    const inputs = await check(MARKED.friendlyName);
    const created = await call<proto.CreateResponse>("create", new proto.CreateRequest().setUrn(urn).setType(type).setProperties(inputs));
    const nextInputs = await check(MARKED.nextFriendlyName);
    const updated = await call<proto.UpdateResponse>("update", new proto.UpdateRequest().setId(created.getId()).setUrn(urn).setType(type).setOlds(created.getProperties()).setNews(nextInputs));
    const read = await call<proto.ReadResponse>("read", new proto.ReadRequest().setId(created.getId()).setUrn(urn).setType(type).setProperties(updated.getProperties()).setInputs(nextInputs));
    return {
      "check's inputs": inputs,
      "create's outputs": created.getProperties(),
      "update's outputs": updated.getProperties(),
      "a refresh's outputs": read.getProperties(),
      "a refresh's inputs": read.getInputs(),
    };
  });
}

async function jobNameAndDescription(): Promise<HostileOutcome> {
  return withPlugin(async (call) => {
    const type = "vb365:index:BackupJob";
    const news = { organizationId: "6b7c2d3e-0000-4000-8000-000000000001", repositoryName: "Default Backup Repository", name: secret(MARKED.jobName), description: secret(MARKED.jobDescription) };
    const checked = await call<proto.CheckResponse>("check", new proto.CheckRequest().setUrn(`urn:pulumi:dev::hostile::${type}::vip`).setType(type).setName("vip").setOlds(struct({})).setNews(struct(news)));
    // A refused check echoes what it was given; only checked inputs say what the plugin keeps.
    const failures = checked.getFailuresList().map((failure) => `${failure.getProperty()}: ${failure.getReason()}`);
    if (failures.length > 0) throw new Error(`check refused the job: ${failures.join("; ")}`);
    return { "check's inputs": checked.getInputs() };
  });
}

/** The plugin as the engine starts it, its parent killed: it must end, not keep its memory on the machine. */
async function orphanedPlugin(): Promise<HostileOutcome> {
  const engine = await fakeEngine();
  const plugin = await launchPlugin(engine.address, "shell");
  try {
    plugin.parent.kill("SIGKILL");
    const ended = await endsWithin(plugin.pid, 1_500);
    return { refused: ended, message: ended ? "the plugin ended when its parent was killed" : `the plugin (pid ${plugin.pid}) still ran 1.5 s after its parent was killed`, leaked: [], halfCreated: ended ? [] : [`plugin process ${plugin.pid}`] };
  } finally {
    plugin.dispose();
    engine.stop();
  }
}

type Call = <Response>(method: string, request: object) => Promise<Response>;

/**
 * Serves the plugin in this process, runs `steps` over gRPC as the engine would, and reports as
 * leaked every step whose returned values hold one of MARKED's texts outside a secret mark.
 */
async function withPlugin(steps: (call: Call) => Promise<Record<string, Struct | undefined>>): Promise<HostileOutcome> {
  const provider = new Vb365PluginProvider();
  // A connection that is never called: check, and a certificate's whole life, make no request.
  provider.configure(pluginConfig({ url: "https://vb365.example.invalid:4443", username: "admin", password: secret("never-sent") }, {}));
  const { port, server } = await serve({ version: "0.0.0", schema: () => "{}", provider });
  const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call: Call = (method, request) =>
    new Promise((resolve, reject) => {
      const unary = (client as unknown as Record<string, (request: object, callback: (error: grpc.ServiceError | null, response: never) => void) => void>)[method]!;
      unary.call(client, request, (error, response) => (error ? reject(error) : resolve(response)));
    });
  try {
    const returned = Object.entries(await steps(call)).filter((entry): entry is [string, Struct] => entry[1] !== undefined);
    const leaked = returned.flatMap(([step, values]) => Object.entries(MARKED).filter(([, text]) => JSON.stringify(withoutSecrets(values.toJavaScript())).includes(text)).map(([label]) => `${label} in ${step}`));
    return { refused: leaked.length === 0, message: leaked.length === 0 ? `kept marked secret in ${returned.map(([step]) => step).join(", ")}` : `returned in plain text: ${leaked.join("; ")}`, leaked, halfCreated: [] };
  } finally {
    client.close();
    server.forceShutdown();
  }
}

function withoutSecrets(value: unknown): unknown {
  if (isSecret(value)) return "[secret]";
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutSecrets(inner)]));
  return value;
}

function struct(values: Values): Struct {
  return Struct.fromJavaScript(values as Parameters<typeof Struct.fromJavaScript>[0]);
}
