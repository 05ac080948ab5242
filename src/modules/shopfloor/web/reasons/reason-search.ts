import type { Reason } from '../../domain/reason-tree';

/**
 * The texts a reason is found by: its names in both languages and its group's, so that searching
 * for a group finds all of its reasons; `extra` adds translated words such as the loss category.
 */
export function reasonSearchTexts(reason: Reason, all: readonly Reason[], extra: readonly string[] = []): string[] {
  const parent = reason.parentId ? all.find((r) => r.id === reason.parentId) : undefined;
  return [reason.label.de, reason.label.en, ...(parent ? [parent.label.de, parent.label.en] : []), ...extra];
}

/**
 * The reasons a search shows, in the catalogue's order: the ones found and the group of each, since
 * a reason is always shown under its group.
 */
export function withGroups<T extends Pick<Reason, 'id' | 'parentId'>>(all: readonly T[], found: readonly T[]): T[] {
  const ids = new Set(found.map((r) => r.id));
  for (const r of found) if (r.parentId) ids.add(r.parentId);
  return all.filter((r) => ids.has(r.id));
}
