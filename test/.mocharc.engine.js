// Suite "engine": see test/README.md for what each suite covers and what it needs.
module.exports = require("./mocharc.base")("engine");
