import * as path from "node:path";
import type * as Grpc from "@grpc/grpc-js";
import type * as PluginProto from "@pulumi/pulumi/proto/plugin_pb";
import type * as ProviderProto from "@pulumi/pulumi/proto/provider_pb";
import type * as StructProto from "google-protobuf/google/protobuf/struct_pb";

/**
 * Pulumi's provider protocol as the Node SDK carries it: its gRPC library and the generated
 * message classes of pulumi/pulumi's proto/ (@pulumi/pulumi/proto). The SDK's own provider server
 * (@pulumi/pulumi/provider, 3.248) does not hand the provider its configuration and fails an
 * import on a read without properties, so the plugin serves the protocol itself, from this module
 * alone. Everything is loaded from the SDK's own dependencies, so that the messages and the
 * server are the ones the SDK was built with; test/unit/plugin/protocol.test.ts fails when an
 * SDK release moves them.
 */
export interface Protocol {
  grpc: typeof Grpc;
  provider: typeof ProviderProto;
  plugin: typeof PluginProto;
  struct: typeof StructProto;
  empty: { Empty: new () => object };
  /** The service definition of pulumirpc.ResourceProvider. */
  service: Grpc.ServiceDefinition;
}

export function loadProtocol(): Protocol {
  const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
  const fromSdk = (specifier: string): unknown => require(require.resolve(specifier, { paths: [sdk] }));
  return {
    grpc: fromSdk("@grpc/grpc-js") as typeof Grpc,
    provider: require("@pulumi/pulumi/proto/provider_pb") as typeof ProviderProto,
    plugin: require("@pulumi/pulumi/proto/plugin_pb") as typeof PluginProto,
    struct: fromSdk("google-protobuf/google/protobuf/struct_pb") as typeof StructProto,
    empty: fromSdk("google-protobuf/google/protobuf/empty_pb") as { Empty: new () => object },
    service: (require("@pulumi/pulumi/proto/provider_grpc_pb") as { ResourceProviderService: Grpc.ServiceDefinition }).ResourceProviderService,
  };
}
