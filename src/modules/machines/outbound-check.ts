import { ProblemError } from '../../kernel/http/problem.js';
import { OutboundBlockedError, resolveAllowed } from '../../kernel/net/outbound-policy.js';
import { type MachinesContext, outboundOf } from './machines.service.js';

/** The translated 400 for an address the outbound policy refuses, with the field it came from. */
export const outboundBlocked = (error: OutboundBlockedError, field = 'body.url') =>
  new ProblemError(400, 'machines_outbound_blocked', { target: error.host === error.address ? error.address : `${error.host} (${error.address})` }, { errors: [{ path: field, message: error.message }] });

/**
 * Checks the host of a URL a company saves (MQTT broker, OPC UA server) against the
 * outbound policy, so that a refused address is a clear 400 at once. The check at connect time
 * stays the one that counts (the name may resolve differently later).
 */
export async function checkOutboundUrl(ctx: MachinesContext, url: string, field = 'body.url'): Promise<void> {
  try {
    await resolveAllowed(outboundOf(ctx), new URL(url).hostname);
  } catch (error) {
    if (error instanceof OutboundBlockedError) throw outboundBlocked(error, field);
    throw error;
  }
}
