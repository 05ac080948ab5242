import { readFileSync } from 'node:fs';
import { ProblemError } from '../http/problem.js';
import { addServerMessages } from '../i18n/server-messages.js';

const read = (file: string) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
addServerMessages('de', read('./server-i18n/de.json'));
addServerMessages('en', read('./server-i18n/en.json'));

/**
 * A stored secret that no configured key opens: the instance key was changed or lost (the
 * previous key not kept), or the value was altered. Answers 409 `secret_unreadable` (the server
 * works, the stored value does not fit its key); the message names no secret.
 */
export class SecretUnreadableError extends ProblemError {
  constructor(readonly keyId: string | null) {
    super(409, 'secret_unreadable', { keyId: keyId ?? '?' });
    this.message = `stored secret cannot be decrypted with the configured key${keyId ? ` (it was sealed with key ${keyId})` : ''}: instance key changed?`;
  }
}
