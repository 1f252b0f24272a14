import type { TJob } from '@kechuang/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { jobEnded, useJob } from '../jobs/jobs-api.ts';

/** A response that is a background job (202) rather than the answer itself. */
export const isJob = (x: unknown): x is TJob => typeof x === 'object' && x !== null && 'progress' in x && 'kind' in x && 'status' in x;

/**
 * Turns a background job into the promise of its result: `follow(job)` resolves with the job's result once it has
 * succeeded and rejects with its error (stable code, zh-CN text) once it has failed; `job` is the job as last read,
 * for a JobProgress bar, while one is followed. Polls through useJob, as the bulletin page does.
 * `lastJob` is the same job but kept once it has ended, until `clear()` or the next `follow`: for a bar that stays
 * (at 100%) until the caller has finished with the result, e.g. while the page reloads what the job changed.
 */
export function useFollowJob<R>() {
  const [jobId, setJobId] = useState<number | null>(null);
  const [ended, setEnded] = useState<TJob | undefined>(undefined);
  const job = useJob(jobId);
  const pending = useRef<{ resolve: (r: R) => void; reject: (e: unknown) => void } | null>(null);

  useEffect(() => {
    const j = job.data;
    if (!j || j.id !== jobId || !jobEnded(j)) return;
    const p = pending.current;
    pending.current = null;
    setJobId(null);
    setEnded(j);
    if (j.status === 'succeeded') p?.resolve(j.result as R);
    else p?.reject(new ApiError({ status: 400, code: j.error?.code ?? 'job/failed', title: j.error?.message ?? '' }));
  }, [job.data, jobId]);
  useEffect(() => {
    if (!job.isError || jobId === null) return;
    pending.current?.reject(job.error);
    pending.current = null;
    setJobId(null);
  }, [job.isError, job.error, jobId]);

  const follow = useCallback(
    (j: TJob) =>
      new Promise<R>((resolve, reject) => {
        pending.current = { resolve, reject };
        setEnded(undefined);
        setJobId(j.id);
      }),
    [],
  );
  const clear = useCallback(() => setEnded(undefined), []);
  return {
    follow,
    clear,
    job: jobId === null ? undefined : job.data,
    lastJob: jobId === null ? ended : job.data,
    following: jobId !== null,
  };
}
