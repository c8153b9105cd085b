import { Nullable, Timestamp, Type } from '../../platform/http/schemas.js';
import { orderSources } from './domain/sources.js';

export const OrderSourceView = Type.Object({
  orderId: Type.String(),
  channelId: Type.String(),
  channelKind: Type.String(),
  source: Type.Enum(orderSources),
  ref: Nullable(Type.String()),
  placedAt: Timestamp,
});
