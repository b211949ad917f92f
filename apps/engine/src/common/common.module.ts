import { Global, Logger, Module } from '@nestjs/common';
import { appConfig, securityConfig, type ConfigType } from '../config';
import { CryptoService } from './crypto/crypto.service';
import { resolveSecretKey } from './crypto/secret-key';
import { Redactor, sharedRedactor } from './redaction';

/** Crypto and redaction for every module; tests swap CryptoService with overrideProvider. */
@Global()
@Module({
  providers: [
    { provide: Redactor, useValue: sharedRedactor },
    {
      provide: CryptoService,
      inject: [appConfig.KEY, securityConfig.KEY],
      useFactory: (app: ConfigType<typeof appConfig>, security: ConfigType<typeof securityConfig>) =>
        new CryptoService(
          resolveSecretKey(security.secretKey, app.dataDir, (message) => new Logger('Crypto').warn(message)),
        ),
    },
  ],
  exports: [Redactor, CryptoService],
})
export class CommonModule {}
