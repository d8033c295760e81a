// Loaded by every suite before the specs. Unhandled rejections fail the run instead of
// printing a warning that nobody reads.
process.on("unhandledRejection", (reason) => {
  throw reason;
});
