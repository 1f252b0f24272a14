/**
 * bench:load's measuring: every request of a virtual user goes through `call`, which times it and, while the
 * run is on, counts it as a read (GET) or a write (anything else), by route, by whether a bulletin job was
 * running when it started, and by the second of the run it started in when it was slow; during the warm-up
 * it is counted apart.
 */

export interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

export interface RouteStats {
  ms: number[];
  statuses: Map<string, number>;
}

/** requests slower than this are counted by the second of the run they started in: when the stalls were */
export const slowMs = 500;

export const ok = (r: { status: number }) => r.status >= 200 && r.status <= 299;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** the q-quantile of some latencies (NaN when there are none) */
export const pct = (xs: number[], q: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] as number;
};

export class Measure {
  readonly lat = { read: [] as number[], write: [] as number[] };
  /** the same, of the requests that started while no bulletin job was running */
  readonly latQuiet = { read: [] as number[], write: [] as number[] };
  readonly routes = new Map<string, RouteStats>();
  readonly slowBySecond = new Map<number, number>();
  /** the warm-up before the run: its latencies, and its answers that were not 2xx (they count as errors too) */
  readonly warm = { read: [] as number[], write: [] as number[], errors: 0 };
  /** the run is on: latencies count (the sign-ins before and the checks after do not) */
  measuring = false;
  warming = false;
  bulletinRunning = false;
  /** performance.now() when the run began */
  runStart = 0;
  /**
   * This generator's own lateness: a timer due every 50 ms, how late it fired, the largest per second of the run.
   * A request measured slow while the generator itself was late may have been answered in time.
   */
  readonly lagBySecond = new Map<number, number>();
  private lagTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly url: string,
    private readonly password: string,
  ) {}

  private routeOf(name: string): RouteStats {
    let r = this.routes.get(name);
    if (!r) {
      r = { ms: [], statuses: new Map() };
      this.routes.set(name, r);
    }
    return r;
  }

  async call(
    s: Session | null,
    route: string,
    method: string,
    p: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown; ms: number }> {
    const headers: Record<string, string> = {};
    if (s) headers.cookie = s.cookie;
    if (s && method !== 'GET') headers['x-csrf-token'] = s.csrf;
    const raw = body instanceof Uint8Array;
    if (body !== undefined) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
    const t0 = performance.now();
    const busyAtStart = this.bulletinRunning;
    let status = 0;
    let json: unknown = null;
    try {
      const res = await fetch(`${this.url}${p}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: raw ? (body as Uint8Array) : JSON.stringify(body) }),
      });
      status = res.status;
      const text = await res.text();
      json = text ? JSON.parse(text) : null;
    } catch {
      status = 0; // the connection failed
    }
    const ms = performance.now() - t0;
    const kind = method === 'GET' ? 'read' : 'write';
    if (this.warming) {
      this.warm[kind].push(ms);
      if (!ok({ status })) this.warm.errors++;
    }
    if (this.measuring) {
      this.lat[kind].push(ms);
      if (!busyAtStart) this.latQuiet[kind].push(ms);
      if (ms > slowMs) {
        const second = Math.floor((t0 - this.runStart) / 1000);
        this.slowBySecond.set(second, (this.slowBySecond.get(second) ?? 0) + 1);
      }
      const r = this.routeOf(`${method} ${route}`);
      r.ms.push(ms);
      if (!ok({ status })) {
        const key = `${status} ${(json as { code?: string } | null)?.code ?? ''}`.trim();
        r.statuses.set(key, (r.statuses.get(key) ?? 0) + 1);
      }
    }
    return { status, json, ms };
  }

  async signIn(username: string): Promise<Session> {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${this.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: this.password }),
      });
      if (res.status === 200) {
        const json = (await res.json()) as { csrfToken: string };
        const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('kc_session=')) ?? '').split(';')[0] as string;
        return { username, cookie, csrf: json.csrfToken };
      }
      if (attempt > 5) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      await sleep(500);
    }
  }

  /** starts timing this process's own lateness (until stopLag) */
  startLag() {
    let due = performance.now() + 50;
    this.lagTimer = setInterval(() => {
      const now = performance.now();
      const late = Math.max(0, now - due);
      due = now + 50;
      if (!this.measuring) return;
      const second = Math.floor((now - this.runStart) / 1000);
      this.lagBySecond.set(second, Math.max(this.lagBySecond.get(second) ?? 0, late));
    }, 50);
  }

  stopLag() {
    if (this.lagTimer) clearInterval(this.lagTimer);
  }

  /** answers of the run that were not 2xx */
  get errors(): number {
    return [...this.routes.values()].reduce((n, r) => n + [...r.statuses.values()].reduce((a, b) => a + b, 0), 0);
  }
}
