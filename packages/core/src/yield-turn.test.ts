import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { yieldTurn } from './yield-turn.ts';

describe('yieldTurn', () => {
  // a request handler runs from an I/O callback: its turn must let timers and other I/O in, not only immediates
  it('lets a timer that fell due run, when yielded from an I/O callback', async () => {
    const server = net.createServer().listen(0);
    await new Promise<void>((r) => server.once('listening', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const ran = await new Promise<boolean>((resolve) => {
        const client = net.connect(port);
        client.on('connect', async () => {
          let fired = false;
          setTimeout(() => {
            fired = true;
          }, 0);
          const until = Date.now() + 5; // the timer falls due meanwhile
          while (Date.now() < until);
          await yieldTurn();
          client.destroy();
          resolve(fired);
        });
      });
      expect(ran).toBe(true);
    } finally {
      server.close();
    }
  });
});
