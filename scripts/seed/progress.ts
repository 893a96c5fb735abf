/** A one-line progress bar on stderr, drawn only on a terminal so logs and pipes stay clean. */
export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
  const enabled = stream.isTTY === true;
  const width = 30;
  return {
    update(done: number) {
      if (!enabled) return;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
    },
    finish() {
      if (enabled) stream.write("\n");
    },
  };
}
