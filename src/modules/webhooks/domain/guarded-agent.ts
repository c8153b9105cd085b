import { lookup } from 'node:dns';
import { Agent } from 'undici';
import { addressAllowed, literalAddress } from './addresses.js';

/**
 * An HTTP agent that checks the address it actually connects to, after DNS: a host name that
 * resolves (or is rebound) to a private address is refused, not just one registered as such.
 */
export function guardedAgent(allowPrivate: boolean): Agent {
  if (allowPrivate) return new Agent();
  return new Agent({
    connect: {
      lookup(hostname, options, callback) {
        const literal = literalAddress(hostname);
        if (literal) {
          if (!addressAllowed(literal, false))
            return callback(new Error(`address ${literal} is not allowed for webhooks`), '', 0);
        }
        lookup(hostname, { ...options, all: true }, (err, addresses) => {
          if (err) return callback(err, '', 0);
          const refused = addresses.find((a) => !addressAllowed(a.address, false));
          if (refused)
            return callback(
              new Error(`${hostname} resolves to ${refused.address}, which is not allowed for webhooks`),
              '',
              0,
            );
          if ((options as { all?: boolean }).all) return (callback as any)(null, addresses);
          callback(null, addresses[0].address, addresses[0].family);
        });
      },
    },
  });
}
