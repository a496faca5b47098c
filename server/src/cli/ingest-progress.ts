import cliProgress from 'cli-progress';

/** How the ingest CLI shows a run's progress. */
export interface IngestProgress {
  /** The run has `total` articles to go through. */
  start(total: number): void;
  /** One article is done: `line` says what happened to it (`error` lines go to stderr). */
  done(done: number, line: string, error: boolean): void;
  /** Removes the bar, leaving the per-article lines. */
  stop(): void;
}

/**
 * On a terminal: a bar with count, rate and time left (cli-progress) on stderr, the per-article
 * lines printed above it. Otherwise (a pipe, a file, CI): the plain lines only, one per article.
 */
export function createIngestProgress(stdoutTty = process.stdout.isTTY === true, stderrTty = process.stderr.isTTY === true): IngestProgress {
  const plain = (line: string, error: boolean): void => (error ? console.error : console.log)(line);
  if (!stderrTty) return { start: () => {}, done: (_, line, error) => plain(line, error), stop: () => {} };
  const bars = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: '{bar} {value}/{total} · {rate} articles/s · {eta_formatted} left',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  const started = Date.now();
  return {
    start(total) {
      bar = bars.create(total, 0, { rate: '0.0' });
    },
    done(done, line, error) {
      // Lines share the terminal with the bar only when both streams are on it; a redirected stdout keeps its lines to itself.
      if (stdoutTty || error) bars.log(`${line}\n`);
      else plain(line, error);
      bar?.update(done, { rate: (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1) });
    },
    stop() {
      // Lines logged since the last frame are written by a redraw; stop alone would drop them.
      bars.update();
      bars.stop();
    },
  };
}
