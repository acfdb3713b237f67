// "Only this machine" checks for the development conveniences (an open /admin, a generated
// SECRET_KEY, an unauthenticated worker /metrics): a listening address or a public URL's host
// that only this machine can reach.
import { isIP } from 'node:net';

/** 127.0.0.0/8, ::1, localhost and *.localhost (RFC 6761); '0.0.0.0' and '::' are every interface. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}
