import { ZHealth } from '@kechuang/contracts';
import type { Routes } from './types.ts';

export function healthRoutes(info: { db: 'pglite' | 'postgres'; version: string }): Routes {
  const body = { status: 'ok' as const, db: info.db, version: info.version };
  return async (app) => {
    app.get(
      '/health',
      { config: { public: true }, schema: { tags: ['system'], summary: '健康检查', response: { 200: ZHealth } } },
      async () => body,
    );
  };
}
