/**
 * The per-request cost of faq-edge's handler against a bare Hono app with
 * the same answer, both inside one workerd isolate (bench/handler-worker):
 * the part of the cache-hit / baseline gap that is the Worker's own work,
 * apart from wrangler's proxy and the load generator sharing the machine.
 */
import { freePort } from "../scripts/lib/free-port";
import { startWranglerDev } from "../scripts/lib/wrangler-dev";

export interface HandlerCost {
  path: string;
  oursUs: number;
  bareUs: number;
}

export async function measureHandlerCost(persistTo: string, vars: Record<string, string>, paths: string[], n = 1000): Promise<HandlerCost[]> {
  const worker = await startWranglerDev({ port: await freePort(), configPath: "bench/handler-worker/wrangler.toml", persistTo, output: "ignore", vars });
  try {
    const costs: HandlerCost[] = [];
    for (const path of paths) {
      const response = await fetch(`${worker.url}/run?n=${n}&path=${encodeURIComponent(path)}`);
      const result = (await response.json()) as { status: number; oursUs: number; bareUs: number };
      if (result.status !== 200) throw new Error(`${path} answered ${result.status} inside the handler bench`);
      costs.push({ path, oursUs: Math.round(result.oursUs), bareUs: Math.round(result.bareUs) });
    }
    return costs;
  } finally {
    await worker.stop();
  }
}
