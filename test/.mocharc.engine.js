// Suite "engine": see test/README.md for what each suite covers and what it needs.
// Two files at a time: an engine test spends much of its time waiting on the CLI, the language
// hosts and the emulator, and each file makes its own backends, homes and emulators.
module.exports = { ...require("./mocharc.base")("engine"), parallel: true, jobs: 2 };
