import { describe, expect, it } from 'vitest';
import { clientAddress, clientKey, createRateLimiter } from '../../../src/collector/rate-limit.ts';

describe('createRateLimiter', () => {
  it('allows the burst, then one request per refill interval', () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 60, burst: 3, now: () => now });
    expect([1, 2, 3, 4].map(() => limiter.take('a').ok)).toEqual([true, true, true, false]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    now += 999;
    expect(limiter.take('a').ok).toBe(false);
    now += 1;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });

  it('tells how long to wait at a slow rate', () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 2, burst: 1, now: () => now });
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 30 });
    now += 20_000;
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
  });

  it('refills up to the burst only', () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 60, burst: 2, now: () => now });
    now += 3_600_000;
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, false]);
  });

  it('keeps clients apart and forgets the least recently seen beyond maxClients', () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 60, burst: 1, maxClients: 2, now: () => now });
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('b').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
    limiter.take('c');
    expect(limiter.size).toBe(2);
    // b was forgotten, so it starts with a full bucket again; a was seen more recently and is still limited.
    expect(limiter.take('b').ok).toBe(true);
  });
});

describe('clientAddress', () => {
  it('uses the socket address unless a proxy is trusted', () => {
    expect(clientAddress('::ffff:127.0.0.1', '203.0.113.5', 0)).toBe('127.0.0.1');
    expect(clientAddress('10.0.0.2', '203.0.113.5', 1)).toBe('203.0.113.5');
  });

  it('takes the entry the trusted proxy wrote, not one the client made up', () => {
    expect(clientAddress('10.0.0.2', '1.2.3.4, 203.0.113.5', 1)).toBe('203.0.113.5');
    expect(clientAddress('10.0.0.2', ['1.2.3.4', '203.0.113.5, 10.0.0.9'], 2)).toBe('203.0.113.5');
    expect(clientAddress('10.0.0.2', '203.0.113.5', 3)).toBe('203.0.113.5');
  });

  it('falls back to the socket address for a garbled header', () => {
    expect(clientAddress('10.0.0.2', 'not-an-ip', 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '', 1)).toBe('10.0.0.2');
  });

  it('strips ports', () => {
    expect(clientAddress('10.0.0.2', '203.0.113.5:4711', 1)).toBe('203.0.113.5');
    expect(clientAddress('10.0.0.2', '[2001:db8::1]:4711', 1)).toBe('2001:db8:0:0::/64');
  });
});

describe('clientKey', () => {
  it('groups an IPv6 /64, the block one subscriber gets', () => {
    expect(clientKey('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(clientKey('2001:0db8:00aa:00bb::9')).toBe('2001:db8:aa:bb::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('192.0.2.1')).toBe('192.0.2.1');
  });
});
