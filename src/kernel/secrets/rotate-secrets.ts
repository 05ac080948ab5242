import { existsSync } from 'node:fs';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { previousKeyFilePath, replaceKeyFile, secretBoxFor } from './instance-keys.js';
import { type SealedColumn, checkSealedValues, describeUnreadable, resealAll } from './sealed-columns.js';

/**
 * `werkverbund secrets rotate`: every stored secret sealed again under a new key. With the key in
 * a file, the command makes the new key and moves the old one to `secret-key.previous`; with
 * `WERKVERBUND_SECRET_KEY`, the operator sets the new key there and the old one in
 * `WERKVERBUND_SECRET_KEY_PREVIOUS` first. Refuses, changing nothing, while any secret cannot be
 * opened. Returns what to tell the operator.
 */
export async function rotateSecrets(db: Db, columns: SealedColumn[], config: Pick<Config, 'dataDir'>, env: NodeJS.ProcessEnv): Promise<string> {
  const before = await checkSealedValues(db, columns, secretBoxFor(config, env));
  if (Object.keys(before.unreadable).length > 0) {
    throw new Error(
      `stored secrets cannot be decrypted with the configured keys (${describeUnreadable(before.unreadable)}); nothing was changed. ` +
        'Put the key they were sealed with in WERKVERBUND_SECRET_KEY_PREVIOUS (or a line of secret-key.previous in the data directory) and run again.',
    );
  }
  if (env.WERKVERBUND_SECRET_KEY) {
    const box = secretBoxFor(config, env);
    const count = await resealAll(db, columns, box);
    const hadPrevious = Boolean(env.WERKVERBUND_SECRET_KEY_PREVIOUS) || existsSync(previousKeyFilePath(config));
    if (count === 0 && !hadPrevious) {
      return `Every stored secret (${before.total}) is already sealed with key ${box.keyId}. To rotate: set WERKVERBUND_SECRET_KEY to a new key (openssl rand -base64 32) and WERKVERBUND_SECRET_KEY_PREVIOUS to the current one, then run this command again.`;
    }
    return (
      `${count} of ${before.total} stored secrets re-encrypted; all are now sealed with key ${box.keyId} (WERKVERBUND_SECRET_KEY). ` +
      'The database no longer needs the previous key: remove WERKVERBUND_SECRET_KEY_PREVIOUS (and secret-key.previous) from the server, ' +
      'but keep a copy offline as long as you keep backups made before this rotation. Restart the server.'
    );
  }
  const { oldKeyId, newKeyId } = replaceKeyFile(config);
  const count = await resealAll(db, columns, secretBoxFor(config, env));
  return (
    `New instance key ${newKeyId} written to ${config.dataDir}/secret-key; ${count} of ${before.total} stored secrets re-encrypted with it. ` +
    `The old key ${oldKeyId} was added to ${previousKeyFilePath(config)}: the database no longer needs it, but backups made before now do. ` +
    'Move that file offline (keep it as long as you keep those backups), then delete it from the server. Restart the server.'
  );
}
