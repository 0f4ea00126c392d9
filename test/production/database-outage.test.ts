import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { connectPostgres } from '../../src/db/postgres.ts';
import { prepareSchema } from '../../src/boot/prepare.ts';
import { dataVersionSource } from '../../src/http/data-version.ts';
import { freePort } from '../../scripts/lib/processes.ts';

/**
 * The database goes away (a TCP proxy in front of Postgres is closed) and comes back: requests
 * get 503 problem+json meanwhile, and 200 again afterwards, without restarting anything.
 * Needs a Postgres server: runs when TEST_DATABASE_URL is set (CI sets it).
 */
const adminUrl = process.env.TEST_DATABASE_URL;

class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
  }

  /** Closes the port and cuts every open connection: to the app, the database is gone. */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(null)));
    this.server = null;
  }
}

let proxy: TcpProxy;
let schema: string;
let app: ReturnType<typeof createApp>;
let closeApp: () => Promise<void>;

beforeAll(async () => {
  if (!adminUrl) return;
  schema = `test_outage_${randomBytes(4).toString('hex')}`;
  const admin = connectPostgres({ url: adminUrl, poolSize: 1 });
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const direct = connectPostgres({ url: adminUrl, poolSize: 1, schema });
  await prepareSchema(direct.db);
  await direct.close();

  const target = new URL(adminUrl);
  proxy = new TcpProxy(await freePort(), { host: target.hostname, port: Number(target.port || 5432) });
  await proxy.start();
  const viaProxy = new URL(adminUrl);
  viaProxy.port = String(proxy.port);
  const { db, close } = connectPostgres({ url: viaProxy.toString(), poolSize: 2, schema, connectTimeout: 2 });
  closeApp = close;
  app = createApp({ db, versions: dataVersionSource(db, 0) });
});

afterAll(async () => {
  if (!adminUrl) return;
  await closeApp?.();
  await proxy?.stop();
  const admin = connectPostgres({ url: adminUrl, poolSize: 1 });
  await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(admin.db);
  await admin.close();
});

describe.skipIf(!adminUrl)('when the database goes away', () => {
  it('answers 503 problem+json with Retry-After, then 200 again once it is back, without a restart', async () => {
    expect((await app.request('/v1/indicators')).status).toBe(200);

    await proxy.stop();
    for (const url of ['/v1/indicators', '/v1/sources', '/v1/observations?indicator=EGDI&countries=VNM']) {
      const response = await app.request(url);
      expect(response.status, url).toBe(503);
      expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(response.headers.get('retry-after')).toBe('5');
      expect(((await response.json()) as { code: string }).code).toBe('service_unavailable');
    }
    const ready = await app.request('/ready');
    expect(ready.status).toBe(503);
    expect(ready.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(ready.headers.get('retry-after')).toBe('5');
    expect(((await ready.json()) as { database: string }).database).toBe('unreachable');
    expect((await app.request('/health')).status).toBe(200); // liveness does not depend on the database

    await proxy.start();
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = (await app.request('/v1/indicators')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    expect((await app.request('/ready')).status).toBe(200);
  }, 60_000);

  it('answers every request with 503 problem+json and Retry-After within 1 s for the whole of a 30 s outage, /ready included, then recovers', async () => {
    expect((await app.request('/v1/indicators')).status).toBe(200);
    await proxy.stop();
    const urls = [
      '/v1/indicators',
      '/ready',
      '/v1/observations?indicator=EGDI&countries=VNM',
      '/v1/rankings?indicator=EGDI',
    ];
    const latencies: number[] = [];
    const wrong: string[] = [];
    const until = performance.now() + OUTAGE_MS;
    for (let i = 0; performance.now() < until; i++) {
      const url = urls[i % urls.length] as string;
      const started = performance.now();
      const response = await app.request(url);
      latencies.push(performance.now() - started);
      const body = (await response.json()) as { code?: string };
      if (
        response.status !== 503 ||
        response.headers.get('content-type') !== 'application/problem+json; charset=utf-8' ||
        response.headers.get('retry-after') !== '5' ||
        body.code !== 'service_unavailable'
      )
        wrong.push(`${url}: ${response.status} ${JSON.stringify(body)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const max = Math.max(...latencies);
    console.log(
      `outage: ${latencies.length} requests over ${OUTAGE_MS / 1000} s, 503 latency max ${max.toFixed(1)} ms`,
    );
    expect(wrong).toEqual([]);
    expect(latencies.length).toBeGreaterThan(100);
    expect(max).toBeLessThan(1000);

    await proxy.start();
    const back = performance.now();
    let status = 0;
    while (status !== 200 && performance.now() - back < 10_000) {
      status = (await app.request('/v1/indicators')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`outage: recovered ${Math.round(performance.now() - back)} ms after the database came back`);
    expect(status).toBe(200);
    expect((await app.request('/ready')).status).toBe(200);
  }, 90_000);
});

/** Long enough to outlast the driver's reconnect backoff several times over. */
const OUTAGE_MS = 30_000;
