/** What GET /health answers: each dependency's state and answer time; `ok` only when all are. */
export interface HealthReport {
  ok: boolean;
  dependencies: Record<string, { ok: boolean; ms: number; error?: string }>;
}

/**
 * Runs each dependency's check (in parallel, each bounded by `timeoutMs`) and reports them
 * one by one. Errors are summarised without internal addresses: /health is public.
 */
export async function checkHealth(checks: Record<string, () => Promise<void>>, timeoutMs = 3000): Promise<HealthReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          check(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
          }),
        ]);
        return [name, { ok: true, ms: Math.round(performance.now() - started) }] as const;
      } catch (err) {
        const why = err instanceof Error && /no answer within/.test(err.message) ? err.message : 'unavailable';
        return [name, { ok: false, ms: Math.round(performance.now() - started), error: why }] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const dependencies = Object.fromEntries(entries);
  return { ok: entries.every(([, d]) => d.ok), dependencies };
}
