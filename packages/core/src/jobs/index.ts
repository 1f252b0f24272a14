export { type EnqueueInput, enqueueJob, getJob } from './enqueue-job.ts';
export { type JobHandler, type JobProgress, JobQueue, type JobQueueOptions, jobQueueFor } from './job-queue.ts';
export { requireJobReader } from './jobs.policy.ts';
