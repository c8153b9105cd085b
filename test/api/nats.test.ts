import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { natsStream, natsSubject } from '../../src/platform/outbox/nats.js';
import { givenMember, givenOrg } from '../support/builders.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

// Runs where NATS_URL is set: in CI's PostgreSQL + Redis + NATS pass.
describe.runIf(process.env.NATS_URL)('events to NATS JetStream', () => {
  let fw: TestFlywheel;
  beforeEach(async () => {
    fw = await startFlywheel({ config: { natsUrl: process.env.NATS_URL! } });
  });
  afterEach(() => fw.cleanup());

  it('publishes each committed event to the stream, once, with its id as message id', async () => {
    await fw.relay.drain(); // creates the stream on first use
    const nc = await connect({ servers: process.env.NATS_URL });
    const jsm = await jetstreamManager(nc);
    const startSeq = (await jsm.streams.info(natsStream)).state.last_seq;
    const admin = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    const key = (await admin.post('/api/api-keys', { name: 'nats', role: 'viewer' })).json();
    await fw.relay.drain();
    await fw.rt.db.updateTable('platform_outbox').set({ streamed_at: null }).execute();
    await fw.relay.drain(); // published again: JetStream's duplicate window drops it

    try {
      const lastSeq = (await jsm.streams.info(natsStream)).state.last_seq;
      const seen: string[] = [];
      for (let seq = startSeq + 1; seq <= lastSeq; seq++) {
        const m = await jsm.streams.getMessage(natsStream, { seq }).catch(() => null);
        if (!m || m.subject !== natsSubject('identity.api_key_created')) continue;
        const e = m.json<{ id: string; aggregateId: string }>();
        if (e.aggregateId === key.id) seen.push(e.id);
      }
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatch(/^evt_/);
    } finally {
      await nc.close();
    }
  });
});
