import { randomBytes } from 'node:crypto';
import { CryptoService, DecryptionError } from './crypto.service';

describe('CryptoService (AES-256-GCM)', () => {
  const crypto = new CryptoService(randomBytes(32));

  it('round-trips and never emits the plaintext', () => {
    const sealed = crypto.encrypt('s3cr3t-value', 'tenant:1:wizClientSecret');
    expect(sealed.toString('latin1')).not.toContain('s3cr3t-value');
    expect(crypto.decrypt(sealed, 'tenant:1:wizClientSecret')).toBe('s3cr3t-value');
  });

  it('uses a fresh IV each time', () => {
    expect(crypto.encrypt('same', 'c').equals(crypto.encrypt('same', 'c'))).toBe(false);
  });

  it('refuses another context, another key and tampered data', () => {
    const sealed = crypto.encrypt('value', 'tenant:1:tcSecretKey');
    expect(() => crypto.decrypt(sealed, 'tenant:2:tcSecretKey')).toThrow(DecryptionError);
    expect(() => new CryptoService(randomBytes(32)).decrypt(sealed, 'tenant:1:tcSecretKey')).toThrow(
      DecryptionError,
    );
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => crypto.decrypt(tampered, 'tenant:1:tcSecretKey')).toThrow(DecryptionError);
    expect(() => crypto.decrypt(Buffer.alloc(3), 'x')).toThrow(DecryptionError);
  });

  it('needs a 32-byte key', () => {
    expect(() => new CryptoService(randomBytes(16))).toThrow('32-byte key');
  });
});
