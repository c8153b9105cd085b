import type { Config } from '../../platform/config.js';
import { SandboxProvider } from './sandbox.js';

const byConfig = new WeakMap<Config, SandboxProvider>();

/** The payment provider of a running Flywheel (the sandbox; real providers plug in here). */
export function providerFor(config: Config): SandboxProvider {
  let p = byConfig.get(config);
  if (!p) {
    p = new SandboxProvider({
      key: config.sandboxPayKey,
      publicUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
      notifyDelayMs: config.sandboxNotifyDelayMs,
      latencyMs: config.sandboxLatencyMs,
    });
    byConfig.set(config, p);
  }
  return p;
}
