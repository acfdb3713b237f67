// DKIM for ready-made MIME buffers (digests), so that a signed digest still goes through the
// lean raw pool (raw-smtp-pool.ts) instead of Nodemailer's whole transport. The signing is
// Nodemailer's own signer, the one its transport runs (same canonicalisation, same default list
// of signed header fields: the transport passes only domainName, keySelector and privateKey),
// here fed one buffer and read back into one.
//
// The key is parsed once: the signer hands `privateKey` to crypto's sign() for every message,
// and a PEM string is parsed again each time, about as costly as the RSA signature itself
// (~1 ms per message on this machine; a KeyObject skips it). A key that does not parse fails
// here, when the transport is made, and not per message: Nodemailer's signer sends a message
// unsigned when signing throws.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import DKIM from 'nodemailer/lib/dkim';

export interface DkimSettings {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

export interface DkimKey {
  domainName: string;
  keySelector: string;
  privateKey: KeyObject;
}

/** The settings with the key parsed; throws when the key is not an RSA private key. */
export function dkimKey(settings: DkimSettings): DkimKey {
  const privateKey = createPrivateKey(settings.privateKey);
  if (privateKey.asymmetricKeyType !== 'rsa')
    throw new Error(`DKIM_PRIVATE_KEY: an RSA private key is needed (got ${privateKey.asymmetricKeyType})`);
  return { domainName: settings.domainName, keySelector: settings.keySelector, privateKey };
}

const SIGNATURE = Buffer.from('DKIM-Signature: ');

/** Signs whole messages: each resolves to the message with its DKIM-Signature header first. */
export function createDkimSigner(key: DkimKey): (message: Buffer) => Promise<Buffer> {
  const dkim = new DKIM(key);
  return (message) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let length = 0;
      const signed = dkim.sign(message);
      signed.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
      });
      signed.once('end', () => {
        const out = Buffer.concat(chunks, length);
        // The signer leaves a message unsigned when signing fails; that must not be sent.
        if (!out.subarray(0, SIGNATURE.length).equals(SIGNATURE)) reject(new Error('DKIM signing failed'));
        else resolve(out);
      });
      signed.once('error', reject);
    });
}
