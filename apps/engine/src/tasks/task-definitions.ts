import type { TaskName } from '@wiztc/contracts';

export interface TaskDefinition {
  name: TaskName;
  description: string;
  heartbeatTimeoutMinutes: number;
}

/** Every tenant has these tasks (the Tasks screen). */
export const TASK_DEFINITIONS: readonly TaskDefinition[] = [
  {
    name: 'scheduler',
    description: 'Queues the first job (the backfill window) and then one job per interval.',
    heartbeatTimeoutMinutes: 5,
  },
  {
    name: 'monitor',
    description:
      'Restarts a stage whose heartbeat stopped, up to the max restart attempts, then fails its job.',
    heartbeatTimeoutMinutes: 5,
  },
  {
    name: 'cleaner',
    description: 'Applies retention to job files, old jobs and batch errors.',
    heartbeatTimeoutMinutes: 60,
  },
  {
    name: 'download',
    description: "Downloads the window's vulnerability findings from Wiz, page by page.",
    heartbeatTimeoutMinutes: 30,
  },
  {
    name: 'convert',
    description: 'Builds one Vulnerability Group and one Case aggregate per vulnerability.',
    heartbeatTimeoutMinutes: 30,
  },
  {
    name: 'upload',
    description: 'Uploads the Vulnerability Groups to the Source through the Batch API.',
    heartbeatTimeoutMinutes: 60,
  },
  {
    name: 'cases',
    description: 'Creates or updates one Workflow Case per Vulnerability Group in the Organization.',
    heartbeatTimeoutMinutes: 60,
  },
  {
    name: 'correlate',
    description: 'Associates Groups and Indicators tagged with the vulnerability ids in the owners to scan.',
    heartbeatTimeoutMinutes: 60,
  },
];
