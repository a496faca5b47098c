/**
 * Runs a CLI's main function and exits with its code; an unexpected failure prints
 * "error: <message>" (no stack trace for the user) and exits 1.
 */
export function runCli(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? `error: ${err.message}` : err);
      process.exit(1);
    },
  );
}
