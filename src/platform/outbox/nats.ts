import { type JetStreamClient, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '../logger.js';
import type { FlywheelEvent } from './outbox.js';
import type { EventSink } from './relay.js';

export const natsStream = 'FLYWHEEL';
export const natsSubjectPrefix = 'flywheel';

/** `flywheel.identity.user_created`: one subject per event type, all in one stream. */
export function natsSubject(type: string): string {
  return `${natsSubjectPrefix}.${type}`;
}

/**
 * Publishes events to NATS JetStream. The event id is the JetStream message id, so the
 * stream's duplicate window drops a re-publication after a relay retry.
 */
export class NatsSink implements EventSink {
  readonly name = 'nats';
  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
  ) {}

  static async connect(url: string, logger: Logger): Promise<NatsSink> {
    const nc = await connect({ servers: url, name: 'flywheel', maxReconnectAttempts: -1 });
    const jsm = await jetstreamManager(nc);
    try {
      await jsm.streams.info(natsStream);
    } catch {
      await jsm.streams.add({
        name: natsStream,
        subjects: [`${natsSubjectPrefix}.>`],
        duplicate_window: 120_000_000_000,
      });
      logger.info({ stream: natsStream }, 'created NATS JetStream stream');
    }
    return new NatsSink(nc, jetstream(nc));
  }

  async deliver(event: FlywheelEvent): Promise<void> {
    await this.js.publish(natsSubject(event.type), JSON.stringify(event), {
      msgID: event.id,
      timeout: 5_000,
    });
  }

  async close(): Promise<void> {
    await this.nc.drain();
  }
}
