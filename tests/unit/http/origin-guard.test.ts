import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkOrigin, hostName, originPolicy } from '../../../server/src/http/origin-guard.ts';

const req = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;
const policy = originPolicy(['newsgraph.example.org'], ['https://desk.example.org']);

describe('checkOrigin', () => {
  it.each([
    [{ host: 'localhost:4000' }, true],
    [{ host: '127.0.0.1:4000' }, true],
    [{ host: '[::1]:4000' }, true],
    [{ host: 'LOCALHOST.:4000' }, true],
    [{ host: 'newsgraph.example.org' }, true],
    [{ host: 'attacker.example:4000' }, false],
    [{ host: 'localhost.attacker.example' }, false],
    [{}, false],
    [{ host: 'localhost:4000', origin: 'http://localhost:4000' }, true],
    [{ host: 'newsgraph.example.org', origin: 'https://newsgraph.example.org' }, true],
    [{ host: 'localhost:4000', origin: 'http://localhost:5000' }, false],
    [{ host: 'localhost:4000', origin: 'http://127.0.0.1:4000' }, false],
    [{ host: 'localhost:4000', origin: 'null' }, false],
    [{ host: 'localhost:4000', origin: 'http://evil.example' }, false],
    [{ host: 'localhost:4000', origin: 'https://desk.example.org' }, true],
    [{ host: 'localhost:4000', origin: 'https://desk.example.org.evil.example' }, false],
  ])('%o is allowed: %s', (headers, ok) => {
    expect(checkOrigin(req(headers), policy).ok).toBe(ok);
  });

  it('names the fix in its refusals', () => {
    expect(checkOrigin(req({ host: 'attacker.example' }), policy)).toMatchObject({ ok: false, status: 403, message: expect.stringMatching(/PUBLIC_HOST/) });
    expect(checkOrigin(req({ host: 'localhost', origin: 'http://evil.example' }), policy)).toMatchObject({ ok: false, message: expect.stringMatching(/CORS_ORIGINS/) });
  });

  it('reads host names out of Host headers', () => {
    expect(hostName('[::1]:4000')).toBe('[::1]');
    expect(hostName('Example.ORG.')).toBe('example.org');
    expect(hostName('localhost:')).toBe('localhost');
  });
});
