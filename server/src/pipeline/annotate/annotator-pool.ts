import { AppError } from '../../domain/errors.ts';
import type { Annotation, Annotator } from './annotation.ts';

/** One CoreNLP server of a pool. */
export interface PoolMember {
  url: string;
  annotator: Annotator;
}

/**
 * Several CoreNLP servers as one annotator: articles go to them in turn (round-robin). A server
 * that is unavailable is left out for `retryAfterMs` and the article goes to the next one, so a
 * server going away costs no article while another answers; when none does, the error is
 * SERVICE_UNAVAILABLE naming them all. `check` (for /health) passes when any server answers.
 */
export function createAnnotatorPool(members: readonly PoolMember[], { retryAfterMs = 15_000 }: { retryAfterMs?: number } = {}): Annotator {
  if (members.length === 1) return (members[0] as PoolMember).annotator;
  const downUntil = new Map<string, number>();
  let next = 0;
  const healthyFirst = (): PoolMember[] => {
    const start = next++ % members.length;
    const order = [...members.slice(start), ...members.slice(0, start)];
    const now = Date.now();
    // Servers left out recently are still tried, last: better a slow answer than none.
    return [...order.filter((m) => (downUntil.get(m.url) ?? 0) <= now), ...order.filter((m) => (downUntil.get(m.url) ?? 0) > now)];
  };
  const unavailable = (err: unknown): boolean => err instanceof AppError && err.code === 'SERVICE_UNAVAILABLE';
  return {
    async annotate(text: string): Promise<Annotation> {
      const errors: string[] = [];
      for (const member of healthyFirst()) {
        try {
          const annotation = await member.annotator.annotate(text);
          downUntil.delete(member.url);
          return annotation;
        } catch (err) {
          if (!unavailable(err)) throw err;
          downUntil.set(member.url, Date.now() + retryAfterMs);
          errors.push(member.url);
        }
      }
      throw new AppError('SERVICE_UNAVAILABLE', `None of the ${members.length} annotation servers (CoreNLP at ${errors.join(', ')}) answered. Nothing was stored; try again when one is back.`);
    },
    async check(): Promise<void> {
      const results = await Promise.allSettled(members.map((m) => m.annotator.check()));
      results.forEach((r, i) => {
        const url = (members[i] as PoolMember).url;
        if (r.status === 'fulfilled') downUntil.delete(url);
        else downUntil.set(url, Date.now() + retryAfterMs);
      });
      if (results.every((r) => r.status === 'rejected')) {
        throw new AppError('SERVICE_UNAVAILABLE', `None of the annotation servers (CoreNLP at ${members.map((m) => m.url).join(', ')}) answers.`);
      }
    },
  };
}

/** The URLs of a CORENLP_URL value: one, or several separated by commas. */
export function splitUrls(value: string): string[] {
  return value
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
}
