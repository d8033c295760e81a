import type * as Grpc from "@grpc/grpc-js";
import type * as ProviderProto from "@pulumi/pulumi/proto/provider_pb";
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { configFailures, pluginConfig } from "./config";
import { loadProtocol, type Protocol } from "./protocol";
import type { Vb365PluginProvider } from "./provider";

type Values = Record<string, unknown>;
// Boundary: grpc-js hands each handler its call and callback; their message types are the proto classes.
type Handler = (call: { request: any }, callback: (error: Grpc.ServiceError | null, response?: unknown) => void) => void;

/** What the server needs besides the provider: its version and its schema, made on first ask. */
export interface ServedPlugin {
  version: string;
  schema: () => string;
  provider: Vb365PluginProvider;
  /** Called when the engine sends Cancel: it is done with the plugin (lifetime.ts). */
  onCancel?: () => void;
}

/**
 * Serves pulumirpc.ResourceProvider on a loopback port and returns it (the plugin prints it for
 * the engine). Methods the plugin does not implement (Invoke, Call, Construct, Parameterize…)
 * answer UNIMPLEMENTED, which the engine takes for "not supported".
 */
export async function serve(plugin: ServedPlugin, protocol: Protocol = loadProtocol()): Promise<{ port: number; server: Grpc.Server }> {
  const { grpc } = protocol;
  const server = new grpc.Server();
  server.addService(protocol.service, handlers(plugin, protocol));
  const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
  return { port, server };
}

/** The methods of pulumirpc.ResourceProvider the plugin answers, as grpc-js names them. */
export const SERVED_METHODS = ["getPluginInfo", "getSchema", "checkConfig", "diffConfig", "configure", "check", "diff", "create", "read", "update", "delete", "cancel", "attach"] as const;

function handlers(plugin: ServedPlugin, protocol: Protocol): Record<(typeof SERVED_METHODS)[number], Handler> {
  const { provider: proto, struct } = protocol;
  const { provider } = plugin;
  const toStruct = (values: Values | undefined): Struct => struct.Struct.fromJavaScript((values ?? {}) as Parameters<typeof struct.Struct.fromJavaScript>[0]);
  // A request's Struct may be absent (an import's read sends no properties).
  const fromStruct = (value: Struct | undefined): Values => (value ? (value.toJavaScript() as Values) : {});
  const unary = <Request>(work: (request: Request) => Promise<unknown>): Handler => (call, callback) => {
    work(call.request as Request).then(
      (response) => callback(null, response),
      (error: unknown) => callback(grpcError(protocol, error)),
    );
  };
  const failures = (list: Array<{ property: string; reason: string }>) =>
    list.map((failure) => new proto.CheckFailure().setProperty(failure.property).setReason(failure.reason));

  return {
    getPluginInfo: unary(async () => new protocol.plugin.PluginInfo().setVersion(plugin.version)),
    getSchema: unary(async (request: ProviderProto.GetSchemaRequest) => {
      if (request.getVersion() !== 0) throw new Error(`The vb365 provider serves schema version 0, not ${request.getVersion()}.`);
      return new proto.GetSchemaResponse().setSchema(plugin.schema());
    }),
    checkConfig: unary(async (request: ProviderProto.CheckRequest) => {
      const news = fromStruct(request.getNews());
      return new proto.CheckResponse().setInputs(request.getNews() ?? toStruct({})).setFailuresList(failures(configFailures(news)));
    }),
    // A changed address or password is a new connection, never a new organization.
    diffConfig: unary(async (request: ProviderProto.DiffRequest) => {
      const changed = JSON.stringify(fromStruct(request.getOlds())) !== JSON.stringify(fromStruct(request.getNews()));
      return new proto.DiffResponse().setChanges(changed ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE);
    }),
    // Without supportsPreview the engine never asks for a create or an update during a preview.
    configure: unary(async (request: ProviderProto.ConfigureRequest) => {
      const variables: Record<string, string> = Object.fromEntries(request.getVariablesMap().toArray());
      provider.configure(pluginConfig(fromStruct(request.getArgs()), variables));
      return new proto.ConfigureResponse().setAcceptsecrets(true);
    }),
    check: unary(async (request: ProviderProto.CheckRequest) => {
      const result = await provider.check(typeOf(request), nameOf(request), fromStruct(request.getOlds()), fromStruct(request.getNews()));
      return new proto.CheckResponse().setInputs(toStruct((result.inputs as Values | undefined) ?? fromStruct(request.getNews()))).setFailuresList(failures(result.failures ?? []));
    }),
    diff: unary(async (request: ProviderProto.DiffRequest) => {
      const result = await provider.diff(typeOf(request), request.getId(), fromStruct(request.getOlds()), fromStruct(request.getNews()));
      const changes = result.changes === true ? proto.DiffResponse.DiffChanges.DIFF_SOME : result.changes === false ? proto.DiffResponse.DiffChanges.DIFF_NONE : proto.DiffResponse.DiffChanges.DIFF_UNKNOWN;
      return new proto.DiffResponse()
        .setChanges(changes)
        .setReplacesList(result.replaces ?? [])
        .setDeletebeforereplace(result.deleteBeforeReplace === true);
    }),
    create: unary(async (request: ProviderProto.CreateRequest) => {
      const { id, outs } = await provider.create(typeOf(request), fromStruct(request.getProperties()));
      return new proto.CreateResponse().setId(id).setProperties(toStruct(outs));
    }),
    read: unary(async (request: ProviderProto.ReadRequest) => {
      const properties = request.getProperties();
      const hasProperties = properties !== undefined && properties.getFieldsMap().getLength() > 0;
      // A refresh sends the state's inputs too, whose secret marks the result keeps; an import sends neither.
      const inputs = request.getInputs();
      const result = await provider.read(typeOf(request), request.getId(), hasProperties ? fromStruct(properties) : undefined, inputs ? fromStruct(inputs) : undefined);
      const response = new proto.ReadResponse().setId(result.id ?? "");
      if (result.props) response.setProperties(toStruct(result.props));
      if (result.inputs) response.setInputs(toStruct(result.inputs));
      return response;
    }),
    update: unary(async (request: ProviderProto.UpdateRequest) => {
      const outs = await provider.update(typeOf(request), request.getId(), fromStruct(request.getOlds()), fromStruct(request.getNews()));
      return new proto.UpdateResponse().setProperties(toStruct(outs));
    }),
    delete: unary(async (request: ProviderProto.DeleteRequest) => {
      await provider.delete(typeOf(request), request.getId(), fromStruct(request.getProperties()));
      return new protocol.empty.Empty();
    }),
    cancel: unary(async () => {
      plugin.onCancel?.();
      return new protocol.empty.Empty();
    }),
    attach: unary(async () => new protocol.empty.Empty()),
  };
}

/**
 * The resource's type token: the request's own, or the last part of its URN's type
 * (`parent$vb365:index:Organization` names the parent's type first).
 */
function typeOf(request: { getType(): string; getUrn(): string }): string {
  const type = request.getType();
  if (type) return type;
  const qualified = request.getUrn().split("::")[2] ?? "";
  return qualified.slice(qualified.lastIndexOf("$") + 1);
}

/** The resource's name: the request's own, or the last part of its URN. */
function nameOf(request: { getName(): string; getUrn(): string }): string {
  return request.getName() || (request.getUrn().split("::")[3] ?? "");
}

/** The engine shows `details` as the error; the message is already the user's to read. */
function grpcError(protocol: Protocol, error: unknown): Grpc.ServiceError {
  const message = error instanceof Error ? error.message : String(error);
  return Object.assign(new Error(message), { code: protocol.grpc.status.UNKNOWN, details: message, metadata: new protocol.grpc.Metadata() });
}
