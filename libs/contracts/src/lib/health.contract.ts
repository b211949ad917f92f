export interface HealthStatus {
  status: 'ok';
  uptimeSeconds: number;
}

export interface ReadinessStatus {
  status: 'ready' | 'not-ready';
  database: 'up' | 'down';
  /** Migrations known to the engine that are not applied yet. */
  pendingMigrations: number;
}
