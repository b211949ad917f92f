// REST contracts of jobs, stages, tasks and batch errors (`/api/v1/tenants/:tenantId/...`).

export type JobType = 'initial' | 'scheduled' | 'adhoc' | 'retry';
export type JobStatus = 'pending' | 'running' | 'paused' | 'completed' | 'failed';
export type StageName = 'download' | 'convert' | 'upload' | 'cases' | 'correlate';
export type StageStatus = 'pending' | 'running' | 'completed' | 'failed';
export type JobFileKind = 'metadata' | 'download' | 'batch' | 'upload-results' | 'cases' | 'correlate';
export type TaskName = 'scheduler' | 'monitor' | 'cleaner' | StageName;
export type TaskStatus = 'idle' | 'paused' | 'running';

export const STAGE_NAMES: readonly StageName[] = ['download', 'convert', 'upload', 'cases', 'correlate'];
export const JOB_TYPES: readonly JobType[] = ['initial', 'scheduled', 'adhoc', 'retry'];
export const JOB_STATUSES: readonly JobStatus[] = ['pending', 'running', 'paused', 'completed', 'failed'];

export interface StageSummary {
  stage: StageName;
  status: StageStatus;
  startedAt: string | null;
  completedAt: string | null;
  heartbeatAt: string | null;
  attempts: number;
  counts: Record<string, number>;
  progress: { done: number; total: number | null } | null;
  error: string | null;
}

export interface JobSummary {
  id: string;
  number: number;
  tenantId: string;
  type: JobType;
  status: JobStatus;
  windowStart: string;
  windowEnd: string;
  currentStage: StageName | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  error: string | null;
}

export interface JobDetails extends JobSummary {
  stages: StageSummary[];
  counts: {
    downloadedFindings: number;
    wizTotalCount: number | null;
    vulnerabilities: number;
    groupsBatched: number;
    groupsSucceeded: number;
    groupsFailed: number;
    indicatorsBatched: number;
    indicatorsSucceeded: number;
    indicatorsFailed: number;
    casesCreated: number;
    casesUpdated: number;
    casesUnchanged: number;
    associations: number;
    errors: number;
  };
  files: JobFileSummary[];
}

export interface JobFileSummary {
  id: string;
  kind: JobFileKind;
  part: number;
  bytes: number;
  items: number;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TaskSummary {
  id: string;
  name: TaskName;
  description: string;
  status: TaskStatus;
  heartbeatTimeoutMinutes: number;
  heartbeatAt: string | null;
  jobId: string | null;
}

export interface TaskRunSummary {
  taskName: TaskName;
  jobId: string | null;
  startedAt: string;
  endedAt: string | null;
  durationMs: number | null;
  items: number;
  errors: number;
  outcome: string | null;
}

export interface BatchErrorTypeSummary {
  type: string;
  count: number;
  lastSeenAt: string;
  sampleReason: string;
}

export interface BatchErrorRow {
  id: string;
  jobId: string;
  stage: StageName;
  type: string;
  reason: string;
  message: string | null;
  vulnerabilityName: string | null;
  findingId: string | null;
  createdAt: string;
}

export interface DashboardSummary {
  /** Cumulative vulnerability findings retrieved: each CVE, and each asset of a CVE. */
  findingsRetrieved: number;
  vulnerabilities: number;
  assets: number;
  bySeverity: Record<'Critical' | 'High' | 'Medium' | 'Low', number>;
  exploited: number;
  kev: number;
  openCases: number;
  jobs: Record<JobStatus, number>;
  lastCompletedJobAt: string | null;
}
