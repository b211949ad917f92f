// Owners, users and attribute types: read once at start-up by the engine.
import type { TcAttributeType, TcOwner, TcUser } from '../model/security.model';
import { tcListAll } from '../pagination';
import type { TcTransport } from '../transport';

const ALL = 10_000;

export function securityEndpoints(t: TcTransport) {
  return {
    owners: (signal?: AbortSignal): Promise<TcOwner[]> =>
      tcListAll<TcOwner>(t, '/v3/security/owners', [['resultLimit', ALL]], signal),
    users: (signal?: AbortSignal): Promise<TcUser[]> =>
      tcListAll<TcUser>(t, '/v3/security/users', [['resultLimit', ALL]], signal),
    attributeTypes: (signal?: AbortSignal): Promise<TcAttributeType[]> =>
      tcListAll<TcAttributeType>(t, '/v3/attributeTypes', [['resultLimit', ALL]], signal),
  };
}
