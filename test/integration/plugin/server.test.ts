import * as grpc from "@grpc/grpc-js";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { expect } from "chai";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { after, before, describe, it } from "mocha";
import { DEFAULT_USER } from "../../../emulator";
import { packageSchema } from "../../../provider/plugin/schema/package-schema";
import { Vb365PluginProvider } from "../../../provider/plugin/provider";
import { secret } from "../../../provider/plugin/secrets";
import { serve } from "../../../provider/plugin/server";
import { useEmulator } from "../../helpers/emulator";
import { APPLICATION_ID, existingApplicationBody, pfxFixture, registerCertificate } from "../../helpers/emulator-fixtures";

type Values = Record<string, unknown>;
const SIGNATURE = "4dabf18193072939515e22adb298388d";
const urn = (type: string, name: string) => `urn:pulumi:dev::project::${type}::${name}`;
const struct = (values: Values) => Struct.fromJavaScript(values as Parameters<typeof Struct.fromJavaScript>[0]);

/** One unary call of the provider protocol, as the engine makes it. */
function call<Response>(client: ResourceProviderClient, method: string, request: object): Promise<Response> {
  return new Promise((resolve, reject) => {
    (client as unknown as Record<string, (request: object, callback: (error: grpc.ServiceError | null, response: Response) => void) => void>)[method]!.call(client, request, (error, response) => (error ? reject(error) : resolve(response)));
  });
}

// The plugin's server as the engine speaks to it over gRPC, against the emulator: configuration,
// check, create, the read of an import, delete; the implementations are the dynamic resources' own.
describe("the vb365 plugin's gRPC server", () => {
  const fixture = useEmulator({ http: true }, { resetBetweenTests: false });
  let server: grpc.Server;
  let client: ResourceProviderClient;
  const pfx = pfxFixture();

  before(async () => {
    const served = await serve({ version: "1.2.3", schema: () => JSON.stringify(packageSchema("1.2.3")), provider: new Vb365PluginProvider() });
    server = served.server;
    client = new ResourceProviderClient(`127.0.0.1:${served.port}`, grpc.credentials.createInsecure());
  });

  after(() => {
    client?.close();
    server?.forceShutdown();
  });

  it("serves the package schema and its version", async () => {
    const schema = await call<proto.GetSchemaResponse>(client, "getSchema", new proto.GetSchemaRequest().setVersion(0));
    expect(JSON.parse(schema.getSchema())).to.deep.equal(packageSchema("1.2.3"));
    const info = await call<{ getVersion(): string }>(client, "getPluginInfo", new (require("google-protobuf/google/protobuf/empty_pb").Empty)());
    expect(info.getVersion()).to.equal("1.2.3");
  });

  it("refuses a vb365: key it does not know at check, and never replaces resources for a new connection", async () => {
    const checked = await call<proto.CheckResponse>(client, "checkConfig", new proto.CheckRequest().setUrn(urn("pulumi:providers:vb365", "default")).setOlds(struct({})).setNews(struct({ url: "x", pasword: "y" })));
    expect(checked.getFailuresList().map((failure) => failure.getProperty())).to.deep.equal(["pasword"]);
    const diff = await call<proto.DiffResponse>(client, "diffConfig", new proto.DiffRequest().setOlds(struct({ url: "a" })).setNews(struct({ url: "b" })));
    expect({ changes: diff.getChanges(), replaces: diff.getReplacesList() }).to.deep.equal({ changes: proto.DiffResponse.DiffChanges.DIFF_SOME, replaces: [] });
  });

  it("takes its connection from Configure's args, the password marked secret", async () => {
    const args = { url: fixture.current.url, username: DEFAULT_USER.name, password: secret(DEFAULT_USER.password), apiVersion: "v8" };
    const configured = await call<proto.ConfigureResponse>(client, "configure", new proto.ConfigureRequest().setArgs(struct(args)).setAcceptsecrets(true));
    expect(configured.getAcceptsecrets()).to.equal(true);
  });

  it("checks a job, naming it after its resource, and names the field of a bad input", async () => {
    const type = "vb365:index:BackupJob";
    const news = { organizationId: "6b7c2d3e-0000-4000-8000-000000000001", repositoryName: "Default Backup Repository" };
    const checked = await call<proto.CheckResponse>(client, "check", new proto.CheckRequest().setUrn(urn(type, "nightly")).setType(type).setName("nightly").setOlds(struct({})).setNews(struct(news)));
    expect(checked.getFailuresList()).to.deep.equal([]);
    expect(checked.getInputs()!.toJavaScript()).to.deep.include({ name: "nightly", backupType: "EntireOrganization", isEnabled: true });
    const bad = await call<proto.CheckResponse>(client, "check", new proto.CheckRequest().setUrn(urn(type, "nightly")).setType(type).setOlds(struct({})).setNews(struct({ ...news, backupType: "Everything" })));
    expect(bad.getFailuresList().map((failure) => [failure.getProperty(), failure.getReason()])).to.deep.equal([["backupType", "backupType must be EntireOrganization or SelectedItems."]]);
  });

  it("creates a certificate whose PFX and password leave marked secret", async () => {
    const type = "vb365:index:TenantCertificate";
    const checked = await call<proto.CheckResponse>(client, "check", new proto.CheckRequest().setUrn(urn(type, "cert")).setOlds(struct({})).setNews(struct({ subject: { commonName: "contoso VB365" } })));
    const created = await call<proto.CreateResponse>(client, "create", new proto.CreateRequest().setUrn(urn(type, "cert")).setProperties(checked.getInputs()));
    const outs = created.getProperties()!.toJavaScript() as Record<string, Values>;
    expect(created.getId()).to.match(/^[0-9A-F]{40}$/);
    expect([outs.pfxBase64?.[SIGNATURE], outs.password?.[SIGNATURE], typeof outs.thumbprint]).to.deep.equal(["1b47061264138c4ac30d75fd1eb44270", "1b47061264138c4ac30d75fd1eb44270", "string"]);
  });

  it("reads an organization the server has by its id alone, as the inputs that declare it, credentials kept", async () => {
    registerCertificate(fixture.current, pfx, "northwind.onmicrosoft.com");
    const added = await (await fixture.client("v8")).post("/Organizations", existingApplicationBody(pfx, "northwind.onmicrosoft.com"));
    const id = added.body.id as string;
    const type = "vb365:index:Organization";
    const read = await call<proto.ReadResponse>(client, "read", new proto.ReadRequest().setId(id).setUrn(urn(type, "northwind")));
    expect(read.getId()).to.equal(id);
    const inputs = read.getInputs()!.toJavaScript() as Values;
    expect(inputs).to.deep.include({ organizationName: "northwind.onmicrosoft.com", adoptExisting: true, keepServerCredentials: true, isTeamsOnline: true });
    expect(inputs.exchangeOnlineSettings).to.deep.include({ applicationId: APPLICATION_ID, account: "backupuser@northwind.onmicrosoft.com" });
    const props = read.getProperties()!.toJavaScript() as Record<string, Values>;
    expect(props.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(pfx.thumbprint);
    expect(props.organizationId).to.equal(id);

    await call(client, "delete", new proto.DeleteRequest().setId(id).setUrn(urn(type, "northwind")).setProperties(read.getProperties()));
    expect(fixture.current.state().organizations).to.deep.equal([]);
  });

  it("keeps the secret marks a program put on fields the definition does not call secret: check, create, diff, update, read", async () => {
    const type = "vb365:index:Organization";
    const tenant = "contoso.onmicrosoft.com";
    registerCertificate(fixture.current, pfx, tenant);
    const certificate = { applicationId: APPLICATION_ID, applicationCertificate: secret(pfx.base64), applicationCertificatePassword: secret(pfx.password) };
    const declared = (description: string) => ({
      organizationName: tenant,
      isExchangeOnline: true,
      isSharePointOnline: true,
      description: secret(description),
      exchangeOnlineSettings: { ...certificate, account: secret(`backupuser@${tenant}`) },
      sharePointOnlineSettings: { ...certificate, officeOrganizationName: tenant },
    });
    const check = async (description: string) => {
      const checked = await call<proto.CheckResponse>(client, "check", new proto.CheckRequest().setUrn(urn(type, "contoso")).setType(type).setOlds(struct({})).setNews(struct(declared(description))));
      expect(checked.getFailuresList()).to.deep.equal([]);
      return checked.getInputs()!;
    };
    const marked = (values: Struct | undefined) => {
      const { description, exchangeOnlineSettings } = values!.toJavaScript() as Record<string, Values>;
      return { description, account: exchangeOnlineSettings?.account };
    };
    const goldMarked = { description: secret("Gold tier"), account: secret("backupuser@contoso.onmicrosoft.com") };
    const platinumMarked = { description: secret("Platinum tier"), account: secret("backupuser@contoso.onmicrosoft.com") };

    const gold = await check("Gold tier");
    expect(marked(gold), "check's inputs").to.deep.equal(goldMarked);
    const created = await call<proto.CreateResponse>(client, "create", new proto.CreateRequest().setUrn(urn(type, "contoso")).setProperties(gold));
    expect(marked(created.getProperties()), "create's outputs").to.deep.equal(goldMarked);
    const id = created.getId();

    const diff = async (news: Struct) => (await call<proto.DiffResponse>(client, "diff", new proto.DiffRequest().setId(id).setUrn(urn(type, "contoso")).setOlds(created.getProperties()).setNews(news))).getChanges();
    expect(await diff(gold), "a diff of the same marked values").to.equal(proto.DiffResponse.DiffChanges.DIFF_NONE);
    const platinum = await check("Platinum tier");
    expect(await diff(platinum), "a diff of a changed marked value").to.equal(proto.DiffResponse.DiffChanges.DIFF_SOME);

    const updated = await call<proto.UpdateResponse>(client, "update", new proto.UpdateRequest().setId(id).setUrn(urn(type, "contoso")).setOlds(created.getProperties()).setNews(platinum));
    expect(marked(updated.getProperties()), "update's outputs").to.deep.equal(platinumMarked);
    expect(fixture.current.state().organizations.find((organization) => organization.id === id)?.description).to.equal("Platinum tier");

    const read = await call<proto.ReadResponse>(client, "read", new proto.ReadRequest().setId(id).setUrn(urn(type, "contoso")).setProperties(updated.getProperties()).setInputs(platinum));
    expect({ props: marked(read.getProperties()), inputs: marked(read.getInputs()) }, "a refresh's read").to.deep.equal({ props: platinumMarked, inputs: platinumMarked });

    await call(client, "delete", new proto.DeleteRequest().setId(id).setUrn(urn(type, "contoso")).setProperties(read.getProperties()));
    expect(fixture.current.state().organizations).to.deep.equal([]);
  });

  it("names the resources it has when asked for another", async () => {
    const error = await call(client, "check", new proto.CheckRequest().setUrn(urn("vb365:index:Tenant", "t")).setOlds(struct({})).setNews(struct({}))).then(
      () => undefined,
      (failure: grpc.ServiceError) => failure.details,
    );
    expect(error).to.equal("The vb365 provider has no resource vb365:index:Tenant; it offers vb365:index:TenantCertificate, vb365:index:Organization, vb365:index:BackupJob, vb365:index:RestoreOperatorRole.");
  });
});
