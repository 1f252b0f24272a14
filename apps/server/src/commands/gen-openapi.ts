import fs from 'node:fs';
import { openDb } from '@kechuang/db';
import { Command } from 'commander';
import { buildApp } from '../app.ts';

/** Writes the OpenAPI document; it is committed and CI fails when it drifts from the code. */
export async function openapiDocument(): Promise<string> {
  const database = await openDb({ memory: true });
  try {
    const app = await buildApp({ database, webDir: null });
    await app.ready();
    const doc = app.swagger();
    await app.close();
    return `${JSON.stringify(doc, null, 2)}\n`;
  } finally {
    await database.close();
  }
}

export function genOpenapiCommand() {
  return new Command('gen-openapi')
    .description('生成 OpenAPI 3.1 文档')
    .argument('<file>', '输出文件')
    .action(async (file: string) => {
      fs.writeFileSync(file, await openapiDocument());
      console.log(`已写入 ${file}`);
    });
}
