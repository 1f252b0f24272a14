import { evaluationRunJob } from '../indicator/run-job.ts';
import { planCreateJob } from '../plan/plan-import-create.ts';
import { bulletinJob } from '../plan-execution/bulletin-job.ts';
import { planXlsxImportJob } from '../plan-execution/plan-import-xlsx.ts';
import type { JobHandler } from './job-queue.ts';

/**
 * Every kind of job the server runs (what a JobQueue is built with). Kept apart from the module's index:
 * the modules that queue jobs import the jobs module, and this list imports them.
 */
// biome-ignore lint/suspicious/noExplicitAny: each handler checks its own params
export const jobHandlers: JobHandler<any>[] = [bulletinJob, evaluationRunJob, planCreateJob, planXlsxImportJob];
