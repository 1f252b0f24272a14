import { AppError, type ErrorCode, errorCatalog, type TProblem } from '@kechuang/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

export function sendProblem(reply: FastifyReply, code: ErrorCode, extra: Partial<TProblem> = {}) {
  const entry = errorCatalog[code];
  const body: TProblem = { type: `urn:kechuang:error:${code}`, title: entry.zh, status: entry.status, code, ...extra };
  return reply.code(entry.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}

// Fastify's own errors for bodies it cannot take, mapped to our stable codes.
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'common/malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'common/malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'common/payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'common/unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'common/validation',
};

/** Every error leaves as application/problem+json with a stable code and a zh-CN title. */
export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      // A message written for people (zh-CN, e.g. the lock holder) goes in detail.
      const detail = /[\u4e00-\u9fff]/.test(err.message) ? err.message : undefined;
      const rowErrors = err.details?.rowErrors as TProblem['rowErrors'] | undefined;
      const retryAfter = err.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') {
        reply.header('retry-after', String(retryAfter));
        return sendProblem(reply, err.code, { detail: `请在 ${retryAfter} 秒后再试` });
      }
      return sendProblem(reply, err.code, { ...(detail ? { detail } : {}), ...(Array.isArray(rowErrors) ? { rowErrors } : {}) });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => ({
        path: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message ?? '无效',
      }));
      return sendProblem(reply, 'common/validation', { errors });
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause?.issues }, 'response does not match its contract');
      return sendProblem(reply, 'common/internal');
    }
    if (err instanceof SyntaxError && (err as FastifyError).statusCode === 400) return sendProblem(reply, 'common/malformed_json');
    const mapped = err.code ? fastifyCodes[err.code] : undefined;
    if (mapped) return sendProblem(reply, mapped);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendProblem(reply, 'common/validation', { detail: err.message });
    }
    request.log.error({ err }, 'unhandled error');
    return sendProblem(reply, 'common/internal');
  });
}
