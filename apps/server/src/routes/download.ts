import type { FastifyReply } from 'fastify';

/** A generated or stored file as a download: an ASCII fallback name plus the UTF-8 name (RFC 6266), never cached. */
export function sendDownload(reply: FastifyReply, file: { bytes: Uint8Array; type: string; asciiName: string; name: string }) {
  return reply
    .type(file.type)
    .header('content-disposition', `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(file.bytes));
}
