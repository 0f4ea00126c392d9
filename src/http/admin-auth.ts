import { Problem } from './problem.ts';

/** sha256 of a key as lowercase hex (Web Crypto: the same on Node and Workers). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two equal-length strings without stopping at the first difference. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Admin keys are configured as sha256 hashes, never in clear. The presented bearer key is hashed
 * and compared with every configured hash in constant time. Missing credentials: 401; a wrong key: 403.
 */
export async function requireAdminKey(authorization: string | undefined, keyHashes: readonly string[]): Promise<void> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) {
    throw new Problem(401, 'unauthorized', 'This route needs an admin key: Authorization: Bearer <key>.');
  }
  const presented = await sha256Hex(match[1] as string);
  let ok = false;
  for (const hash of keyHashes) ok = constantTimeEqual(presented, hash.toLowerCase()) || ok;
  if (!ok) throw new Problem(403, 'forbidden', 'The admin key is not valid.');
}
