// The one place that talks to the Wiz GraphQL endpoint: @apollo/client (HttpLink + injected fetch) with
// fetchPolicy 'no-cache', so each page streams through and nothing accumulates (ADR 0002). Around each
// HTTP request: the tenant's rate governor, a bearer token (one re-authentication on UNAUTHENTICATED),
// a timeout, the caller's AbortSignal, error classification and the retry policy.
import {
  ApolloClient,
  HttpLink,
  InMemoryCache,
  type OperationVariables,
  type TypedDocumentNode,
} from '@apollo/client';
import { WizAuthError } from './errors';
import type { WizTokenProvider } from './auth';
import type { WizLog } from './logger';
import type { WizRateGovernor } from './rate-governor';
import { redact } from './redact';
import { fromApolloError } from './response-errors';
import { withRetry, type WizRetryPolicy } from './retry';

export interface WizTransportOptions {
  apiUrl: string;
  fetch: typeof fetch;
  tokens: WizTokenProvider;
  governor: WizRateGovernor;
  timeoutMs: number;
  retry: WizRetryPolicy;
  log: WizLog;
  userAgent: string;
}

export class WizTransport {
  private readonly apollo: ApolloClient;

  constructor(private readonly options: WizTransportOptions) {
    this.apollo = new ApolloClient({
      link: new HttpLink({
        uri: options.apiUrl,
        fetch: options.fetch,
        headers: { 'user-agent': options.userAgent },
      }),
      // Required by Apollo; never written to: every operation runs with fetchPolicy 'no-cache'.
      cache: new InMemoryCache(),
      queryDeduplication: false,
      defaultOptions: { query: { fetchPolicy: 'no-cache' } },
    });
  }

  /** Runs a query with retries; resolves with `data` or rejects with a WizError. */
  query<TData, TVariables extends OperationVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    operation: string,
    signal?: AbortSignal,
  ): Promise<TData> {
    const { tokens, governor, retry, log } = this.options;
    return withRetry(
      async () => {
        // One re-authentication per attempt: a token refused twice in a row is a credentials problem.
        for (let reauthenticated = false; ; reauthenticated = true) {
          const token = await tokens.token(signal);
          try {
            return await governor.schedule(() => this.send(document, variables, token, signal), signal);
          } catch (error) {
            if (error instanceof WizAuthError && error.code === 'UNAUTHENTICATED') {
              tokens.invalidate(token);
              if (!reauthenticated) {
                log('info', 'Wiz access token refused; re-authenticating once', { operation });
                continue;
              }
            }
            throw error;
          }
        }
      },
      { policy: retry, signal, log, operation },
    );
  }

  private async send<TData, TVariables extends OperationVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    token: string,
    signal: AbortSignal | undefined,
  ): Promise<TData> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const safe = (text: string): string => redact(text, this.options.tokens.secrets());
    try {
      const result = await this.apollo.query<TData, TVariables>({
        query: document,
        variables,
        fetchPolicy: 'no-cache',
        context: { headers: { authorization: `Bearer ${token}` }, fetchOptions: { signal: combined } },
      } as ApolloClient.QueryOptions<TData, TVariables>);
      if (result.data === undefined || result.data === null) {
        throw new Error('Wiz API returned no data');
      }
      return result.data as TData;
    } catch (error) {
      throw fromApolloError(error, {
        safe,
        aborted: signal?.aborted ?? false,
        timedOut: timeout.aborted,
        timeoutMs: this.options.timeoutMs,
      });
    }
  }
}
