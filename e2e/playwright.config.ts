import { defineConfig } from '@playwright/test';

// Browser journeys on the system Chromium (never a downloaded browser), against a server on a
// fresh embedded database with demo data.
// E2E_PORT runs a second suite beside a first one (each with its own server and data directory).
export const port = Number(process.env.E2E_PORT ?? 18700);
export const demoPassword = 'E2ePass2026x';

export default defineConfig({
  testDir: '.',
  outputDir: process.env.E2E_PORT ? `../test-results/e2e-${port}` : '../test-results/e2e',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `rm -rf .tmp/e2e-data-${port} && node apps/server/bin/kechuang.js --data .tmp/e2e-data-${port} serve --port ${port} --host 127.0.0.1 --quiet --demo --demo-password ${demoPassword}`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { DATABASE_URL: '' },
  },
});
