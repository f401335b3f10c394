/** `POST /admin/rebuild` (202): the queued rebuild, or the one already queued or running. */
export interface RebuildAcceptedResponse {
  jobId: string;
  /** False when a rebuild was already queued or running: at most one runs at a time. */
  created: boolean;
}

export type JobState = 'waiting' | 'active' | 'delayed' | 'completed' | 'failed' | 'prioritized' | 'waiting-children' | 'unknown';

/** `GET /admin/jobs/:id`. */
export interface JobStatusResponse {
  id: string;
  queue: string;
  name: string;
  state: JobState;
  /** Percent done, 0–100. */
  progress: number;
  attemptsMade: number;
  failedReason: string | null;
  result: unknown;
}
