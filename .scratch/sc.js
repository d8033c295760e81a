const { generateTenantCertificate } = require("../dist/provider/tenant-certificate/generate");
const { openPfxNatively } = require("../dist/provider/common/pfx-native");
(async () => {
  const pfxs = [];
  for (let i = 0; i < 20; i++) pfxs.push((await generateTenantCertificate({ subject: { commonName: "t" + i }, keySize: 2048, validityDays: 365, password: "pw", pfxEncryption: "3des", at: new Date() })).pfx);
  const rss = () => process.memoryUsage().rss >> 20;
  console.log("before", rss());
  for (let i = 0; i < 100; i++) openPfxNatively(pfxs[i % 20], "pw");
  console.log("after 100 opens", rss(), "ext", process.memoryUsage().external >> 20);
  const tls = require("tls");
  for (let i = 0; i < 100; i++) tls.createSecureContext({});
  console.log("after 100 empty contexts", rss());
})();
