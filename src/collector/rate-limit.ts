/**
 * Per-client token buckets, held in memory only. A client is an IP address (an IPv6 address counts by its /64,
 * the block one subscriber usually gets), used as a map key for a minute or so and never written anywhere.
 */
import { isIP } from 'node:net';

export interface RateLimitOptions {
  /** Sustained requests per minute per client. */
  perMinute: number;
  /** Requests a client may send at once before the rate applies. @default perMinute / 2, at least 1 */
  burst?: number;
  /** Clients tracked at most; the least recently seen is forgotten first. @default 100000 */
  maxClients?: number;
  now?: () => number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(client: string): RateDecision;
  readonly size: number;
}

export function createRateLimiter({ perMinute, burst, maxClients = 100_000, now = Date.now }: RateLimitOptions): RateLimiter {
  const capacity = Math.max(1, burst ?? Math.floor(perMinute / 2));
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    get size() {
      return buckets.size;
    },
    take(client) {
      const t = now();
      const bucket = buckets.get(client) ?? { tokens: capacity, at: t };
      bucket.tokens = Math.min(capacity, bucket.tokens + (t - bucket.at) * perMs);
      bucket.at = t;
      // Re-inserting keeps the map in least-recently-seen order, so eviction is a delete of the first key.
      buckets.delete(client);
      buckets.set(client, bucket);
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}

/**
 * The client address a request counts against. With `trustProxy` hops, the address that many entries from the
 * right of X-Forwarded-For: the entries further left were written by the client and can be anything.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: number): string {
  let address = socketAddress ?? 'unknown';
  if (trustProxy > 0 && forwardedFor) {
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const candidate = hops[Math.max(0, hops.length - trustProxy)];
    if (candidate && isIP(stripPort(candidate))) address = stripPort(candidate);
  }
  return clientKey(address);
}

function stripPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1]!;
  return /^[\d.]+:\d+$/.test(entry) ? entry.slice(0, entry.lastIndexOf(':')) : entry;
}

/** IPv4 as is (also when mapped into IPv6), IPv6 reduced to its /64 prefix. */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
