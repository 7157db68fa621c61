/**
 * A progress line on standard error for the command line: redrawn in place
 * with a carriage return while work runs, cleared when it ends — and never
 * written at all when standard error is not a terminal (piped, in CI, in a
 * test), so redirected output stays clean. It is one line of text, which is
 * all a count of files and steps needs; a progress-bar package would add a
 * dependency for the same line.
 */
export interface Progress {
  /** Shows `label done/total (pct)`; throttled to one redraw per 100 ms. */
  update(label: string, done: number, total: number): void;
  /** Clears the line. */
  done(): void;
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY !== true) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(label, done, total) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const width = 24;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}\u001b[K`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
