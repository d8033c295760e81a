const forge = require("node-forge");
const crypto = require("node:crypto");
function nativeSha1() {
  let chunks = [];
  const md = {
    algorithm: "sha1", blockLength: 64, digestLength: 20, messageLength: 0, fullMessageLength: null, messageLengthSize: 8,
    start() { chunks = []; md.messageLength = 0; return md; },
    update(msg, encoding) { const b = encoding === "utf8" ? Buffer.from(msg, "utf8") : Buffer.from(msg, "latin1"); chunks.push(b); md.messageLength += b.length; return md; },
    digest() { const d = crypto.createHash("sha1").update(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).digest("latin1"); return forge.util.createBuffer(d); },
  };
  return md;
}
const salt = forge.util.createBuffer(forge.random.getBytesSync(8));
const pw = "a-32-character-generated-passwd!";
let t = Date.now();
let a;
for (let i = 0; i < 20; i++) a = forge.pkcs12.generateKey(pw, salt, 1, 2048, 24).toHex();
console.log("forge ms/derivation", (Date.now() - t) / 20);
t = Date.now();
let b;
for (let i = 0; i < 20; i++) b = forge.pkcs12.generateKey(pw, salt, 1, 2048, 24, nativeSha1()).toHex();
console.log("native ms/derivation", (Date.now() - t) / 20, a === b);
function oneShotSha1() {
  let pending = "";
  const md = {
    algorithm: "sha1", blockLength: 64, digestLength: 20, messageLength: 0, fullMessageLength: null, messageLengthSize: 8,
    start() { pending = ""; return md; },
    update(msg, encoding) { pending += encoding === "utf8" ? forge.util.encodeUtf8(msg) : msg; return md; },
    digest() { return forge.util.createBuffer(crypto.hash("sha1", Buffer.from(pending, "latin1"), "latin1")); },
  };
  return md;
}
t = Date.now();
let c;
for (let i = 0; i < 20; i++) c = forge.pkcs12.generateKey(pw, salt, 1, 2048, 24, oneShotSha1()).toHex();
console.log("crypto.hash ms/derivation", (Date.now() - t) / 20, a === c);
