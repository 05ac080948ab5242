import { createHash } from 'node:crypto';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import { imageTypeOf } from './domain/image-type.js';
import type { ShopfloorContext } from './shopfloor.service.js';

/** Largest photo stored; the terminal downscales to 1600 px JPEG, typically 200–600 kB. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/**
 * Stores a photo under the id the device generated. Sending the same photo again (a retry after a
 * lost answer) is answered `duplicate` and stores nothing; other bytes under a stored id are refused.
 */
export async function storePhoto(ctx: ShopfloorContext, id: string, body: unknown): Promise<{ id: string; status: 'stored' | 'duplicate'; mediaType: string; size: number }> {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  if (bytes.length === 0) throw new ProblemError(400, 'shopfloor_photo_empty');
  if (bytes.length > MAX_PHOTO_BYTES) throw new ProblemError(413, 'shopfloor_photo_too_large', { max: `${MAX_PHOTO_BYTES / 1024 / 1024} MB` });
  const mediaType = imageTypeOf(bytes);
  if (!mediaType) throw new ProblemError(415, 'shopfloor_photo_not_an_image');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const tenantId = ctx.tenant.tenantId;
  const inserted = await ctx.db
    .insertInto('shopfloor_photos')
    .values({ tenant_id: tenantId, id, media_type: mediaType, bytes, size: bytes.length, sha256, uploaded_by: ctx.tenant.userId })
    .onConflict((oc) => oc.columns(['tenant_id', 'id']).doNothing())
    .returning('id')
    .execute();
  if (inserted.length === 0) {
    const stored = await ctx.db.selectFrom('shopfloor_photos').select(['sha256']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirstOrThrow();
    if (stored.sha256 !== sha256) throw new ProblemError(409, 'shopfloor_photo_id_taken');
    return { id, status: 'duplicate', mediaType, size: bytes.length };
  }
  return { id, status: 'stored', mediaType, size: bytes.length };
}

export async function loadPhoto(ctx: ShopfloorContext, id: string): Promise<{ mediaType: string; bytes: Buffer }> {
  const row = await ctx.db.selectFrom('shopfloor_photos').select(['media_type', 'bytes']).where('tenant_id', '=', ctx.tenant.tenantId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('photo');
  return { mediaType: row.media_type, bytes: Buffer.from(row.bytes) };
}
