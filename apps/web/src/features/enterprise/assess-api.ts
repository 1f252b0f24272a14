import type { TAssessmentResult } from '@kechuang/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { AssessBody } from './assess-model.ts';

/** POST /api/enterprise/assess: a stateless pre-assessment; nothing is stored. */
export function useAssess() {
  return useMutation({
    mutationFn: (body: AssessBody) => api.post<TAssessmentResult>('/api/enterprise/assess', body),
  });
}
