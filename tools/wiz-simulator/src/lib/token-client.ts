// A bare token request to the simulator, for tests and benchmarks that talk to it without the Wiz client.

/** Where and as whom to ask for a token (a running simulator, in this process or another). */
export interface SimulatorCredentials {
  authUrl: string;
  clientId: string;
  clientSecret: string;
}

/** OAuth client-credentials grant (audience `wiz-api`); returns the access token. */
export async function fetchSimulatorToken(sim: SimulatorCredentials): Promise<string> {
  const response = await fetch(sim.authUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sim.clientId,
      client_secret: sim.clientSecret,
      audience: 'wiz-api',
    }).toString(),
  });
  const json = (await response.json()) as { access_token: string };
  return json.access_token;
}
